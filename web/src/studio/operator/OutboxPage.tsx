// The outbox: messages per status, dead letters with their error, retry or discard with a reason (audited).
import { useState, type FormEvent } from 'react';
import { request } from '@shared/graphql/client';
import { StudioDiscardNotificationDocument, StudioOutboxDocument, StudioRetryNotificationDocument, type NotificationStatus } from '@shared/graphql/generated/graphql';
import { useAsync } from '@shared/ui/async';
import { ProblemMessage } from '@shared/ui/errors';
import { TextField } from '@shared/ui/forms';
import { Loading, Notice, Page } from '@shared/ui/page';
import { useStudioI18n, type StudioKey } from '../i18n';
import { regionsOf, useStudio } from '../shell/access';
import { RegionPicker, useRegionChoice } from '../parts';

const statuses: NotificationStatus[] = ['PENDING', 'SENDING', 'SENT', 'DEAD', 'DISCARDED'];

export default function OutboxPage() {
  const { t, formatDateTime } = useStudioI18n();
  const { viewer } = useStudio();
  const regions = regionsOf(viewer, 'OPERATOR');
  const [region, setRegion] = useRegionChoice(regions);
  const [status, setStatus] = useState<NotificationStatus>('DEAD');
  const [befores, setBefores] = useState<(string | null)[]>([null]);
  const before = befores[befores.length - 1];
  const data = useAsync(() => request(StudioOutboxDocument, { status, region, first: 20, before }), [status, region, before]);
  const [open, setOpen] = useState<{ id: string; what: 'retry' | 'discard' } | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [problem, setProblem] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!open) return;
    if (reason.trim().length < 3) {
      setReasonError(t('common.reasonNeeded'));
      return;
    }
    setReasonError(undefined);
    setProblem(null);
    try {
      if (open.what === 'retry') await request(StudioRetryNotificationDocument, { id: open.id, reason: reason.trim() });
      else await request(StudioDiscardNotificationDocument, { id: open.id, reason: reason.trim() });
      setDone(t(open.what === 'retry' ? 'outbox.retried' : 'outbox.discarded'));
      setOpen(null);
      setReason('');
      data.reload();
    } catch (error) {
      setProblem(error);
    }
  };
  const page = data.data?.outbox;
  /** An event or channel in words; a code the catalog does not know yet (a newer workflow's) is shown as it is. */
  const word = (key: string, code: string) => {
    const text = t(key as StudioKey);
    return text === key ? code : text;
  };
  const count = (s: NotificationStatus) => page?.counts.find((c) => c.status === s)?.count ?? 0;
  return (
    <Page title={t('outbox.title')}>
      <p className="lead">{t('outbox.lead')}</p>
      <RegionPicker regions={regions} value={region} onChange={(code) => { setRegion(code); setBefores([null]); }} />
      {done && <Notice kind="success" title={done} />}
      <ul className="status-counts" aria-label={t('outbox.counts')}>
        {statuses.map((s) => (
          <li key={s}>
            <button type="button" className="link-button" aria-pressed={status === s} onClick={() => { setStatus(s); setBefores([null]); setOpen(null); }}>
              {t(`outbox.status.${s}` as StudioKey)}: <strong>{count(s)}</strong>
            </button>
          </li>
        ))}
      </ul>
      {data.error !== undefined && <ProblemMessage error={data.error} />}
      {data.loading && !page ? <Loading /> : page && (
        <>
          <h2>{t(`outbox.status.${status}` as StudioKey)}</h2>
          {page.items.length === 0 && <p>{t('outbox.empty')}</p>}
          <ul className="notifications">
            {page.items.map((item) => (
              <li key={item.id} className="card">
                <p className="card__title">{word(`outbox.event.${item.event}`, item.event)}</p>
                <p>{t('outbox.application', { number: item.applicationNumber })} · {t('outbox.channel')}: {word(`outbox.channel.${item.channel}`, item.channel)}</p>
                <p className="muted">
                  {[
                    t('outbox.created', { at: formatDateTime(item.createdAt) }),
                    t('outbox.attempts', { count: item.attempts }),
                    item.sentAt ? t('outbox.sent', { at: formatDateTime(item.sentAt) }) : '',
                    item.nextAttemptAt && item.status === 'PENDING' ? t('outbox.nextAttempt', { at: formatDateTime(item.nextAttemptAt) }) : '',
                    item.possibleDuplicates > 0 ? t('outbox.duplicates', { count: item.possibleDuplicates }) : '',
                  ].filter(Boolean).join(' · ')}
                </p>
                {item.lastError && <p><strong>{t('outbox.error')}:</strong> <span className="code">{item.lastError}</span></p>}
                {(item.status === 'DEAD' || item.status === 'PENDING') && (
                  <ul className="actions-row">
                    {item.status === 'DEAD' && (
                      <li><button type="button" className="button button--secondary" onClick={() => { setOpen({ id: item.id, what: 'retry' }); setDone(null); }}>{t('outbox.retry')}</button></li>
                    )}
                    <li><button type="button" className="button button--secondary" onClick={() => { setOpen({ id: item.id, what: 'discard' }); setDone(null); }}>{t('outbox.discard')}</button></li>
                  </ul>
                )}
                {open?.id === item.id && (
                  <form onSubmit={submit} noValidate>
                    <TextField id={`outbox-reason-${item.id}`} label={t(open.what === 'retry' ? 'outbox.retryReason' : 'outbox.discardReason')} error={reasonError} value={reason} onChange={setReason} />
                    {problem !== null && <ProblemMessage error={problem} />}
                    <button type="submit" className={`button${open.what === 'discard' ? ' button--warning' : ''}`}>{t(open.what === 'retry' ? 'outbox.retry' : 'outbox.discard')}</button>
                  </form>
                )}
              </li>
            ))}
          </ul>
          <nav className="pager" aria-label={t('common.pages')}>
            {befores.length > 1 && <button type="button" className="button button--secondary" onClick={() => setBefores(befores.slice(0, -1))}>{t('common.previous')}</button>}
            {page.hasNextPage && <button type="button" className="button button--secondary" onClick={() => setBefores([...befores, page.items[page.items.length - 1].id])}>{t('common.next')}</button>}
          </nav>
        </>
      )}
    </Page>
  );
}
