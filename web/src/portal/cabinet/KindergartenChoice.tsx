// Choosing kindergartens in order (docs/allocation.md), shared by the ranking of a queued child and the transfer request of
// an enrolled one: up to the region's maxRankedKindergartens of the region's kindergartens with a group for the child's year,
// found by name or address, ordered with buttons (no dragging), checked, signed; or withdrawn (an empty list).
import { useMemo, useState } from 'react';
import { request } from '@shared/graphql/client';
import { RankingChoicesDocument, type RankingChoicesQuery } from '@shared/graphql/generated/graphql';
import { useI18n, type MessageKey } from '@shared/i18n/i18n';
import { navigate } from '@shared/router';
import { signAction } from '@shared/signing/sign';
import { useAsync } from '@shared/ui/async';
import { ProblemMessage } from '@shared/ui/errors';
import { SummaryList, TextField } from '@shared/ui/forms';
import { Loading, Notice, Page } from '@shared/ui/page';
import { usePortal } from '../shell/context';
import { matches, normalise, nothingFound } from './choiceSearch';
import { useApplication, type Card } from './ApplicationPage';

type Kindergarten = RankingChoicesQuery['kindergartens'][number];

/** What differs between the ranking and the transfer request: the words, who may, what is signed. */
export interface ChoiceFlow {
  /** The catalog prefix of the flow's own words (title, lead, notAllowed, consequence, withdraw, withdrawnValue, withdrawConsequence). */
  words: 'ranking' | 'transfer';
  status: Card['status'];
  /** The kindergartens chosen now, first choice first. */
  chosen: (a: Card) => { id: string }[];
  /** A kindergarten that cannot be chosen (the one the child attends). */
  excluded?: (a: Card) => string | undefined;
  action: 'rankKindergartens' | 'requestTransfer';
  submit: (input: { applicationNumber: string; kindergartenIds: string[] }, signedXml: string) => Promise<unknown>;
  /** The card's done notices: signed, withdrawn. */
  done: [string, string];
  /** Show the open release window's seats (the ranking only). */
  window?: boolean;
}


