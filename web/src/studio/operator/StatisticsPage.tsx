// The statistics dashboard: the queue by group year and by category, what happened in a period, free seats per kindergarten.
// Counts only (the public statistics); drawn as small SVG bar charts, each with its table.
import { useState, type FormEvent } from 'react';
import { request } from '@shared/graphql/client';
import { StudioStatisticsDocument } from '@shared/graphql/generated/graphql';
import { regionTimeZone } from '@shared/i18n/i18n';
import { useAsync } from '@shared/ui/async';
import { ProblemMessage } from '@shared/ui/errors';
import { ErrorSummary, TextField, type FieldError } from '@shared/ui/forms';
import { Loading, Page } from '@shared/ui/page';
import { isIsoDate } from '@shared/validation/dates';
import { useStudioI18n } from '../i18n';
import { regionsOf, useStudio } from '../shell/access';
import { RegionPicker, useRegionChoice } from '../parts';
import { BarChart } from './BarChart';

/** A calendar day in the region's time zone, `days` before today (yyyy-MM-dd). */
export function regionDay(daysBefore = 0, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: regionTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(now.getTime() - daysBefore * 86_400_000));
}

export default function StatisticsPage() {
  const { t, formatDate } = useStudioI18n();
  const { viewer } = useStudio();
  const operator = regionsOf(viewer, 'OPERATOR');
  const officer = regionsOf(viewer, 'POLICY_OFFICER');
  const regions = operator === null ? null : [...new Set([...operator, ...(officer ?? [])])];
  const [region, setRegion] = useRegionChoice(regions);
  const [period, setPeriod] = useState({ from: regionDay(29), to: regionDay(0) });
  const [typed, setTyped] = useState(period);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const data = useAsync(() => request(StudioStatisticsDocument, { region, from: period.from, to: period.to }), [region, period]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!isIsoDate(typed.from)) found.push({ field: 'stats-from', message: t('stats.dateNeeded') });
    if (!isIsoDate(typed.to)) found.push({ field: 'stats-to', message: t('stats.dateNeeded') });
    if (found.length === 0 && typed.from > typed.to) found.push({ field: 'stats-to', message: t('stats.toBeforeFrom') });
    setErrors(found);
    if (found.length === 0) setPeriod(typed);
  };
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  const stats = data.data?.statistics;
  return (
    <Page title={t('stats.title')}>
      <p className="lead">{t('stats.lead')}</p>
      <RegionPicker regions={regions} value={region} onChange={setRegion} />
      {data.error !== undefined && <ProblemMessage error={data.error} />}
      {data.loading && !stats ? <Loading /> : stats && (
        <>
          <h2>{t('stats.queue')}</h2>
          <dl className="facts">
            <div><dt>{t('stats.total')}</dt><dd data-testid="stats-total">{stats.total}</dd></div>
            <div><dt>{t('stats.outOfTurn')}</dt><dd>{stats.outOfTurn}</dd></div>
            <div><dt>{t('stats.priority')}</dt><dd>{stats.priority}</dd></div>
            <div><dt>{t('stats.general')}</dt><dd>{stats.general}</dd></div>
            <div><dt>{t('stats.notified')}</dt><dd>{stats.activity.notified}</dd></div>
          </dl>
          <div className="chart-grid">
            <BarChart title={t('stats.byGroupYear')} labelHeading={t('stats.groupYearHeading')} valueLabel={t('stats.applications')}
              bars={stats.byGroupYear.map((y) => ({ label: t('stats.groupYear', { year: y.groupYear }), value: y.total }))} />
            <BarChart title={t('stats.byCategory')} labelHeading={t('stats.category')} valueLabel={t('stats.applications')}
              bars={[
                { label: t('stats.outOfTurn'), value: stats.outOfTurn },
                { label: t('stats.priority'), value: stats.priority },
                { label: t('stats.general'), value: stats.general },
              ]} />
          </div>

          <h2>{t('stats.period')}</h2>
          <ErrorSummary errors={errors} />
          <form className="inline-form" onSubmit={submit} noValidate>
            <TextField id="stats-from" type="date" label={t('stats.from')} error={error('stats-from')} value={typed.from} onChange={(from) => setTyped({ ...typed, from })} />
            <TextField id="stats-to" type="date" label={t('stats.to')} error={error('stats-to')} value={typed.to} onChange={(to) => setTyped({ ...typed, to })} />
            <div className="field"><button type="submit" className="button">{t('stats.show')}</button></div>
          </form>
          <div className="chart-grid">
            <BarChart title={t('stats.activity', { from: formatDate(period.from), to: formatDate(period.to) })} labelHeading={t('stats.what')} valueLabel={t('stats.count')}
              bars={[
                { label: t('stats.issued'), value: stats.activity.directionsIssued },
                { label: t('stats.enrolled'), value: stats.activity.enrolled },
                { label: t('stats.expired'), value: stats.activity.expired },
              ]} />
            <BarChart title={t('stats.freeSeats')} labelHeading={t('stats.kindergarten')} valueLabel={t('stats.seats')} empty={t('stats.noFreeSeats')}
              bars={stats.activity.freeSeats.map((s) => ({ label: s.kindergarten.name, value: s.freeSeats }))} />
          </div>
        </>
      )}
    </Page>
  );
}
