import { useEffect } from 'react';
import { request } from '@shared/graphql/client';
import { MarkNotificationsReadDocument, NotificationsDocument } from '@shared/graphql/generated/graphql';
import { useI18n } from '@shared/i18n/i18n';
import { Link } from '@shared/router';
import { useAsync } from '@shared/ui/async';
import { ProblemMessage } from '@shared/ui/errors';
import { Loading, Page } from '@shared/ui/page';
import { RequireSignIn } from '../shell/RequireSignIn';

export default function NotificationsPage() {
  return (
    <RequireSignIn>
      <Notifications />
    </RequireSignIn>
  );
}

function Notifications() {
  const { t, lang, formatDateTime } = useI18n();
  const { data, error, loading } = useAsync(() => request(NotificationsDocument), [lang]);
  const unread = data?.notifications.filter((n) => !n.readAt).map((n) => n.id) ?? [];
  const unreadKey = unread.join(',');
  useEffect(() => {
    if (unreadKey) void request(MarkNotificationsReadDocument, { ids: unreadKey.split(',') }).catch(() => undefined);
  }, [unreadKey]);
  return (
    <Page title={t('notifications.title')} back={{ href: '/cabinet' }}>
      {loading && !data && <Loading />}
      {error !== undefined && <ProblemMessage error={error} />}
      {data && data.notifications.length === 0 && <p>{t('notifications.none')}</p>}
      <ul className="notifications">
        {data?.notifications.map((n) => (
          <li key={n.id} className={`card${n.readAt ? '' : ' card--unread'}`}>
            <h2 className="card__title">
              {!n.readAt && <span className="tag tag--new">{t('notifications.new')}</span>} {n.subject}
            </h2>
            <p className="muted">
              {formatDateTime(n.createdAt)} · <Link href={`/cabinet/applications/${encodeURIComponent(n.applicationNumber)}`}>{n.applicationNumber}</Link>
            </p>
            <p className="pre-line">{n.text}</p>
          </li>
        ))}
      </ul>
    </Page>
  );
}
