// The audit view of one allocation run: its inputs hash, seed, rule-set version and every outcome with its reason; the
// public extract downloaded, and recomputed here (serial dictatorship over the extract) against the recorded outcome.
import { useState } from 'react';
import { request } from '@shared/graphql/client';
import { StudioAllocationExtractDocument, StudioAllocationRunDocument } from '@shared/graphql/generated/graphql';
import { differences, parseExtract, recompute, sha256Hex } from '@shared/allocation/recompute';
import { isTransferExtract, recomputeTransfers } from '@shared/allocation/transfers';
import { Link } from '@shared/router';
import { useAsync } from '@shared/ui/async';
import { ProblemMessage } from '@shared/ui/errors';
import { SummaryList } from '@shared/ui/forms';
import { Loading, Notice, Page } from '@shared/ui/page';
import { useStudioI18n } from '../i18n';
import { saveText } from '@shared/ui/download';
import { useModeName } from './RunsPage';

type Check = { hashMatches: boolean; differing: number[] };

export default function RunPage({ id }: { id: string }) {
  const { t, formatDateTime } = useStudioI18n();
  const modeName = useModeName();
  const data = useAsync(() => request(StudioAllocationRunDocument, { id }), [id]);
  const [check, setCheck] = useState<Check | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = data.data?.allocationRun;
  const back = { href: '/studio/allocation', label: t('runs.title') };
  if (data.loading && !run) return <Loading />;
  if (data.error !== undefined) return <Page title={t('run.title')} back={back}><ProblemMessage error={data.error} /></Page>;
  if (!run) return null;

  const extract = async () => (await request(StudioAllocationExtractDocument, { id })).allocationRunExtract;
  const download = async () => {
    setProblem(null);
    try {
      saveText((await extract()).json, `allocation-run-${run.id}.json`, 'application/json');
    } catch (error) {
      setProblem(error);
    }
  };
  const recomputeRun = async () => {
    setProblem(null);
    setBusy(true);
    try {
      const { json, inputsHash } = await extract();
      const hashMatches = (await sha256Hex(json)) === inputsHash && inputsHash === run.inputsHash;
      const parsed = parseExtract(json);
      // A transfer run recomputes by top trading cycles; a window's by serial dictatorship.
      setCheck({ hashMatches, differing: differences(isTransferExtract(parsed) ? recomputeTransfers(parsed) : recompute(parsed), run.outcomes) });
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };
  const equal = check !== null && check.hashMatches && check.differing.length === 0;

  return (
    <Page title={t('run.title')} caption={t('run.caption', { at: formatDateTime(run.finishedAt), year: run.groupYear })} back={back}>
      <SummaryList
        rows={[
          { key: t('runs.mode'), value: modeName(run.mode) },
          { key: t('journal.groupYear'), value: run.groupYear },
          { key: t('runs.ruleSet'), value: t('runs.ruleSetValue', { name: run.ruleSet, version: run.ruleSetVersion }) },
          { key: t('run.started'), value: formatDateTime(run.startedAt) },
          { key: t('run.finished'), value: formatDateTime(run.finishedAt) },
          { key: t('run.counts'), value: t('run.countsValue', { families: run.families, seats: run.seats, placed: run.placed, notPlaced: run.families - run.placed }) },
          { key: t('run.seed'), value: run.seed ? <span className="hash">{run.seed}</span> : t('run.noSeed') },
          { key: t('run.hash'), value: <span className="hash">{run.inputsHash}</span> },
        ]}
      />
      <div className="actions-row">
        <button type="button" className="button" onClick={() => void recomputeRun()} disabled={busy}>{t('run.recompute')}</button>
        <button type="button" className="button button--secondary" onClick={() => void download()}>{t('run.download')}</button>
      </div>
      {problem !== null && <ProblemMessage error={problem} />}
      <div aria-live="polite">
        {check && (
          <Notice kind={equal ? 'success' : 'error'} title={equal ? t('run.equal') : t('run.notEqual')}>
            <p>{check.hashMatches ? t('run.hashMatches') : t('run.hashDiffers')}</p>
            <p>{check.differing.length === 0 ? t('run.sameOutcomes', { families: run.families }) : t('run.differing', { positions: check.differing.map((p) => p + 1).join(', ') })}</p>
          </Notice>
        )}
      </div>
      <p className="hint">{run.mode === 'transfer' ? t('run.howTransfer') : t('run.how')}</p>

      <h2>{t('run.outcomes')}</h2>
      <ol className="run-outcomes">
        {run.outcomes.map((o) => (
          <li key={o.position} className="card" data-testid="run-outcome">
            <p className="card__title">
              {t('run.turn', { turn: o.position + 1 })} ·{' '}
              {o.applicationNumber ? <Link href={`/studio/applications/${encodeURIComponent(o.applicationNumber)}`}>{o.applicationNumber}</Link> : '—'}
            </p>
            <p>
              <strong>{o.kindergarten && o.choice === null && run.mode === 'transfer' ? t('run.stays', { name: o.kindergarten.name }) : o.kindergarten ? t('run.placedAt', { name: o.kindergarten.name, choice: (o.choice ?? 0) + 1 }) : t('run.notPlacedShort')}</strong>
            </p>
            <p className="muted">{o.explanation.charAt(0).toLocaleUpperCase() + o.explanation.slice(1)}</p>
          </li>
        ))}
      </ol>
    </Page>
  );
}
