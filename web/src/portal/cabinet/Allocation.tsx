// The application card's part of allocation (docs/allocation.md): the family's ranking, an open release window in plain
// words, and each run's outcome with its reason and a link to the run's public extract.
import { useI18n, type MessageKey } from '@shared/i18n/i18n';
import { Link } from '@shared/router';
import { Notice } from '@shared/ui/page';
import type { Card } from './ApplicationPage';

const modes = ['window', 'deferred-acceptance', 'transfer'];
const modeKnown = (mode: string) => modes.includes(mode);
/** The outcome's kind of run in words (a mode the catalogs do not know yet: "Allocation of …"). */
const modeKey = (mode: string, prefix: 'outcome.mode' | 'outcome.modeHint') =>
  (modeKnown(mode) ? `${prefix}.${mode}` : 'outcome.run') as MessageKey;

const rankingHref = (a: Card) => `/cabinet/applications/${encodeURIComponent(a.number)}/ranking`;

/** An open release window of the child's region and group year, in plain words (shown only while queued). */
export function WindowNotice({ a }: { a: Card }) {
  const { t, formatDateTime } = useI18n();
  const open = a.releaseWindow;
  if (a.status !== 'QUEUED' || !open) return null;
  const ranked = a.rankedKindergartens;
  const seatsOf = new Map(open.kindergartens.map((k) => [k.kindergarten.id, k.seats]));
  const rankedWithSeats = ranked.filter((k) => seatsOf.has(k.id));
  const href = rankingHref(a);
  return (
    <Notice kind="warning" title={t('window.title', { closesAt: formatDateTime(open.closesAt) })}>
      <p>{t('window.body', { closesAt: formatDateTime(open.closesAt) })}</p>
      {rankedWithSeats.length > 0 ? (
        <>
          <p>{t('window.yourSeats')}</p>
          <ul>
            {rankedWithSeats.map((k) => (
              <li key={k.id}>
                {t('window.seatsAt', { choice: ranked.indexOf(k) + 1, name: k.name, seats: seatsOf.get(k.id)! })}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <p>{ranked.length === 0 ? t('window.noRanking') : t('window.noneOfYours')}</p>
          <ul>
            {open.kindergartens.map((k) => (
              <li key={k.kindergarten.id}>{t('window.seatsIn', { name: k.kindergarten.name, seats: k.seats })}</li>
            ))}
          </ul>
        </>
      )}
      <p>{t('window.early')}</p>
      <p>{t('window.close', { closesAt: formatDateTime(open.closesAt) })}</p>
      <p>
        <Link className="button" href={href}>
          {ranked.length === 0 ? t('ranking.start') : t('ranking.change')}
        </Link>
      </p>
    </Notice>
  );
}

/** The family's ranking: only while the child is in the queue. */
export function Ranking({ a }: { a: Card }) {
  const { t } = useI18n();
  if (a.status !== 'QUEUED') return null;
  const ranked = a.rankedKindergartens;
  const href = rankingHref(a);
  return (
    <section aria-labelledby="ranking-title">
      <h2 id="ranking-title">{t('ranking.title')}</h2>
      {ranked.length === 0 ? (
        <p>{t('ranking.none')}</p>
      ) : (
        <ol className="ranking" data-testid="ranking">
          {ranked.map((k) => (
            <li key={k.id}>
              <strong>{k.name}</strong>
              <span className="muted"> · {k.address}</span>
            </li>
          ))}
        </ol>
      )}
      <p className="hint">{t('ranking.hint')}</p>
      {!a.releaseWindow && (
        <p>
          <Link className="button button--secondary" href={href}>
            {ranked.length === 0 ? t('ranking.start') : t('ranking.change')}
          </Link>
        </p>
      )}
    </section>
  );
}

/** The transfer request of an enrolled child: the kindergartens asked for in order, when signed, and the page to change it. */
export function TransferRequest({ a }: { a: Card }) {
  const { t, formatDateTime } = useI18n();
  if (a.status !== 'ENROLLED') return null;
  const request = a.transferRequest;
  const attends = a.directions.find((d) => d.status === 'ENROLLED')?.kindergarten;
  // The region may have no transfers (its lifecycle predates them, or is the voucher one): said before anything is signed.
  const refused = a.availableActions.find((x) => x.action === 'requestTransfer' && !x.allowed && x.code !== 'FORBIDDEN');
  return (
    <section aria-labelledby="transfer-title">
      <h2 id="transfer-title">{t('transfer.title')}</h2>
      {attends && <p>{t('transfer.attends', { name: attends.name })}</p>}
      {refused && (
        <Notice kind="info" title={refused.code === 'TRANSFER_NOT_IN_LIFECYCLE' ? t('transfer.unavailable') : t('transfer.notAllowed')}>
          {refused.message && <p data-testid="transfer-unavailable">{refused.message}</p>}
        </Notice>
      )}
      {request && request.kindergartens.length > 0 ? (
        <>
          <p className="muted">{t('transfer.signedAt', { at: formatDateTime(request.requestedAt) })}</p>
          <ol className="ranking" data-testid="transfer-request">
            {request.kindergartens.map((k) => (
              <li key={k.id}>
                <strong>{k.name}</strong>
                <span className="muted"> · {k.address}</span>
              </li>
            ))}
          </ol>
        </>
      ) : (
        !refused && <p>{t('transfer.none')}</p>
      )}
      {refused && request && request.kindergartens.length > 0 && (
        <p>
          <Link className="button button--warning" href={`/cabinet/applications/${encodeURIComponent(a.number)}/transfer`}>
            {t('transfer.withdraw')}
          </Link>
        </p>
      )}
      {!refused && (
        <>
          <p className="hint">{t('transfer.hint')}</p>
          <p>
            <Link className="button button--secondary" href={`/cabinet/applications/${encodeURIComponent(a.number)}/transfer`}>
              {request && request.kindergartens.length > 0 ? t('transfer.change') : t('transfer.start')}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}

/** Each allocation run's outcome for this child, newest first, with the reasons and the run's public extract. */
export function AllocationOutcomes({ a }: { a: Card }) {
  const { t, formatDateTime } = useI18n();
  if (a.allocationOutcomes.length === 0) return null;
  return (
    <section aria-labelledby="outcomes-title">
      <h2 id="outcomes-title">{t('outcome.title')}</h2>
      {a.allocationOutcomes.map((o) => (
        <div className="card" key={o.runId} data-testid="allocation-outcome">
          <h3 className="card__title">{t(modeKey(o.mode, 'outcome.mode'), { at: formatDateTime(o.allocatedAt) })}</h3>
          {modeKnown(o.mode) && <p className="muted">{t(modeKey(o.mode, 'outcome.modeHint'))}</p>}
          {o.kindergarten && o.choice === null ? (
            // A transfer run that did not move the child: it stays where it is enrolled.
            <p>
              <span className="tag">{t('outcome.notMoved')}</span> {t('outcome.stays', { name: o.kindergarten.name })}
            </p>
          ) : o.kindergarten ? (
            <p>
              <span className="tag tag--direction_issued">{t('outcome.placed')}</span>{' '}
              {t('outcome.placedAt', { name: o.kindergarten.name, choice: (o.choice ?? 0) + 1 })}
            </p>
          ) : (
            <p>
              <span className="tag">{t('outcome.notPlaced')}</span> {t('outcome.keepsPlace')}
            </p>
          )}
          <p>{o.explanation.charAt(0).toLocaleUpperCase() + o.explanation.slice(1)}</p>
          {o.missedChoices.length > 0 && (
            <>
              <p className="muted">{t('outcome.missedTitle')}</p>
              <ul>
                {o.missedChoices.map((m) => (
                  <li key={m.choice}>
                    {t('outcome.missed', {
                      choice: m.choice + 1, name: m.kindergarten?.name ?? '—', seats: m.seats,
                      outOfTurn: m.takenOutOfTurn, priority: m.takenPriority, general: m.takenGeneral,
                    })}
                  </li>
                ))}
              </ul>
            </>
          )}
          <p>
            <Link href={`/allocation/runs/${encodeURIComponent(o.runId)}`}>{t('outcome.extract')}</Link>
          </p>
        </div>
      ))}
    </section>
  );
}
