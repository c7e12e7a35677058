import { useEffect, type ReactNode } from 'react';
import { navigate } from '@shared/router';
import { Loading } from '@shared/ui/page';
import { usePortal } from './context';

/** The cabinet's pages: without a session, to sign-in and back here afterwards; a first sign-in asks for the e-mail first. */
export function RequireSignIn({ children, allowWithoutEmail = false }: { children: ReactNode; allowWithoutEmail?: boolean }) {
  const { viewer, viewerLoaded } = usePortal();
  const here = window.location.pathname + window.location.search;
  useEffect(() => {
    if (!viewerLoaded) return;
    if (!viewer) navigate(`/sign-in?next=${encodeURIComponent(here)}`, { replace: true });
    else if (viewer.needsEmail && !allowWithoutEmail) navigate(`/cabinet/email?next=${encodeURIComponent(here)}`, { replace: true });
  }, [viewer, viewerLoaded, here, allowWithoutEmail]);
  if (!viewerLoaded || !viewer || (viewer.needsEmail && !allowWithoutEmail)) return <Loading />;
  return <>{children}</>;
}

/** Only same-site paths are followed after sign-in. */
export function safeNext(next: string | null, fallback = '/cabinet'): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : fallback;
}
