import { lazy, Suspense, useState } from 'react';
import { request } from '@shared/graphql/client';
import { FreePlacesDocument, type FreePlacesQuery, type Language } from '@shared/graphql/generated/graphql';
import { useI18n } from '@shared/i18n/i18n';
import { useAsync } from '@shared/ui/async';
import { ProblemMessage } from '@shared/ui/errors';
import { SelectField } from '@shared/ui/forms';
import { Loading, Page } from '@shared/ui/page';
import { RegionSelect } from '../shell/Layout';
import { usePortal } from '../shell/context';
import { groupYears } from '../statistics/StatisticsPage';

// The map (Leaflet) is its own chunk, loaded only when tiles are configured and the person opens it.
const PlacesMap = lazy(() => import('./PlacesMap'));

export type Place = FreePlacesQuery['freePlaces'][number];

export function PlaceList({ places, choose }: { places: Place[]; choose?: (place: Place) => void }) {
  const { t } = useI18n();
  return (
    <ul className="place-list">
      {places.map((p) => (
        <li className="card" key={p.placeId}>
          <h3>{p.kindergarten.name}</h3>
          <p className="muted">{p.kindergarten.address}</p>
          <dl className="facts">
            <div>
              <dt>{t('field.groupYear')}</dt>
              <dd>{p.groupYear}</dd>
            </div>
            <div>
              <dt>{t('places.language')}</dt>
              <dd>{t(`language.${p.language}`)}</dd>
            </div>
            <div>
              <dt>{t('places.count')}</dt>
              <dd>{p.count}</dd>
            </div>
            <div>
              <dt>{t('places.mode')}</dt>
              <dd>{t(`placeMode.${p.mode}`)}</dd>
            </div>
          </dl>
          {choose && (
            <button type="button" className="button" onClick={() => choose(p)}>
              {t('choose.this', { name: p.kindergarten.name, mode: t(`placeMode.${p.mode}`) })}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

export default function PlacesPage() {
  const { t, lang } = useI18n();
  const { region, settings } = usePortal();
  const [groupYear, setGroupYear] = useState('');
  const [language, setLanguage] = useState('');
  const [showMap, setShowMap] = useState(false);
  const { data, error, loading } = useAsync(
    () => request(FreePlacesDocument, { region, groupYear: groupYear ? Number(groupYear) : null, language: (language || null) as Language | null }),
    [region, groupYear, language, lang],
  );
  const places = data?.freePlaces ?? [];
  return (
    <Page title={t('places.title')}>
      <p className="lead">{t('places.lead')}</p>
      <div className="filters">
        <RegionSelect />
        <SelectField
          id="group-year"
          label={t('field.groupYear')}
          value={groupYear}
          onChange={setGroupYear}
          options={[{ value: '', label: t('common.all') }, ...groupYears().map((y) => ({ value: String(y), label: String(y) }))]}
        />
        <SelectField
          id="language"
          label={t('places.language')}
          value={language}
          onChange={setLanguage}
          options={[
            { value: '', label: t('common.all') },
            { value: 'KK', label: t('language.KK') },
            { value: 'RU', label: t('language.RU') },
          ]}
        />
      </div>
      {loading && !data && <Loading />}
      {error !== undefined && <ProblemMessage error={error} />}
      {data && places.length === 0 && <p>{t('places.none')}</p>}
      {settings.mapTileUrl && places.length > 0 && (
        <p>
          <button type="button" className="button button--secondary" aria-expanded={showMap} onClick={() => setShowMap(!showMap)}>
            {showMap ? t('places.hideMap') : t('places.showMap')}
          </button>
        </p>
      )}
      {showMap && settings.mapTileUrl && (
        <Suspense fallback={<Loading />}>
          <PlacesMap places={places} tileUrl={settings.mapTileUrl} attribution={settings.mapAttribution ?? ''} />
        </Suspense>
      )}
      {places.length > 0 && <PlaceList places={places} />}
    </Page>
  );
}
