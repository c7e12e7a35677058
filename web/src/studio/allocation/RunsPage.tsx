// Allocation runs, for a region's operators and administrators: the history (when, group year, mode, placed / not placed,
// rule-set version), newest first.
import { useState } from 'react';
import { request } from '@shared/graphql/client';
import { StudioAllocationRunsDocument, StudioRunTransfersDocument, type StudioRunTransfersMutation } from '@shared/graphql/generated/graphql';
import { Link } from '@shared/router';
import { useAsync } from '@shared/ui/async';
import { ProblemMessage } from '@shared/ui/errors';
import { SelectField } from '@shared/ui/forms';
import { Loading, Notice, Page } from '@shared/ui/page';
import { groupYears } from '../../portal/statistics/StatisticsPage';
import { useStudioI18n, type StudioKey } from '../i18n';
import { regionsOf, useStudio } from '../shell/access';
import { RegionPicker, useRegionChoice } from '../parts';

/** A mode in words; a mode the catalog does not know yet is shown as it is. */
export function useModeName() {
  const { t } = useStudioI18n();
  return (mode: string) => {
    const key = `allocation.mode.${mode}` as StudioKey;
    const text = t(key);
    return text === key ? mode : text;
  };
}

export default function RunsPage() {
  const { t, formatDateTime } = useStudioI18n();
  const modeName = useModeName();
  const { viewer } = useStudio();
  const regions = regionsOf(viewer, 'OPERATOR');
  const [region, setRegion] = useRegionChoice(regions);
  const [groupYear, setGroupYear] = useState('');
  const [afters, setAfters] = useState<(string | null)[]>([null]);
  const after = afters[afters.length - 1];
  const [reload, setReload] = useState(0);
  const data = useAsync(() => request(StudioAllocationRunsDocument, { region, groupYear: groupYear ? Number(groupYear) : null, after }), [region, groupYear, after, reload]);
  const page = data.data?.allocationRuns;
  return (
    <Page title={t('runs.title')}>
      <p className="lead">{t('runs.lead')}</p>
      <div className="filters">
        <RegionPicker regions={regions} value={region} onChange={(code) => { setRegion(code); setAfters([null]); }} />
        <SelectField id="runs-year" label={t('journal.groupYear')} value={groupYear} onChange={(y) => { setGroupYear(y); setAfters([null]); }}
          options={[{ value: '', label: t('runs.allYears') }, ...groupYears().map((y) => ({ value: String(y), label: String(y) }))]} />
      </div>
      <TransferRun region={region} onDone={() => { setAfters([null]); setReload((n) => n + 1); }} />
      {data.error !== undefined && <ProblemMessage error={data.error} />}
      {data.loading && !page ? <Loading /> : page && (
        <>
          {page.nodes.length === 0 ? <p>{t('runs.none')}</p> : (
            <div className="studio-table-wrap">
              <table className="table studio-table stack-table" data-testid="runs-table">
                <caption className="visually-hidden">{t('runs.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('runs.when')}</th>
                    <th scope="col">{t('journal.groupYear')}</th>
                    <th scope="col">{t('runs.mode')}</th>
                    <th scope="col">{t('runs.placed')}</th>
                    <th scope="col">{t('runs.notPlaced')}</th>
                    <th scope="col">{t('runs.seats')}</th>
                    <th scope="col">{t('runs.ruleSet')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.nodes.map((run) => (
                    <tr key={run.id}>
                      <td data-label={t('runs.when')}><Link href={`/studio/allocation/${encodeURIComponent(run.id)}`}>{formatDateTime(run.finishedAt)}</Link></td>
                      <td data-label={t('journal.groupYear')}>{run.groupYear}</td>
                      <td data-label={t('runs.mode')}>{modeName(run.mode)}</td>
                      <td data-label={t('runs.placed')}>{run.placed}</td>
                      <td data-label={t('runs.notPlaced')}>{run.notPlaced}</td>
                      <td data-label={t('runs.seats')}>{run.seats}</td>
                      <td data-label={t('runs.ruleSet')}>{t('runs.ruleSetValue', { name: run.ruleSet, version: run.ruleSetVersion })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <nav className="pager" aria-label={t('common.pages')}>
            {afters.length > 1 && <button type="button" className="button button--secondary" onClick={() => setAfters(afters.slice(0, -1))}>{t('common.previous')}</button>}
            {page.hasNextPage && page.endCursor && <button type="button" className="button button--secondary" onClick={() => setAfters([...afters, page.endCursor!])}>{t('common.next')}</button>}
          </nav>
        </>
      )}
    </Page>
  );
}

type TransferRunResult = StudioRunTransfersMutation['runTransfers']['run'];

/** Starting a transfer run for a group year (runTransfers), after a confirmation: the moves cannot be undone. */
function TransferRun({ region, onDone }: { region: string; onDone: () => void }) {
  const { t } = useStudioI18n();
  const [year, setYear] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [done, setDone] = useState<TransferRunResult | null>(null);
  const start = async () => {
    setProblem(null);
    setBusy(true);
    try {
      const result = await request(StudioRunTransfersDocument, { input: { region, groupYear: Number(year) } });
      setDone(result.runTransfers.run);
      setConfirming(false);
      onDone();
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="transfer-run-title">
      <h2 id="transfer-run-title">{t('transferRun.title')}</h2>
      <p>{t('transferRun.lead')}</p>
      <div className="filters">
        <SelectField id="transfer-year" label={t('transferRun.year')} value={year} onChange={(y) => { setYear(y); setConfirming(false); setDone(null); }}
          options={[{ value: '', label: t('transferRun.chooseYear') }, ...groupYears().map((y) => ({ value: String(y), label: String(y) }))]} />
      </div>
      {!confirming ? (
        <button type="button" className="button" disabled={!year} onClick={() => { setProblem(null); setDone(null); setConfirming(true); }}>
          {t('transferRun.start')}
        </button>
      ) : (
        <Notice kind="warning" title={t('transferRun.confirmTitle', { year })}>
          <p>{t('transferRun.confirm')}</p>
          <div className="actions-row">
            <button type="button" className="button button--warning" disabled={busy} onClick={() => void start()}>
              {busy ? t('transferRun.running') : t('transferRun.run')}
            </button>
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => setConfirming(false)}>{t('transferRun.cancel')}</button>
          </div>
        </Notice>
      )}
      {problem !== null && <ProblemMessage error={problem} />}
      <div aria-live="polite">
        {done && (
          <Notice kind="success" title={t('transferRun.done', { year: done.groupYear, moved: done.placed, families: done.families })}>
            <p><Link href={`/studio/allocation/${encodeURIComponent(done.id)}`}>{t('transferRun.open')}</Link></p>
          </Notice>
        )}
      </div>
    </section>
  );
}
