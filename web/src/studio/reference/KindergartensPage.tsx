// Kindergartens of a region, for administrators and the region's operators: the list with filters, a kindergarten made or
// edited (BIN, names and addresses in Russian and Kazakh, coordinates, languages, ownership, groups), and the CSV import.
import { useMemo, useState, type FormEvent } from 'react';
import { request } from '@shared/graphql/client';
import {
  StudioCreateKindergartenDocument, StudioImportKindergartensDocument, StudioReferenceKindergartensDocument, StudioUpdateKindergartenDocument,
  type Language, type Ownership, type StudioReferenceKindergartensQuery,
} from '@shared/graphql/generated/graphql';
import { useAsync } from '@shared/ui/async';
import { ProblemMessage } from '@shared/ui/errors';
import { ErrorSummary, Radios, SelectField, TextField, type FieldError } from '@shared/ui/forms';
import { Loading, Notice, Page } from '@shared/ui/page';
import { useStudioI18n } from '../i18n';
import { regionsOf, useStudio } from '../shell/access';
import { RegionPicker, useRegionChoice } from '../parts';
import { decimal, fieldLabel, serverFieldError, whole } from './forms';
import { ImportPanel } from './ImportPanel';

type Kindergarten = StudioReferenceKindergartensQuery['kindergartens'][number];
type View = { kind: 'list' } | { kind: 'create' } | { kind: 'edit'; kindergarten: Kindergarten };

const header = 'region,bin,nameRu,nameKk,addressRu,addressKk,latitude,longitude,languages,ownership,groups';
const example = 'almaty,130540077884,Ясли-сад № 150,№ 150 бөбекжай-бақшасы,"г. Алматы, ул. Сатпаева, 30","Алматы қ., Сәтбаев к-сі, 30",43.24,76.91,kk ru,state,2022:kk:25;2021:ru:20';

