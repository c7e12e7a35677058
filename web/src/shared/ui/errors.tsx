import { ApiError } from '../graphql/client';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { SigningError } from '../ncalayer/ncalayer';

export const ncaLayerDownload = 'https://ncl.pki.gov.kz/';

/** Any failure in words: the API's own message (already in the reader's language), or NCALayer's state with what to do. */
export function ProblemMessage({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (error instanceof SigningError) {
    if (error.failure === 'not-running')
      return (
        <div className="notice notice--error" role="alert">
          <p className="notice__title">{t('signing.notRunning.title')}</p>
          <p>{t('signing.notRunning.body')}</p>
          <p>
            <a href={ncaLayerDownload} target="_blank" rel="noreferrer">
              {t('signing.notRunning.link')}
            </a>
          </p>
        </div>
      );
    if (error.failure === 'cancelled')
      return (
        <div className="notice notice--warning" role="alert">
          <p className="notice__title">{t('signing.cancelled.title')}</p>
          <p>{t('signing.cancelled.body')}</p>
        </div>
      );
    return (
      <div className="notice notice--error" role="alert">
        <p className="notice__title">{t('signing.failed.title')}</p>
        <p>{error.message}</p>
      </div>
    );
  }
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">{problemText(error, t)}</p>
    </div>
  );
}

export function problemText(error: unknown, t: (key: MessageKey) => string): string {
  if (error instanceof ApiError) {
    if (error.message) return error.message;
    if (error.code === 'NETWORK') return t('error.NETWORK');
    return t('error.unknown');
  }
  return t('error.unknown');
}