export function ChooseKindergartens({ number, flow }: { number: string; flow: ChoiceFlow }) {
  const { t, lang, formatDateTime } = useI18n();
  const w = (key: string) => `${flow.words}.${key}` as MessageKey;
  const { settings } = usePortal();
  const application = useApplication(number);
  const a = application.data?.application;
  const choices = useAsync(() => (a ? request(RankingChoicesDocument, { region: a.region.code }) : Promise.resolve(null)), [a?.region.code, lang]);
  const [ranking, setRanking] = useState<string[] | null>(null);
  const [search, setSearch] = useState('');
  const [step, setStep] = useState<'edit' | 'check' | 'withdraw'>('edit');
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [moved, setMoved] = useState('');
  const back = { href: `/cabinet/applications/${encodeURIComponent(number)}` };
  const byId = useMemo(() => new Map((choices.data?.kindergartens ?? []).map((k) => [k.id, k])), [choices.data]);

  if ((application.loading && !a) || (choices.loading && !choices.data)) return <Loading />;
  if (application.error !== undefined) return <ProblemMessage error={application.error} />;
  if (choices.error !== undefined) return <ProblemMessage error={choices.error} />;
  if (!a || !choices.data) return null;
  if (a.status !== flow.status)
    return (
      <Page title={t(w('title'))} back={back}>
        <Notice kind="warning" title={t(w('notAllowed'))} />
      </Page>
    );
  const before = flow.chosen(a).map((k) => k.id);
  // The card's available actions say up front when the region cannot take the request (a transfer where its lifecycle has none).
  // A request signed before may still be withdrawn: nothing the family signed is stuck.
  const refused = a.availableActions.find((x) => x.action === flow.action && !x.allowed && x.code !== 'FORBIDDEN');
  if (refused && step !== 'withdraw')
    return (
      <Page title={t(w('title'))} back={back}>
        <Notice kind="warning" title={refused.code === 'TRANSFER_NOT_IN_LIFECYCLE' ? t('transfer.unavailable') : t(w('notAllowed'))}>
          {refused.message && <p>{refused.message}</p>}
        </Notice>
        {before.length > 0 && (
          <div className="actions-row">
            <button type="button" className="button button--warning" onClick={() => { setProblem(null); setStep('withdraw'); }}>
              {t(w('withdraw'))}
            </button>
          </div>
        )}
      </Page>
    );

  const max = choices.data.regionPolicy.maxRankedKindergartens;
  const current = ranking ?? before;
  const excluded = flow.excluded?.(a);
  const chosen = current.map((id) => byId.get(id)).filter((k): k is Kindergarten => k !== undefined);
  const fits = choices.data.kindergartens.filter((k) => k.id !== excluded && k.groups.some((g) => g.groupYear === a.groupYear));
  const query = normalise(search);
  const found = fits.filter((k) => !current.includes(k.id) && matches(k, query));
  const why = found.length === 0 ? nothingFound(choices.data.kindergartens, current, a.groupYear, search, excluded) : [];
  const full = current.length >= max;
  const windowSeats = new Map((flow.window ? a.releaseWindow : null)?.kindergartens.map((k) => [k.kindergarten.id, k.seats]) ?? []);
  const unchanged = current.join() === before.join();

  const move = (index: number, by: number) => {
    const next = [...current];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item);
    setRanking(next);
    setMoved(t('ranking.moved', { name: byId.get(item)?.name ?? '', place: index + by + 1 }));
    // The focus follows the kindergarten moved, so that pressing again moves it on.
    requestAnimationFrame(() => document.getElementById(`rank-${item}-${by < 0 ? 'up' : 'down'}`)?.focus());
  };

  const sign = async (ids: string[]) => {
    setProblem(null);
    setBusy(true);
    const input = { applicationNumber: a.number, kindergartenIds: ids };
    try {
      const signedXml = await signAction(settings.ncaLayerUrl, flow.action, input);
      await flow.submit(input, signedXml);
      navigate(`${back.href}?done=${ids.length ? flow.done[0] : flow.done[1]}`, { replace: true });
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  if (step === 'check' || step === 'withdraw')
    return (
      <Page title={t('check.title')} caption={t(w('title'))}>
        <SummaryList
          rows={[
            { key: t('application.childName'), value: a.child.fullName },
            { key: t('application.number'), value: a.number },
            ...(step === 'withdraw'
              ? [{ key: t(w('title')), value: t(w('withdrawnValue')) }]
              : chosen.map((k, i) => ({ key: t('ranking.choice', { choice: i + 1 }), value: `${k.name} · ${k.address}` }))),
          ]}
        />
        <p>{step === 'withdraw' ? t(w('withdrawConsequence')) : t(w('consequence'))}</p>
        {problem !== null && <ProblemMessage error={problem} />}
        <div className="actions-row">
          <button type="button" className={`button${step === 'withdraw' ? ' button--warning' : ''}`} disabled={busy}
            onClick={() => void sign(step === 'withdraw' ? [] : current)}>
            {busy ? t('signing.waiting') : t('check.sign')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setStep('edit')}>
            {t('check.change')}
          </button>
        </div>
      </Page>
    );

  return (
    <Page title={t(w('title'))} caption={a.child.fullName} back={back}>
      <p className="lead">{t(w('lead'), { max, year: a.groupYear })}</p>
      {flow.window && a.releaseWindow && <Notice kind="warning" title={t('window.title', { closesAt: formatDateTime(a.releaseWindow.closesAt) })}><p>{t('window.early')}</p></Notice>}

      <h2 id="chosen-title">{t('ranking.chosenTitle', { count: current.length, max })}</h2>
      {chosen.length === 0 ? (
        <p>{t('ranking.emptyChosen')}</p>
      ) : (
        <ol className="ranking ranking--edit" aria-labelledby="chosen-title">
          {chosen.map((k, i) => (
            <li key={k.id} className="card">
              <p className="card__title">
                <strong>{t('ranking.choice', { choice: i + 1 })}:</strong> {k.name}
              </p>
              <p className="muted">{k.address}</p>
              {windowSeats.has(k.id) && <p>{t('window.seatsHere', { seats: windowSeats.get(k.id)! })}</p>}
              <div className="actions-row">
                <button type="button" id={`rank-${k.id}-up`} className="button button--secondary" disabled={i === 0} onClick={() => move(i, -1)}
                  aria-label={t('ranking.upLabel', { name: k.name })}>
                  ↑ {t('ranking.up')}
                </button>
                <button type="button" id={`rank-${k.id}-down`} className="button button--secondary" disabled={i === chosen.length - 1} onClick={() => move(i, 1)}
                  aria-label={t('ranking.downLabel', { name: k.name })}>
                  ↓ {t('ranking.down')}
                </button>
                <button type="button" className="link-button" onClick={() => { setRanking(current.filter((id) => id !== k.id)); setMoved(t('ranking.removed', { name: k.name })); }}
                  aria-label={t('ranking.removeLabel', { name: k.name })}>
                  {t('ranking.remove')}
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      <p className="visually-hidden" aria-live="polite">{moved}</p>
      <div className="actions-row">
        <button type="button" className="button" disabled={current.length === 0 || unchanged} onClick={() => { setProblem(null); setStep('check'); }}>
          {t('common.continue')}
        </button>
        {before.length > 0 && (
          <button type="button" className="button button--warning" onClick={() => { setProblem(null); setStep('withdraw'); }}>
            {t(w('withdraw'))}
          </button>
        )}
      </div>

      <h2>{t('ranking.addTitle')}</h2>
      {full ? (
        <Notice kind="info" title={t('ranking.full', { max })} />
      ) : (
        <>
          <TextField id="ranking-search" label={t('ranking.search')} hint={t('ranking.searchHint')} value={search} onChange={setSearch} />
          {found.length === 0 ? (
            <div data-testid="nothing-found" role="status">
              {why.length === 0 ? <p>{t('ranking.nothingFound')}</p> : why.map((r) => <p key={r.key}>{t(r.key, r.vars)}</p>)}
            </div>
          ) : (
            <ul className="place-list">
              {found.slice(0, 30).map((k) => (
                <li key={k.id} className="card">
                  <h3 className="card__title">{k.name}</h3>
                  <p className="muted">{k.address}</p>
                  {windowSeats.has(k.id) && <p>{t('window.seatsHere', { seats: windowSeats.get(k.id)! })}</p>}
                  <button type="button" className="button button--secondary" onClick={() => { setRanking([...current, k.id]); setMoved(t('ranking.added', { name: k.name, place: current.length + 1 })); }}
                    aria-label={t('ranking.addLabel', { name: k.name })}>
                    {t('ranking.add')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {found.length > 30 && <p className="hint">{t('ranking.more', { count: found.length - 30 })}</p>}
        </>
      )}
    </Page>
  );
}
