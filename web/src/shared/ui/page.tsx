import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';

/** One page: its title in the tab and as the heading, which takes focus on arrival so screen readers announce it. */
export function Page({ title, caption, back, children }: { title: string; caption?: ReactNode; back?: { href: string; label?: string }; children: ReactNode }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <>
      {back && (
        <Link className="back-link" href={back.href}>
          {back.label ?? t('nav.back')}
        </Link>
      )}
      {caption && <span className="caption">{caption}</span>}
      <h1 tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {children}
    </>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

export function Notice({ kind = 'info', title, children }: { kind?: 'info' | 'success' | 'warning' | 'error'; title?: ReactNode; children?: ReactNode }) {
  return (
    <div className={`notice notice--${kind}`} role={kind === 'error' || kind === 'warning' ? 'alert' : 'status'}>
      {title && <p className="notice__title">{title}</p>}
      {children}
    </div>
  );
}
