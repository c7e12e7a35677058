// Regions, for administrators: the list, a region made or edited (names in Russian, Kazakh and English, support contacts),
// and the CSV import. The time zone is the region's rule set's (ADR 13): shown, never edited here.
import { useState, type FormEvent } from 'react';
import { request } from '@shared/graphql/client';
import { StudioCreateRegionDocument, StudioImportRegionsDocument, StudioRegionsDocument, StudioUpdateRegionDocument, type StudioRegionsQuery } from '@shared/graphql/generated/graphql';
import { useAsync } from '@shared/ui/async';
import { ProblemMessage } from '@shared/ui/errors';
import { ErrorSummary, TextField, type FieldError } from '@shared/ui/forms';
import { Loading, Notice, Page } from '@shared/ui/page';
import { useStudioI18n } from '../i18n';
import { fieldLabel, serverFieldError } from './forms';
import { ImportPanel } from './ImportPanel';

type Region = StudioRegionsQuery['regions'][number];

const header = 'code,nameRu,nameKk,nameEn,timeZone,supportPhone,supportEmail,supportHoursRu,supportHoursKk';
const example = 'kostanay,г. Костанай,Қостанай қ.,Kostanay,,+7 7142 00 00 00,kezek@kostanay.kz,Пн–Пт 09:00–18:00,Дс–Жм 09:00–18:00';

const ids: Record<string, string> = {
  code: 'region-code', nameRu: 'region-nameRu', nameKk: 'region-nameKk', nameEn: 'region-nameEn', supportPhone: 'region-supportPhone',
  supportEmail: 'region-supportEmail', supportHoursRu: 'region-supportHoursRu', supportHoursKk: 'region-supportHoursKk', timeZone: 'region-code',
};

export default function RegionsPage() {
  const { t } = useStudioI18n();
  const list = useAsync(() => request(StudioRegionsDocument), []);
  const [editing, setEditing] = useState<Region | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  if (editing)
    return <RegionForm region={editing === 'new' ? null : editing} onCancel={() => setEditing(null)} onSaved={(name) => { setSaved(name); setEditing(null); list.reload(); }} />;
  return (
    <Page title={t('regions.title')}>
      <p className="lead">{t('regions.lead')}</p>
      {saved && <Notice kind="success" title={t('regions.saved', { name: saved })} />}
      <ul className="actions-row">
        <li><button type="button" className="button" onClick={() => { setSaved(null); setEditing('new'); }}>{t('regions.add')}</button></li>
        <li><a href="#regions-import-title">{t('import.title')}</a></li>
      </ul>
      {list.error !== undefined && <ProblemMessage error={list.error} />}
      {list.loading && !list.data ? <Loading /> : (
        <ul className="reference-list">
          {list.data?.regions.map((r) => (
            <li key={r.code} className="card">
              <p className="card__title">{r.name}</p>
              <p className="muted"><span className="code">{r.code}</span> · {t('regions.timeZone')}: {r.timeZone}</p>
              <p>{[r.support.phone, r.support.email].filter(Boolean).join(' · ') || t('regions.noSupport')}</p>
              <button type="button" className="button button--secondary" onClick={() => { setSaved(null); setEditing(r); }}>
                {t('regions.edit')}<span className="visually-hidden">: {r.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <ImportPanel id="regions-import" header={header} example={example} onDone={list.reload}
        load={async (csv) => (await request(StudioImportRegionsDocument, { csv })).importRegions} />
    </Page>
  );
}

function RegionForm({ region, onSaved, onCancel }: { region: Region | null; onSaved: (name: string) => void; onCancel: () => void }) {
  const { t } = useStudioI18n();
  const [answers, setAnswers] = useState({
    code: region?.code ?? '', nameRu: region?.nameRu ?? '', nameKk: region?.nameKk ?? '', nameEn: region?.nameEn ?? '',
    supportPhone: region?.support.phone ?? '', supportEmail: region?.support.email ?? '', supportHoursRu: region?.support.hoursRu ?? '',
    supportHoursKk: region?.support.hoursKk ?? '',
  });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof answers) => (value: string) => setAnswers({ ...answers, [field]: value });
  const error = (id: string) => errors.find((e) => e.field === id)?.message;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!region && !/^[a-z0-9-]{2,32}$/.test(answers.code.trim())) found.push({ field: 'region-code', message: t('regions.codeNeeded') });
    for (const field of ['nameRu', 'nameKk', 'nameEn'] as const)
      if (!answers[field].trim()) found.push({ field: ids[field], message: t(`regions.${field}Needed`) });
    setErrors(found);
    setProblem(null);
    if (found.length > 0) return;
    const empty = (text: string) => (text.trim() ? text.trim() : null);
    const input = {
      code: answers.code.trim(), nameRu: answers.nameRu.trim(), nameKk: answers.nameKk.trim(), nameEn: answers.nameEn.trim(),
      supportPhone: empty(answers.supportPhone), supportEmail: empty(answers.supportEmail), supportHoursRu: empty(answers.supportHoursRu), supportHoursKk: empty(answers.supportHoursKk),
    };
    setBusy(true);
    try {
      const answer = region ? (await request(StudioUpdateRegionDocument, { input })).updateRegion : (await request(StudioCreateRegionDocument, { input })).createRegion;
      onSaved(answer.region.name);
    } catch (failure) {
      const onField = serverFieldError(failure, ids, (field) => fieldLabel(t, field));
      if (onField) setErrors([onField]);
      else setProblem(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={region ? t('regions.editTitle') : t('regions.createTitle')} caption={region?.name}>
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} />
        {region ? (
          <dl className="facts">
            <div><dt>{t('regions.code')}</dt><dd className="code">{region.code}</dd></div>
            <div><dt>{t('regions.timeZone')}</dt><dd>{region.timeZone}</dd></div>
          </dl>
        ) : (
          <TextField id="region-code" label={t('regions.code')} hint={t('regions.codeHint')} error={error('region-code')} width="medium" value={answers.code} onChange={set('code')} />
        )}
        <TextField id="region-nameRu" label={t('regions.nameRu')} error={error('region-nameRu')} value={answers.nameRu} onChange={set('nameRu')} />
        <TextField id="region-nameKk" label={t('regions.nameKk')} error={error('region-nameKk')} value={answers.nameKk} onChange={set('nameKk')} />
        <TextField id="region-nameEn" label={t('regions.nameEn')} error={error('region-nameEn')} value={answers.nameEn} onChange={set('nameEn')} />
        <h2>{t('regions.support')}</h2>
        <TextField id="region-supportPhone" label={t('regions.phone')} hint={t('regions.phoneHint')} error={error('region-supportPhone')} type="tel" width="medium" value={answers.supportPhone} onChange={set('supportPhone')} />
        <TextField id="region-supportEmail" label={t('regions.email')} error={error('region-supportEmail')} type="email" value={answers.supportEmail} onChange={set('supportEmail')} />
        <TextField id="region-supportHoursRu" label={t('regions.hoursRu')} error={error('region-supportHoursRu')} value={answers.supportHoursRu} onChange={set('supportHoursRu')} />
        <TextField id="region-supportHoursKk" label={t('regions.hoursKk')} error={error('region-supportHoursKk')} value={answers.supportHoursKk} onChange={set('supportHoursKk')} />
        {problem !== null && <ProblemMessage error={problem} />}
        <ul className="actions-row">
          <li><button type="submit" className="button" disabled={busy}>{region ? t('regions.saveChanges') : t('regions.create')}</button></li>
          <li><button type="button" className="link-button" onClick={onCancel}>{t('common.cancel')}</button></li>
        </ul>
      </form>
    </Page>
  );
}
