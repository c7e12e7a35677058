import { useState } from 'react';
import { request } from '@shared/graphql/client';
import { JournalDocument, type ApplicationFilter, type ApplicationStatus, type BenefitCategory } from '@shared/graphql/generated/graphql';
import { useI18n } from '@shared/i18n/i18n';
import { Link } from '@shared/router';
import { useAsync } from '@shared/ui/async';
import { ProblemMessage } from '@shared/ui/errors';
import { SelectField, TextField } from '@shared/ui/forms';
import { Loading, Page } from '@shared/ui/page';
import { usePortal } from '../shell/context';
import { RequireSignIn } from '../shell/RequireSignIn';

export const statuses: ApplicationStatus[] = ['QUEUED', 'NOTIFIED', 'DIRECTION_ISSUED', 'ENROLLED', 'INACTIVE', 'REMOVED', 'WITHDRAWN'];
export const benefits: BenefitCategory[] = ['NONE', 'PRIORITY', 'OUT_OF_TURN'];

export default function JournalPage() {
  return (
    <RequireSignIn>
      <Journal />
    </RequireSignIn>
  );
}

/** Журнал заявлений: the seeds' columns, each with its filter; on a phone each row is a card. */
function Journal() {
  const { t, lang, formatDate } = useI18n();
  const { viewer, signOut } = usePortal();
  const [number, setNumber] = useState('');
  const [childName, setChildName] = useState('');
  const [status, setStatus] = useState('');
  const [benefit, setBenefit] = useState('');
  const filter: ApplicationFilter = {
    number: number.trim() || null,
    childName: childName.trim() || null,
    status: (status || null) as ApplicationStatus | null,
    benefitCategory: (benefit || null) as BenefitCategory | null,
  };
  const key = JSON.stringify(filter);
  const { data, error, loading } = useAsync(() => request(JournalDocument, { filter, orderBy: { field: 'CREATED_AT', direction: 'DESC' } }), [key, lang]);
  const rows = data?.applications.nodes ?? [];
  return (
    <Page title={t('journal.title')} caption={viewer?.fullName}>
      <ul className="actions-row">
        <li>
          <Link className="button" href="/cabinet/register">
            {t('register.start')}
          </Link>
        </li>
        <li>
          <Link className="button button--secondary" href="/cabinet/attach">
            {t('attach.start')}
          </Link>
        </li>
        <li>
          <Link href="/cabinet/notifications">{t('notifications.title')}</Link>
        </li>
        <li>
          <Link href="/cabinet/settings">{t('contacts.title')}</Link>
        </li>
        <li>
          <button type="button" className="link-button" onClick={() => void signOut()}>
            {t('nav.signOut')}
          </button>
        </li>
      </ul>
      <details className="filters-panel">
        <summary>{t('journal.filters')}</summary>
        <div className="filters">
          <TextField id="filter-number" label={t('application.number')} value={number} onChange={setNumber} />
          <TextField id="filter-child" label={t('application.childName')} value={childName} onChange={setChildName} />
          <SelectField id="filter-status" label={t('application.status')} value={status} onChange={setStatus}
            options={[{ value: '', label: t('common.all') }, ...statuses.map((s) => ({ value: s, label: t(`status.${s}`) }))]} />
          <SelectField id="filter-benefit" label={t('application.benefit')} value={benefit} onChange={setBenefit}
            options={[{ value: '', label: t('common.all') }, ...benefits.map((b) => ({ value: b, label: t(`benefit.${b}`) }))]} />
        </div>
      </details>
      {loading && !data && <Loading />}
      {error !== undefined && <ProblemMessage error={error} />}
      {data && rows.length === 0 && (
        <div className="card">
          <p>{t('journal.empty')}</p>
          <p className="hint">{t('journal.emptyHint')}</p>
        </div>
      )}
      {rows.length > 0 && (
        <table className="table journal">
          <caption className="visually-hidden">{t('journal.caption', { count: data!.applications.totalCount })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('application.number')}</th>
              <th scope="col">{t('application.childName')}</th>
              <th scope="col">{t('application.childIin')}</th>
              <th scope="col">{t('application.queueNumber')}</th>
              <th scope="col">{t('application.applicant')}</th>
              <th scope="col">{t('application.createdAt')}</th>
              <th scope="col">{t('application.status')}</th>
              <th scope="col">{t('application.benefit')}</th>
              <th scope="col">{t('application.birthDate')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.number}>
                <td data-label={t('application.number')}>
                  <Link href={`/cabinet/applications/${encodeURIComponent(a.number)}`}>{a.number}</Link>
                </td>
                <td data-label={t('application.childName')}>{a.child.fullName}</td>
                <td data-label={t('application.childIin')}>{a.child.iin}</td>
                <td data-label={t('application.queueNumber')}>{a.queueNumber ?? '—'}</td>
                <td data-label={t('application.applicant')}>{a.applicant.fullName}</td>
                <td data-label={t('application.createdAt')}>{formatDate(a.createdAt)}</td>
                <td data-label={t('application.status')}>
                  <span className={`tag tag--${a.status.toLowerCase()}`}>{a.statusName}</span>
                </td>
                <td data-label={t('application.benefit')}>{t(`benefit.${a.benefitCategory}`)}</td>
                <td data-label={t('application.birthDate')}>{formatDate(a.child.birthDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
