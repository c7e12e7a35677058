import { useState } from 'react';
import { request } from '@shared/graphql/client';
import { StatisticsDocument } from '@shared/graphql/generated/graphql';
import { useI18n } from '@shared/i18n/i18n';
import { useAsync } from '@shared/ui/async';
import { ProblemMessage } from '@shared/ui/errors';
import { SelectField } from '@shared/ui/forms';
import { Loading, Page } from '@shared/ui/page';
import { RegionSelect } from '../shell/Layout';
import { usePortal } from '../shell/context';

export function groupYears(): number[] {
  const year = new Date().getFullYear();
  return Array.from({ length: 7 }, (_, i) => year - 1 - i);
}

export default function StatisticsPage() {
  const { t, lang } = useI18n();
  const { region } = usePortal();
  const [groupYear, setGroupYear] = useState('');
  const { data, error, loading } = useAsync(
    () => request(StatisticsDocument, { region, groupYear: groupYear ? Number(groupYear) : null }),
    [region, groupYear, lang],
  );
  const s = data?.statistics;
  return (
    <Page title={t('statistics.title')}>
      <p className="lead">{t('statistics.lead')}</p>
      <div className="filters">
        <RegionSelect />
        <SelectField
          id="group-year"
          label={t('field.groupYear')}
          value={groupYear}
          onChange={setGroupYear}
          options={[{ value: '', label: t('common.all') }, ...groupYears().map((y) => ({ value: String(y), label: String(y) }))]}
        />
      </div>
      {loading && !s && <Loading />}
      {error !== undefined && <ProblemMessage error={error} />}
      {s && (
        <>
          <ul className="stats" aria-label={t('statistics.queue')}>
            <li>
              <span className="stats__number">{s.total}</span> {t('statistics.total')}
            </li>
            <li>
              <span className="stats__number">{s.outOfTurn}</span> {t('benefit.OUT_OF_TURN')}
            </li>
            <li>
              <span className="stats__number">{s.priority}</span> {t('benefit.PRIORITY')}
            </li>
            <li>
              <span className="stats__number">{s.general}</span> {t('benefit.NONE')}
            </li>
          </ul>
          <h2>{t('statistics.activity')}</h2>
          <ul className="stats">
            <li>
              <span className="stats__number">{s.activity.notified}</span> {t('statistics.notified')}
            </li>
            <li>
              <span className="stats__number">{s.activity.directionsIssued}</span> {t('statistics.directionsIssued')}
            </li>
            <li>
              <span className="stats__number">{s.activity.enrolled}</span> {t('statistics.enrolled')}
            </li>
          </ul>
          <h2>{t('statistics.freeSeats')}</h2>
          {s.activity.freeSeats.length === 0 ? (
            <p>{t('places.none')}</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('places.kindergarten')}</th>
                  <th scope="col" className="numeric">
                    {t('places.count')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.activity.freeSeats.map((f) => (
                  <tr key={f.kindergarten.id}>
                    <td>{f.kindergarten.name}</td>
                    <td className="numeric">{f.freeSeats}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </Page>
  );
}
