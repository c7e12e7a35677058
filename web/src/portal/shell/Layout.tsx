import type { ReactNode } from 'react';
import { useI18n } from '@shared/i18n/i18n';
import { Link, useLocation } from '@shared/router';
import { usePortal } from './context';
import { LanguageSwitch } from '@shared/ui/LanguageSwitch';


export function Layout({ children }: { children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const { viewer } = usePortal();
  const { path } = useLocation();
  const nav = [
    { href: '/', label: t('nav.search') },
    { href: '/statistics', label: t('nav.statistics') },
    { href: '/places', label: t('nav.places') },
    { href: '/rules', label: t('nav.rules') },
    { href: '/help', label: t('nav.help') },
  ];
  const current = (href: string) => (href === '/' ? path === '/' : path.startsWith(href));
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="header">
        <div className="container header__top">
          <Link className="header__brand" href="/">
            <span className="header__name">{t('app.name')}</span>
            <span className="header__tagline">{t('app.tagline')}</span>
          </Link>
          <LanguageSwitch label={t('nav.language')} lang={lang} setLang={setLang} />
        </div>
        <nav className="container nav" aria-label={t('nav.main')}>
          <ul>
            {nav.map((item) => (
              <li key={item.href}>
                <Link href={item.href} aria-current={current(item.href) ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
            <li className="nav__cabinet">
              <Link href={viewer ? '/cabinet' : '/sign-in'} aria-current={path.startsWith('/cabinet') || path === '/sign-in' ? 'page' : undefined}>
                {viewer ? t('nav.cabinet') : t('nav.signIn')}
              </Link>
            </li>
          </ul>
        </nav>
      </header>
      <main className="container main" id="main">
        {children}
      </main>
      <footer className="footer">
        <div className="container">
          <p>{t('footer.about')}</p>
          <p>
            <Link href="/help">{t('nav.help')}</Link> · <Link href="/verify">{t('nav.verify')}</Link>
          </p>
        </div>
      </footer>
    </>
  );
}

/** The region the public pages speak of, kept for the next visit. */
export function RegionSelect() {
  const { t } = useI18n();
  const { regions, region, setRegion } = usePortal();
  if (regions.length < 2) return null;
  return (
    <div className="field region-select">
      <label htmlFor="region">{t('region.label')}</label>
      <select id="region" value={region} onChange={(e) => setRegion(e.target.value)}>
        {regions.map((r) => (
          <option key={r.code} value={r.code}>
            {r.name}
          </option>
        ))}
      </select>
    </div>
  );
}
