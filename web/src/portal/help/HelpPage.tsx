import { useI18n } from '@shared/i18n/i18n';
import { Page } from '@shared/ui/page';
import { ncaLayerDownload } from '@shared/ui/errors';
import { usePortal } from '../shell/context';

export default function HelpPage() {
  const { t } = useI18n();
  const { regions } = usePortal();
  return (
    <Page title={t('help.title')}>
      <p className="lead">{t('help.lead')}</p>
      {regions.map((r) => (
        <section className="card" key={r.code}>
          <h2>{r.name}</h2>
          <ul className="prose-list">
            {r.support.phone && (
              <li>
                {t('help.phone')}: <a href={`tel:${r.support.phone}`}>{r.support.phone}</a>
              </li>
            )}
            {r.support.email && (
              <li>
                {t('help.email')}: <a href={`mailto:${r.support.email}`}>{r.support.email}</a>
              </li>
            )}
            {r.support.hours && (
              <li>
                {t('help.hours')}: {r.support.hours}
              </li>
            )}
            {!r.support.phone && !r.support.email && <li>{t('help.none')}</li>}
          </ul>
        </section>
      ))}
      <h2>{t('help.ncaLayerTitle')}</h2>
      <p>{t('help.ncaLayerBody')}</p>
      <p>
        <a href={ncaLayerDownload} target="_blank" rel="noreferrer">
          {t('signing.notRunning.link')}
        </a>
      </p>
    </Page>
  );
}
