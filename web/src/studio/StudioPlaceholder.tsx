import { useI18n } from '../shared/i18n/i18n';

/** Kezek Studio, for staff, is another issue; its route is split from the portal already. */
export default function StudioPlaceholder() {
  const { t } = useI18n();
  return (
    <main id="main" className="container">
      <h1>{t('studio.title')}</h1>
      <p>{t('studio.soon')}</p>
      <p>
        <a href="/">{t('studio.toPortal')}</a>
      </p>
    </main>
  );
}
