import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { ApiError, onSessionExpired, request } from '@shared/graphql/client';
import { MeDocument, PortalShellDocument, SignOutDocument, type MeQuery, type PortalShellQuery } from '@shared/graphql/generated/graphql';
import { useI18n } from '@shared/i18n/i18n';
import { navigate } from '@shared/router';
import { session } from '@shared/session/token';

type Shell = PortalShellQuery;
type Viewer = NonNullable<MeQuery['me']>;

interface PortalState {
  settings: Shell['portalSettings'];
  regions: Shell['regions'];
  region: string;
  setRegion: (code: string) => void;
  viewer: Viewer | null;
  viewerLoaded: boolean;
  refreshViewer: () => Promise<Viewer | null>;
  signedIn: (token: string) => Promise<Viewer | null>;
  signOut: () => Promise<void>;
}

const Context = createContext<PortalState | null>(null);
const regionKey = 'kezek.region';

export function PortalProvider({ children }: { children: ReactNode }) {
  const { lang, t } = useI18n();
  const [shell, setShell] = useState<Shell | null>(null);
  const [failed, setFailed] = useState(false);
  const [region, setRegionState] = useState<string>(() => localStorage.getItem(regionKey) ?? '');
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const [viewerLoaded, setViewerLoaded] = useState(false);

  useEffect(() => {
    request(PortalShellDocument).then(setShell, () => setFailed(true));
  }, [lang]);

  const refreshViewer = useCallback(async () => {
    if (!session.token()) {
      setViewer(null);
      setViewerLoaded(true);
      return null;
    }
    try {
      const me = (await request(MeDocument)).me ?? null;
      if (!me) session.clear();
      setViewer(me);
      return me;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') setViewer(null);
      return null;
    } finally {
      setViewerLoaded(true);
    }
  }, []);

  useEffect(() => {
    void refreshViewer();
  }, [refreshViewer]);

  useEffect(
    () =>
      onSessionExpired(() => {
        setViewer(null);
        const here = window.location.pathname + window.location.search;
        if (!window.location.pathname.startsWith('/sign-in')) navigate(`/sign-in?expired=1&next=${encodeURIComponent(here)}`, { replace: true });
      }),
    [],
  );

  if (failed) {
    return (
      <main className="container" id="main">
        <h1>{t('app.name')}</h1>
        <p role="alert">{t('error.NETWORK')}</p>
      </main>
    );
  }
  if (!shell) return null;

  const known = shell.regions.some((r) => r.code === region);
  const current = known ? region : (shell.portalSettings.defaultRegion ?? shell.regions[0]?.code ?? '');
  const value: PortalState = {
    settings: shell.portalSettings,
    regions: shell.regions,
    region: current,
    setRegion: (code) => {
      localStorage.setItem(regionKey, code);
      setRegionState(code);
    },
    viewer,
    viewerLoaded,
    refreshViewer,
    signedIn: async (token) => {
      session.set(token);
      return refreshViewer();
    },
    signOut: async () => {
      try {
        await request(SignOutDocument);
      } catch {
        /* the session may have ended already */
      }
      session.clear();
      setViewer(null);
      navigate('/');
    },
  };
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function usePortal(): PortalState {
  const value = useContext(Context);
  if (!value) throw new Error('usePortal outside PortalProvider');
  return value;
}
