import { useState } from 'react';
import { downloadDocument, request } from '@shared/graphql/client';
import { ApplicationCardDocument, type ApplicationCardQuery } from '@shared/graphql/generated/graphql';
import { useI18n, type MessageKey } from '@shared/i18n/i18n';
import { Link, useQueryParam } from '@shared/router';
import { useAsync } from '@shared/ui/async';
import { ProblemMessage } from '@shared/ui/errors';
import { SummaryList } from '@shared/ui/forms';
import { Loading, Notice, Page } from '@shared/ui/page';
import { QueueMovement } from '../search/QueueMovement';
import { RequireSignIn } from '../shell/RequireSignIn';
import { actionRoutes } from './actions';
import { WaitingForecast } from './WaitingForecast';
import { AllocationOutcomes, Ranking, TransferRequest, WindowNotice } from './Allocation';

export type Card = NonNullable<ApplicationCardQuery['application']>;

export default function ApplicationPage({ number }: { number: string }) {
  return (
    <RequireSignIn>
      <ApplicationCard number={number} />
    </RequireSignIn>
  );
}

export function useApplication(number: string) {
  const { lang } = useI18n();
  return useAsync(() => request(ApplicationCardDocument, { number }), [number, lang]);
}

function ApplicationCard({ number }: { number: string }) {
  const { t, lang, formatDate, formatDateTime, formatDeadline } = useI18n();
  const done = useQueryParam('done');
  const { data, error, loading } = useApplication(number);
  const [downloadProblem, setDownloadProblem] = useState<unknown>(null);
  if (loading && !data) return <Loading />;
  if (error !== undefined) return <ProblemMessage error={error} />;
  const a = data?.application;
  if (!a)
    return (
      <Page title={t('application.notFound')} back={{ href: '/cabinet' }}>
        <p>{t('application.notFoundBody')}</p>
      </Page>
    );
  const direction = a.directions.find((d) => d.status === 'ISSUED') ?? a.directions[a.directions.length - 1];
  const known = a.availableActions.filter((x) => x.action in actionRoutes);
  const open = known.filter((x) => x.allowed);
  const closed = known.filter((x) => !x.allowed && x.message);
  return (
    <Page title={a.child.fullName} caption={t('application.caption', { number: a.number })} back={{ href: '/cabinet', label: t('journal.title') }}>
      {done && <Notice kind="success" title={t(`done.${done}` as MessageKey)} />}
      <p>
        <span className={`tag tag--${a.status.toLowerCase()}`}>{a.statusName}</span>
      </p>
      {a.status === 'NOTIFIED' && a.deadline && (
        <Notice kind="warning" title={t('turn.title')}>
          <p>{t('turn.body', { deadline: formatDeadline(a.deadline) })}</p>
        </Notice>
      )}
      {direction && a.status === 'DIRECTION_ISSUED' && (
        <Notice kind="info" title={t('direction.title', { name: direction.kindergarten.name })}>
          <p>{t('direction.body', { deadline: formatDeadline(direction.expiresAt) })}</p>
          <p className="hint">{direction.kindergarten.address}</p>
        </Notice>
      )}
      {a.stopListedUntil && <Notice kind="warning" title={t('application.stopListed', { until: formatDateTime(a.stopListedUntil) })} />}
      <WindowNotice a={a} />
      <AllocationOutcomes a={a} />

      {open.length > 0 && (
        <section aria-labelledby="actions-title">
          <h2 id="actions-title">{t('application.actions')}</h2>
          <ul className="actions-row">
            {open.map((x) => (
              <li key={x.action}>
                <Link className={`button${x.action === 'withdrawApplication' || x.action === 'refuseVoucher' ? ' button--warning' : ''}`}
                  href={`/cabinet/applications/${encodeURIComponent(a.number)}/${actionRoutes[x.action]}`}>
                  {t(`action.${x.action}` as MessageKey)}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {closed.length > 0 && (
        <details className="closed-actions">
          <summary>{t('application.closedActions')}</summary>
          <ul>
            {closed.map((x) => (
              <li key={x.action}>
                <strong>{t(`action.${x.action}` as MessageKey)}</strong>: {x.message}
              </li>
            ))}
          </ul>
        </details>
      )}

      <h2>{t('application.queueTitle')}</h2>
      <SummaryList
        rows={[
          { key: t('application.queueNumber'), value: a.queueNumber ?? t('search.notWaiting') },
          { key: t('application.benefitQueueNumber'), value: a.benefitQueueNumber ?? '—' },
          { key: t('application.groupYear'), value: a.groupYear },
          { key: t('application.benefit'), value: t(`benefit.${a.benefitCategory}`) },
          ...(a.claimedBenefitCategory !== a.benefitCategory
            ? [{ key: t('application.claimedBenefit'), value: t('application.claimedWaiting', { benefit: t(`benefit.${a.claimedBenefitCategory}`) }) }]
            : []),
          { key: t('application.queuedAt'), value: formatDateTime(a.queuedAt) },
        ]}
      />
      <QueueMovement ahead={a.queueAhead} past={a.pastQueueNumbers} current={a.queueNumber} />
      <WaitingForecast forecast={a.waitingForecast} />
      <Ranking a={a} />
      <TransferRequest a={a} />

      {a.directions.length > 0 && (
        <>
          <h2>{t('direction.listTitle')}</h2>
          {a.directions.map((d) => (
            <div className="card" key={d.id}>
              <h3>{d.kindergarten.name}</h3>
              <SummaryList
                rows={[
                  { key: t('direction.status'), value: d.statusName },
                  { key: t('direction.issuedAt'), value: formatDateTime(d.issuedAt) },
                  { key: t('direction.expiresAt'), value: formatDeadline(d.expiresAt) },
                  ...(d.status === 'ISSUED' ? [{ key: t('direction.revokableUntil'), value: formatDeadline(d.revokableUntil) }] : []),
                  { key: t('direction.address'), value: d.kindergarten.address },
                ]}
              />
            </div>
          ))}
        </>
      )}

      <h2>{t('documents.title')}</h2>
      {downloadProblem !== null && <ProblemMessage error={downloadProblem} />}
      {a.documents.length === 0 ? (
        <p>{t('documents.none')}</p>
      ) : (
        <ul className="documents">
          {a.documents.map((d) => (
            <li key={d.id}>
              <button type="button" className="link-button"
                onClick={() => downloadDocument(d.id, lang === 'kk' ? 'kk' : 'ru', `${a.number}-${d.kind.toLowerCase()}`).catch(setDownloadProblem)}>
                {d.title}
              </button>{' '}
              <span className="muted">
                {formatDate(d.issuedAt)} · {t('documents.code')} <Link href={`/verify/${encodeURIComponent(d.verificationCode)}`}>{d.verificationCode}</Link>
              </span>
            </li>
          ))}
        </ul>
      )}

      <h2>{t('application.info')}</h2>
      <SummaryList
        rows={[
          { key: t('application.number'), value: a.number },
          { key: t('application.region'), value: a.region.name },
          { key: t('application.createdAt'), value: formatDateTime(a.createdAt) },
          { key: t('application.lastChangedAt'), value: formatDateTime(a.lastChangedAt) },
          { key: t('application.childIin'), value: a.child.iin },
          { key: t('application.birthDate'), value: formatDate(a.child.birthDate) },
          { key: t('application.applicant'), value: a.applicant.fullName },
          { key: t('field.phone'), value: a.applicant.phone },
          { key: t('field.email'), value: a.applicant.email },
          ...a.parents.map((p) => ({ key: t(`relation.${p.relation}`), value: `${p.fullName} (${t('application.attachedAt', { at: formatDate(p.attachedAt) })})` })),
        ]}
      />

      <h2>{t('history.title')}</h2>
      <ol className="history">
        {[...a.history].reverse().map((h, i) => (
          <li key={i}>
            <p className="history__what">{h.actionName}</p>
            <p className="muted">
              {formatDateTime(h.at)} · {h.actorName}
            </p>
            {h.reason && <p>{t('history.reason', { reason: h.reason })}</p>}
            {h.queueNumberBefore != null && h.queueNumberAfter != null && h.queueNumberBefore !== h.queueNumberAfter && (
              <p>{t('history.moved', { before: h.queueNumberBefore, after: h.queueNumberAfter })}</p>
            )}
          </li>
        ))}
      </ol>
    </Page>
  );
}
