// Allocation runs, for a region's operators and administrators: the history (when, group year, mode, placed / not placed,
// rule-set version), newest first.
import { useState } from 'react';
import { request } from '@shared/graphql/client';
import { StudioAllocationRunsDocument } from '@shared/graphql/generated/graphql';
import { Link } from '@shared/router';
import { useAsync } from '@shared/ui/async';
import { ProblemMessage } from '@shared/ui/errors';
import { SelectField } from '@shared/ui/forms';
import { Loading, Page } from '@shared/ui/page';
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
  const data = useAsync(() => request(StudioAllocationRunsDocument, { region, groupYear: groupYear ? Number(groupYear) : null, after }), [region, groupYear, after]);
  const page = data.data?.allocationRuns;
  return (
    <Page title={t('runs.title')}>
      <p className="lead">{t('runs.lead')}</p>
      <div className="filters">
        <RegionPicker regions={regions} value={region} onChange={(code) => { setRegion(code); setAfters([null]); }} />
        <SelectField id="runs-year" label={t('journal.groupYear')} value={groupYear} onChange={(y) => { setGroupYear(y); setAfters([null]); }}
          options={[{ value: '', label: t('runs.allYears') }, ...groupYears().map((y) => ({ value: String(y), label: String(y) }))]} />
      </div>
      {data.error !== undefined && <ProblemMessage error={data.error} />}
      {data.loading && !page ? <Loading /> : page && (
        <>
          {page.nodes.length === 0 ? <p>{t('runs.none')}</p> : (
            <div className="studio-table-wrap">
              <table className="table studio-table">
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
                      <td><Link href={`/studio/allocation/${encodeURIComponent(run.id)}`}>{formatDateTime(run.finishedAt)}</Link></td>
                      <td>{run.groupYear}</td>
                      <td>{modeName(run.mode)}</td>
                      <td>{run.placed}</td>
                      <td>{run.notPlaced}</td>
                      <td>{run.seats}</td>
                      <td>{t('runs.ruleSetValue', { name: run.ruleSet, version: run.ruleSetVersion })}</td>
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
