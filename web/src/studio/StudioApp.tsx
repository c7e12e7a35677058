// Kezek Studio: the staff's face at /studio. One chunk (and its pages' chunks), never loaded by the family portal's pages.
import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { request } from '@shared/graphql/client';
import { StudioMeDocument } from '@shared/graphql/generated/graphql';
import { Link, matchPath, navigate, useLocation } from '@shared/router';
import { useAsync } from '@shared/ui/async';
import { ProblemMessage } from '@shared/ui/errors';
import { Loading, Page } from '@shared/ui/page';
import { usePortal } from '../portal/shell/context';
import { useStudioI18n, type StudioKey } from './i18n';
import { screensFor, type Screen, StudioContext, type StudioViewer } from './shell/access';
import { enterUnderStudioPolicy } from './json/policy';
import './studio.css';
import { LanguageSwitch } from '@shared/ui/LanguageSwitch';

type Props = Record<string, string>;
const page = (load: () => Promise<{ default: ComponentType<any> }>) => lazy(load) as ComponentType<Props>; // eslint-disable-line @typescript-eslint/no-explicit-any

// The designers' pages keep their unsaved work when the language changes; every other page is opened again, so that what
// the server words (names, statuses, messages) comes in the new language.
const keepsWorkOnLanguage: Screen[] = ['rules', 'lifecycles'];

const routes: { path: string; screen: Screen; component: ComponentType<Props> }[] = [
  { path: '/studio/rules', screen: 'rules', component: page(() => import('./rules/RulesPage')) },
  { path: '/studio/lifecycles', screen: 'lifecycles', component: page(() => import('./lifecycles/LifecyclesPage')) },
  { path: '/studio/journal', screen: 'journal', component: page(() => import('./operator/JournalPage')) },
  { path: '/studio/applications/:number', screen: 'journal', component: page(() => import('./operator/CardPage')) },
  { path: '/studio/seats', screen: 'seats', component: page(() => import('./operator/SeatsPage')) },
  { path: '/studio/allocation', screen: 'allocation', component: page(() => import('./allocation/RunsPage')) },
  { path: '/studio/allocation/:id', screen: 'allocation', component: page(() => import('./allocation/RunPage')) },
  { path: '/studio/outbox', screen: 'outbox', component: page(() => import('./operator/OutboxPage')) },
  { path: '/studio/statistics', screen: 'statistics', component: page(() => import('./operator/StatisticsPage')) },
  { path: '/studio/kindergartens', screen: 'kindergartens', component: page(() => import('./reference/KindergartensPage')) },
  { path: '/studio/regions', screen: 'regions', component: page(() => import('./reference/RegionsPage')) },
  { path: '/studio/intake', screen: 'intake', component: page(() => import('./intake/IntakePage')) },
  { path: '/studio/roles', screen: 'roles', component: page(() => import('./admin/RolesPage')) },
  { path: '/studio/registry', screen: 'registry', component: page(() => import('./admin/RegistryPage')) },
];

const screenPaths: Record<Screen, string> = {
  rules: '/studio/rules', lifecycles: '/studio/lifecycles', journal: '/studio/journal', seats: '/studio/seats', outbox: '/studio/outbox',
  intake: '/studio/intake', roles: '/studio/roles', registry: '/studio/registry', statistics: '/studio/statistics',
  kindergartens: '/studio/kindergartens', regions: '/studio/regions', allocation: '/studio/allocation',
};

export default function StudioApp() {
  const { viewer, viewerLoaded } = usePortal();
  const { path, search } = useLocation();
  // Under the portal's policy (the studio entered from the sign-in page), the studio's pages load afresh under their own.
  const [reloading] = useState(enterUnderStudioPolicy);
  useEffect(() => {
    if (!reloading && viewerLoaded && !viewer) navigate(`/sign-in?next=${encodeURIComponent(path + search)}`, { replace: true });
  }, [reloading, viewer, viewerLoaded, path, search]);
  if (reloading || !viewerLoaded || !viewer) return <Loading />;
  return <SignedIn />;
}

function SignedIn() {
  const { t, lang } = useStudioI18n();
  const { path } = useLocation();
  const me = useAsync(() => request(StudioMeDocument), []);
  if (me.loading && !me.data) return <Loading />;
  if (me.error !== undefined)
    return (
      <main className="container main" id="main">
        <ProblemMessage error={me.error} />
      </main>
    );
  const viewer = me.data!.me as StudioViewer;
  const screens = screensFor(viewer.roles);
  if (screens.length === 0) return <NoAccess />;
  let content = null;
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (!params) continue;
    const Component = route.component;
    content = screens.includes(route.screen) ? <Component key={keepsWorkOnLanguage.includes(route.screen) ? route.path : `${route.path}:${lang}`} {...params} /> : <NotAllowed />;
    break;
  }
  if (!content) {
    if (path === '/studio' || path === '/studio/') {
      navigate(screenPaths[screens[0]], { replace: true });
      return null;
    }
    content = <NotAllowed />;
  }
  return (
    <StudioContext.Provider value={{ viewer, screens }}>
      <StudioLayout screens={screens} viewer={viewer}>
        <Suspense fallback={<Loading />}>{content}</Suspense>
      </StudioLayout>
      <span hidden>{t('app.name')}</span>
    </StudioContext.Provider>
  );
}

function StudioLayout({ screens, viewer, children }: { screens: Screen[]; viewer: StudioViewer; children: React.ReactNode }) {
  const { t, lang, setLang } = useStudioI18n();
  const { signOut, regions } = usePortal();
  const { path } = useLocation();
  const regionName = (code: string) => regions.find((r) => r.code === code)?.name ?? code;
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="header studio-header">
        <div className="studio-container header__top">
          <Link className="header__brand" href="/studio">
            <span className="header__name">{t('app.name')}</span>
            <span className="header__tagline">{t('app.tagline')}</span>
          </Link>
          <div className="studio-who">
            <span>{viewer.fullName}</span>
            <span className="studio-who__roles">{viewer.roles.filter((r) => r.role !== 'APPLICANT').map((r) => t(`role.${r.role}` as StudioKey) + (r.region ? ` · ${regionName(r.region)}` : '') + (r.bin ? ` · ${t('kg.binShort')} ${r.bin}` : '')).join(', ')}</span>
            <button type="button" className="link-button studio-who__out" onClick={() => void signOut()}>
              {t('nav.signOut')}
            </button>
          </div>
          <LanguageSwitch label={t('nav.language')} lang={lang} setLang={setLang} />
        </div>
        <nav className="studio-container nav" aria-label={t('nav.main')}>
          <ul>
            {screens.map((screen) => (
              <li key={screen}>
                <Link href={screenPaths[screen]} aria-current={path.startsWith(screenPaths[screen]) || (screen === 'journal' && path.startsWith('/studio/applications')) ? 'page' : undefined}>
                  {t(`nav.${screen}` as StudioKey)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main className="studio-container main" id="main">
        {children}
      </main>
    </>
  );
}

/** A person without a staff role (a parent): nothing of the studio, a way back to the portal. */
function NoAccess() {
  const { t } = useStudioI18n();
  return (
    <main className="container main" id="main">
      <Page title={t('noAccess.title')}>
        <p>{t('noAccess.body')}</p>
        <p>
          <a href="/cabinet">{t('noAccess.toPortal')}</a>
        </p>
      </Page>
    </main>
  );
}

function NotAllowed() {
  const { t } = useStudioI18n();
  return (
    <Page title={t('notAllowed.title')}>
      <p>{t('notAllowed.body')}</p>
    </Page>
  );
}
