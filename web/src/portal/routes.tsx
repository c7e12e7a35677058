import { lazy, type ComponentType } from 'react';

// One chunk per page: the public search page loads only what it needs.
type Route = { path: string; component: ComponentType<Record<string, string>> };
const page = (load: () => Promise<{ default: ComponentType<any> }>) => lazy(load) as ComponentType<Record<string, string>>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const portalRoutes: Route[] = [
  { path: '/', component: page(() => import('./search/SearchPage')) },
  { path: '/statistics', component: page(() => import('./statistics/StatisticsPage')) },
  { path: '/places', component: page(() => import('./places/PlacesPage')) },
  { path: '/rules', component: page(() => import('./policy/PolicyPage')) },
  { path: '/help', component: page(() => import('./help/HelpPage')) },
  { path: '/verify', component: page(() => import('./verify/VerifyPage')) },
  { path: '/verify/:code', component: page(() => import('./verify/VerifyPage')) },
  { path: '/sign-in', component: page(() => import('./signin/SignInPage')) },
  { path: '/cabinet', component: page(() => import('./cabinet/JournalPage')) },
  { path: '/cabinet/email', component: page(() => import('./cabinet/ContactPage')) },
  { path: '/cabinet/settings', component: page(() => import('./cabinet/ContactPage')) },
  { path: '/cabinet/notifications', component: page(() => import('./cabinet/NotificationsPage')) },
  { path: '/cabinet/register', component: page(() => import('./cabinet/RegisterPage')) },
  { path: '/cabinet/attach', component: page(() => import('./cabinet/AttachPage')) },
  { path: '/cabinet/applications/:number', component: page(() => import('./cabinet/ApplicationPage')) },
  { path: '/cabinet/applications/:number/ranking', component: page(() => import('./cabinet/RankingPage')) },
  { path: '/cabinet/applications/:number/transfer', component: page(() => import('./cabinet/TransferPage')) },
  { path: '/allocation/runs/:id', component: page(() => import('./allocation/RunExtractPage')) },
  { path: '/cabinet/applications/:number/choose', component: page(() => import('./cabinet/ChoosePage')) },
  { path: '/cabinet/applications/:number/:action', component: page(() => import('./cabinet/ActionPage')) },
  { path: '*', component: page(() => import('./NotFoundPage')) },
];
