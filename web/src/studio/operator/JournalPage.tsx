// The operators' journal: search, filters, sort, pages and the CSV for Excel.
import { useState, type FormEvent } from 'react';
import { request } from '@shared/graphql/client';
import { StudioJournalCsvDocument, StudioJournalDocument, type ApplicationFilter, type ApplicationOrder, type ApplicationSortField, type ApplicationStatus, type BenefitCategory } from '@shared/graphql/generated/graphql';
import { Link } from '@shared/router';
import { useAsync } from '@shared/ui/async';
import { ProblemMessage } from '@shared/ui/errors';
import { SelectField, TextField } from '@shared/ui/forms';
import { Loading, Page } from '@shared/ui/page';
import { useStudioI18n, type StudioKey } from '../i18n';
import { saveText } from '@shared/ui/download';

const statuses: ApplicationStatus[] = ['QUEUED', 'NOTIFIED', 'DIRECTION_ISSUED', 'ENROLLED', 'INACTIVE', 'REMOVED', 'WITHDRAWN'];
const benefits: BenefitCategory[] = ['NONE', 'PRIORITY', 'OUT_OF_TURN'];
const pageSize = 20;

export default function JournalPage() {
  const { t, formatDate } = useStudioI18n();
  const [form, setForm] = useState({ search: '', status: '', claimed: '' });
  const [filter, setFilter] = useState<ApplicationFilter>({});
  const [order, setOrder] = useState<ApplicationOrder>({ field: 'CREATED_AT', direction: 'DESC' });
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [problem, setProblem] = useState<unknown>(null);
  const after = cursors[cursors.length - 1];
  const data = useAsync(() => request(StudioJournalDocument, { filter, orderBy: order, first: pageSize, after }), [filter, order, after]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilter({
      search: form.search.trim() || undefined,
      status: (form.status || undefined) as ApplicationStatus | undefined,
      claimedBenefitCategory: (form.claimed || undefined) as BenefitCategory | undefined,
    });
    setCursors([null]);
  };
  const sortBy = (field: ApplicationSortField) => {
    setOrder((o) => ({ field, direction: o.field === field && o.direction === 'DESC' ? 'ASC' : 'DESC' }));
    setCursors([null]);
  };
  const csv = async () => {
    setProblem(null);
    try {
      saveText((await request(StudioJournalCsvDocument, { filter, orderBy: order })).applicationsCsv, 'journal.csv', 'text/csv;charset=utf-8');
    } catch (error) {
      setProblem(error);
    }
  };
  const header = (field: ApplicationSortField, label: StudioKey) => (
    <th scope="col" aria-sort={order.field === field ? (order.direction === 'ASC' ? 'ascending' : 'descending') : undefined}>
      <button type="button" onClick={() => sortBy(field)}>
        {t(label)}
        {order.field === field ? (order.direction === 'ASC' ? ' ↑' : ' ↓') : ''}
      </button>
    </th>
  );
  const connection = data.data?.applications;
  return (
    <Page title={t('journal.title')}>
      <form className="filters" onSubmit={apply} role="search" aria-label={t('journal.search')}>
        <TextField id="journal-search" label={t('journal.search')} hint={t('journal.searchHint')} value={form.search} onChange={(search) => setForm({ ...form, search })} />
        <SelectField id="journal-status" label={t('common.status')} value={form.status} onChange={(status) => setForm({ ...form, status })}
          options={[{ value: '', label: t('common.any') }, ...statuses.map((s) => ({ value: s, label: t(`status.${s}` as StudioKey) }))]} />
        <SelectField id="journal-claimed" label={t('journal.claimedBenefit')} value={form.claimed} onChange={(claimed) => setForm({ ...form, claimed })}
          options={[{ value: '', label: t('common.any') }, ...benefits.map((b) => ({ value: b, label: t(`benefit.${b}` as StudioKey) }))]} />
        <div className="field">
          <button type="submit" className="button">{t('journal.find')}</button>
        </div>
      </form>
      <ul className="actions-row">
        <li>
          <button type="button" className="button button--secondary" onClick={csv}>{t('journal.csv')}</button>
        </li>
        {connection && <li aria-live="polite">{t('journal.total', { count: connection.totalCount })}</li>}
      </ul>
      {problem !== null && <ProblemMessage error={problem} />}
      {data.error !== undefined && <ProblemMessage error={data.error} />}
      {data.loading && !connection ? <Loading /> : connection && (
        <div className="studio-table-wrap">
          <table className="table studio-table journal">
            <caption className="visually-hidden">{t('journal.title')}</caption>
            <thead>
              <tr>
                {header('NUMBER', 'common.number')}
                {header('CHILD_NAME', 'common.child')}
                {header('GROUP_YEAR', 'journal.groupYear')}
                {header('STATUS', 'common.status')}
                <th scope="col">{t('common.queueNumber')}</th>
                <th scope="col">{t('journal.claimedBenefit')}</th>
                {header('CREATED_AT', 'journal.created')}
              </tr>
            </thead>
            <tbody>
              {connection.nodes.map((a) => (
                <tr key={a.number}>
                  <td data-label={t('common.number')}><Link href={`/studio/applications/${encodeURIComponent(a.number)}`}>{a.number}</Link></td>
                  <td data-label={t('common.child')}>{a.child.fullName}<br /><span className="muted">{formatDate(a.child.birthDate)}</span></td>
                  <td data-label={t('journal.groupYear')}>{a.groupYear}</td>
                  <td data-label={t('common.status')}><span className={`tag tag--${a.status.toLowerCase()}`}>{a.statusName}</span></td>
                  <td data-label={t('common.queueNumber')}>{a.queueNumber ?? '—'}</td>
                  <td data-label={t('journal.claimedBenefit')}>{t(`benefit.${a.claimedBenefitCategory}` as StudioKey)}{a.claimedBenefitCategory !== 'NONE' && a.benefitCategory === 'NONE' ? ` (${t('journal.unconfirmed')})` : ''}</td>
                  <td data-label={t('journal.created')}>{formatDate(a.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {connection.nodes.length === 0 && <p>{t('journal.empty')}</p>}
          <nav className="pager" aria-label={t('common.pages')}>
            {cursors.length > 1 && <button type="button" className="button button--secondary" onClick={() => setCursors(cursors.slice(0, -1))}>{t('common.previous')}</button>}
            <span>{t('common.page', { page: cursors.length })}</span>
            {connection.pageInfo.hasNextPage && <button type="button" className="button button--secondary" onClick={() => setCursors([...cursors, connection.pageInfo.endCursor ?? null])}>{t('common.next')}</button>}
          </nav>
        </div>
      )}
    </Page>
  );
}
