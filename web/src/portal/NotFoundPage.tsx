import { useI18n } from '@shared/i18n/i18n';
import { Link } from '@shared/router';
import { Page } from '@shared/ui/page';

export default function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.body')}</p>
      <p>
        <Link href="/">{t('nav.search')}</Link>
      </p>
    </Page>
  );
}
