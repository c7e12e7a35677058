import { lazy, Suspense } from 'react';
import { I18nProvider } from './shared/i18n/i18n';
import { RouterProvider, matchPath, useLocation } from './shared/router';
import { Loading } from './shared/ui/page';
import { portalRoutes } from './portal/routes';
import { Layout } from './portal/shell/Layout';
import { PortalProvider } from './portal/shell/context';

// Kezek Studio (staff) is its own chunk: a parent's phone never downloads it.
const Studio = lazy(() => import('./studio/StudioApp'));

function Routes() {
  const { path } = useLocation();
  if (path === '/studio' || path.startsWith('/studio/'))
    return (
      <Suspense fallback={<Loading />}>
        <Studio />
      </Suspense>
    );
  for (const route of portalRoutes) {
    const params = matchPath(route.path, path);
    if (params) {
      const Component = route.component;
      return (
        <Layout>
          <Suspense fallback={<Loading />}>
            <Component {...params} />
          </Suspense>
        </Layout>
      );
    }
  }
  const NotFound = portalRoutes.find((r) => r.path === '*')!.component;
  return (
    <Layout>
      <Suspense fallback={<Loading />}>
        <NotFound />
      </Suspense>
    </Layout>
  );
}

export function App() {
  return (
    <I18nProvider>
      <RouterProvider>
        <PortalProvider>
          <Routes />
        </PortalProvider>
      </RouterProvider>
    </I18nProvider>
  );
}