export default function KindergartensPage() {
  const { t } = useStudioI18n();
  const { viewer } = useStudio();
  const regions = regionsOf(viewer, 'OPERATOR');
  const [region, setRegion] = useRegionChoice(regions);
  const list = useAsync(() => request(StudioReferenceKindergartensDocument, { region }), [region]);
  const [view, setView] = useState<View>({ kind: 'list' });
  const [saved, setSaved] = useState<string | null>(null);
  const [filter, setFilter] = useState({ text: '', language: '', ownership: '' });
  const shown = useMemo(() => {
    const text = filter.text.trim().toLocaleLowerCase();
    return (list.data?.kindergartens ?? []).filter((k) =>
      (!text || [k.bin, k.nameRu, k.nameKk, k.addressRu, k.addressKk].some((v) => v.toLocaleLowerCase().includes(text)))
      && (!filter.language || k.languages.includes(filter.language))
      && (!filter.ownership || k.ownership === filter.ownership));
  }, [list.data, filter]);

  if (view.kind !== 'list')
    return (
      <KindergartenForm region={region} kindergarten={view.kind === 'edit' ? view.kindergarten : null}
        onCancel={() => setView({ kind: 'list' })}
        onSaved={(name) => { setSaved(name); setView({ kind: 'list' }); list.reload(); }} />
    );
  return (
    <Page title={t('kg.title')}>
      <p className="lead">{t('kg.lead')}</p>
      <RegionPicker regions={regions} value={region} onChange={(code) => { setRegion(code); setSaved(null); }} />
      {saved && <Notice kind="success" title={t('kg.saved', { name: saved })} />}
      <ul className="actions-row">
        <li><button type="button" className="button" onClick={() => { setSaved(null); setView({ kind: 'create' }); }}>{t('kg.add')}</button></li>
        <li><a href="#kg-import-title">{t('import.title')}</a></li>
      </ul>
      <form className="inline-form" role="search" aria-label={t('kg.filters')} onSubmit={(e) => e.preventDefault()}>
        <TextField id="kg-filter-text" label={t('kg.search')} hint={t('kg.searchHint')} value={filter.text} onChange={(text) => setFilter({ ...filter, text })} />
        <SelectField id="kg-filter-language" label={t('kg.language')} value={filter.language} onChange={(language) => setFilter({ ...filter, language })}
          options={[{ value: '', label: t('common.any') }, { value: 'kk', label: t('language.KK') }, { value: 'ru', label: t('language.RU') }]} />
        <SelectField id="kg-filter-ownership" label={t('kg.ownership')} value={filter.ownership} onChange={(ownership) => setFilter({ ...filter, ownership })}
          options={[{ value: '', label: t('common.any') }, { value: 'STATE', label: t('kg.ownership.STATE') }, { value: 'PRIVATE', label: t('kg.ownership.PRIVATE') }]} />
      </form>
      {list.error !== undefined && <ProblemMessage error={list.error} />}
      {list.loading && !list.data ? <Loading /> : (
        <>
          <p role="status">{t('kg.found', { count: shown.length, all: list.data?.kindergartens.length ?? 0 })}</p>
          <ul className="reference-list">
            {shown.map((k) => (
              <li key={k.id} className="card">
                <p className="card__title">{k.name}</p>
                <p className="muted">{t('kg.binShort')} {k.bin} · {t(`kg.ownership.${k.ownership === 'PRIVATE' ? 'PRIVATE' : 'STATE'}`)} · {k.languages.map((l) => t(l === 'kk' ? 'language.KK' : 'language.RU')).join(', ')}</p>
                <p>{k.address}</p>
                <p className="muted">{k.groups.length === 0 ? t('kg.noGroups') : k.groups.map((g) => t('kg.groupShort', { year: g.groupYear, language: t(`language.${g.language}`), capacity: g.capacity })).join('; ')}</p>
                {k.latitude === null && <p className="muted">{t('kg.noCoordinates')}</p>}
                <button type="button" className="button button--secondary" onClick={() => { setSaved(null); setView({ kind: 'edit', kindergarten: k }); }}>
                  {t('kg.edit')}<span className="visually-hidden">: {k.name}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <ImportPanel id="kg-import" header={header} example={example} onDone={list.reload}
        load={async (csv) => (await request(StudioImportKindergartensDocument, { csv })).importKindergartens} />
    </Page>
  );
}

interface Group { groupYear: string; language: Language; capacity: string }

const ids: Record<string, string> = {
  bin: 'kg-bin', nameRu: 'kg-nameRu', nameKk: 'kg-nameKk', addressRu: 'kg-addressRu', addressKk: 'kg-addressKk', latitude: 'kg-latitude',
  longitude: 'kg-longitude', languages: 'kg-languages', ownership: 'kg-ownership', groups: 'kg-groups', region: 'kg-bin',
};

function KindergartenForm({ region, kindergarten, onSaved, onCancel }: { region: string; kindergarten: Kindergarten | null; onSaved: (name: string) => void; onCancel: () => void }) {
  const { t, lang } = useStudioI18n();
  const [answers, setAnswers] = useState({
    bin: kindergarten?.bin ?? '', nameRu: kindergarten?.nameRu ?? '', nameKk: kindergarten?.nameKk ?? '', addressRu: kindergarten?.addressRu ?? '',
    addressKk: kindergarten?.addressKk ?? '', latitude: kindergarten?.latitude?.toString() ?? '', longitude: kindergarten?.longitude?.toString() ?? '',
    ownership: (kindergarten?.ownership === 'PRIVATE' ? 'PRIVATE' : 'STATE') as Ownership,
  });
  const [languages, setLanguages] = useState<Language[]>(kindergarten ? kindergarten.languages.map((l) => (l === 'kk' ? 'KK' : 'RU')) : ['KK']);
  const [groups, setGroups] = useState<Group[]>(kindergarten ? kindergarten.groups.map((g) => ({ groupYear: String(g.groupYear), language: g.language, capacity: String(g.capacity) })) : []);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof answers) => (value: string) => setAnswers({ ...answers, [field]: value });
  const error = (id: string) => errors.find((e) => e.field === id)?.message;
  const title = kindergarten ? t('kg.editTitle') : t('kg.createTitle');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!kindergarten && !/^\d{12}$/.test(answers.bin.trim())) found.push({ field: 'kg-bin', message: t('kg.binNeeded') });
    for (const field of ['nameRu', 'nameKk', 'addressRu', 'addressKk'] as const)
      if (!answers[field].trim()) found.push({ field: ids[field], message: t(`kg.${field}Needed`) });
    const latitude = decimal(answers.latitude);
    const longitude = decimal(answers.longitude);
    if (latitude === null) found.push({ field: 'kg-latitude', message: t('kg.latitudeNeeded') });
    if (longitude === null) found.push({ field: 'kg-longitude', message: t('kg.longitudeNeeded') });
    if (languages.length === 0) found.push({ field: 'kg-languages', message: t('kg.languagesNeeded') });
    const checkedGroups = groups.map((g) => ({ groupYear: whole(g.groupYear, 2000, 2100), language: g.language, capacity: whole(g.capacity, 1, 1000) }));
    checkedGroups.forEach((g, index) => {
      if (g.groupYear === null) found.push({ field: `kg-group-${index}-year`, message: t('kg.groupYearNeeded', { row: index + 1 }) });
      if (g.capacity === null) found.push({ field: `kg-group-${index}-capacity`, message: t('kg.capacityNeeded', { row: index + 1 }) });
    });
    setErrors(found);
    setProblem(null);
    if (found.length > 0) return;
    const common = {
      nameRu: answers.nameRu.trim(), nameKk: answers.nameKk.trim(), addressRu: answers.addressRu.trim(), addressKk: answers.addressKk.trim(),
      latitude: latitude!, longitude: longitude!, languages, ownership: answers.ownership,
      groups: checkedGroups.map((g) => ({ groupYear: g.groupYear!, language: g.language, capacity: g.capacity! })),
    };
    setBusy(true);
    try {
      const answer = kindergarten
        ? (await request(StudioUpdateKindergartenDocument, { input: { id: kindergarten.id, ...common } })).updateKindergarten
        : (await request(StudioCreateKindergartenDocument, { input: { region, bin: answers.bin.trim(), ...common } })).createKindergarten;
      onSaved(answer.kindergarten.name);
    } catch (failure) {
      const onField = serverFieldError(failure, ids, (field) => fieldLabel(t, field));
      if (onField) setErrors([onField]);
      else setProblem(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={title} caption={kindergarten ? (lang === 'kk' ? kindergarten.nameKk : kindergarten.nameRu) : undefined}>
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} />
        {kindergarten ? (
          <dl className="facts">
            <div><dt>{t('kg.bin')}</dt><dd>{kindergarten.bin}</dd></div>
            <div><dt>{t('common.region')}</dt><dd>{kindergarten.region}</dd></div>
          </dl>
        ) : (
          <TextField id="kg-bin" label={t('kg.bin')} hint={t('kg.binHint')} error={error('kg-bin')} inputMode="numeric" width="medium" value={answers.bin} onChange={set('bin')} />
        )}
        <TextField id="kg-nameRu" label={t('kg.nameRu')} error={error('kg-nameRu')} value={answers.nameRu} onChange={set('nameRu')} />
        <TextField id="kg-nameKk" label={t('kg.nameKk')} error={error('kg-nameKk')} value={answers.nameKk} onChange={set('nameKk')} />
        <TextField id="kg-addressRu" label={t('kg.addressRu')} error={error('kg-addressRu')} value={answers.addressRu} onChange={set('addressRu')} />
        <TextField id="kg-addressKk" label={t('kg.addressKk')} error={error('kg-addressKk')} value={answers.addressKk} onChange={set('addressKk')} />
        <div className="inline-form">
          <TextField id="kg-latitude" label={t('kg.latitude')} hint={t('kg.latitudeHint')} error={error('kg-latitude')} width="medium" value={answers.latitude} onChange={set('latitude')} />
          <TextField id="kg-longitude" label={t('kg.longitude')} hint={t('kg.longitudeHint')} error={error('kg-longitude')} width="medium" value={answers.longitude} onChange={set('longitude')} />
        </div>
        <fieldset className={`field${error('kg-languages') ? ' field--error' : ''}`} aria-describedby={error('kg-languages') ? 'kg-languages-error' : undefined}>
          <legend>{t('kg.languages')}</legend>
          {error('kg-languages') && <p className="field-error" id="kg-languages-error">{error('kg-languages')}</p>}
          <div className="radios">
            {(['KK', 'RU'] as Language[]).map((l, index) => (
              <div className="radio" key={l}>
                <input type="checkbox" id={index === 0 ? 'kg-languages' : `kg-languages-${l}`} checked={languages.includes(l)}
                  onChange={(e) => setLanguages(e.target.checked ? [...languages, l] : languages.filter((x) => x !== l))} />
                <label htmlFor={index === 0 ? 'kg-languages' : `kg-languages-${l}`}>{t(`language.${l}`)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <Radios id="kg-ownership" label={t('kg.ownership')} error={error('kg-ownership')} value={answers.ownership} onChange={set('ownership')}
          options={[{ value: 'STATE', label: t('kg.ownership.STATE') }, { value: 'PRIVATE', label: t('kg.ownership.PRIVATE') }]} />
        <fieldset className={`field${error('kg-groups') ? ' field--error' : ''}`} aria-describedby={error('kg-groups') ? 'kg-groups-error' : 'kg-groups-hint'}>
          <legend>{t('kg.groups')}</legend>
          <p className="hint" id="kg-groups-hint">{t('kg.groupsHint')}</p>
          {error('kg-groups') && <p className="field-error" id="kg-groups-error">{error('kg-groups')}</p>}
          {groups.map((g, index) => (
            <div className="inline-form group-row" key={index} role="group" aria-label={t('kg.groupRow', { row: index + 1 })}>
              <TextField id={`kg-group-${index}-year`} label={t('kg.groupYear')} error={error(`kg-group-${index}-year`)} inputMode="numeric" width="short"
                value={g.groupYear} onChange={(groupYear) => setGroups(groups.map((x, i) => (i === index ? { ...x, groupYear } : x)))} />
              <SelectField id={`kg-group-${index}-language`} label={t('kg.groupLanguage')} value={g.language}
                onChange={(language) => setGroups(groups.map((x, i) => (i === index ? { ...x, language: language as Language } : x)))}
                options={[{ value: 'KK', label: t('language.KK') }, { value: 'RU', label: t('language.RU') }]} />
              <TextField id={`kg-group-${index}-capacity`} label={t('kg.capacity')} error={error(`kg-group-${index}-capacity`)} inputMode="numeric" width="short"
                value={g.capacity} onChange={(capacity) => setGroups(groups.map((x, i) => (i === index ? { ...x, capacity } : x)))} />
              <div className="field">
                <button type="button" className="link-button" onClick={() => setGroups(groups.filter((_, i) => i !== index))}>
                  {t('kg.removeGroup')}<span className="visually-hidden"> {index + 1}</span>
                </button>
              </div>
            </div>
          ))}
          <button type="button" className="button button--secondary" id="kg-groups" onClick={() => setGroups([...groups, { groupYear: String(new Date().getFullYear() - 4), language: 'KK', capacity: '25' }])}>
            {t('kg.addGroup')}
          </button>
        </fieldset>
        {problem !== null && <ProblemMessage error={problem} />}
        <ul className="actions-row">
          <li><button type="submit" className="button" disabled={busy}>{kindergarten ? t('kg.saveChanges') : t('kg.create')}</button></li>
          <li><button type="button" className="link-button" onClick={onCancel}>{t('common.cancel')}</button></li>
        </ul>
      </form>
    </Page>
  );
}
