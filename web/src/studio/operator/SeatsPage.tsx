// Publishing seats: an operator for a kindergarten of the region, a kindergarten's staff for their own.
import { useState, type FormEvent } from 'react';
import { request } from '@shared/graphql/client';
import { StudioKindergartensDocument, StudioPublishPlacesDocument, type Language, type PlaceMode } from '@shared/graphql/generated/graphql';
import { useAsync } from '@shared/ui/async';
import { ProblemMessage } from '@shared/ui/errors';
import { ErrorSummary, Radios, SelectField, TextField, type FieldError } from '@shared/ui/forms';
import { Loading, Notice, Page } from '@shared/ui/page';
import { useStudioI18n } from '../i18n';
import { regionsOf, useStudio } from '../shell/access';
import { RegionPicker, useRegionChoice } from '../parts';
import { usePortal } from '../../portal/shell/context';

export default function SeatsPage() {
  const { t } = useStudioI18n();
  const { viewer } = useStudio();
  const portal = usePortal();
  const operatorRegions = regionsOf(viewer, 'OPERATOR');
  const staffBins = viewer.roles.filter((r) => r.role === 'KINDERGARTEN_STAFF' && r.bin).map((r) => r.bin!);
  // Staff: their kindergarten's region is found by its BIN among every region's kindergartens.
  const regions = operatorRegions && operatorRegions.length > 0 ? operatorRegions : operatorRegions === null ? null : portal.regions.map((r) => r.code);
  const [region, setRegion] = useRegionChoice(regions);
  const list = useAsync(() => request(StudioKindergartensDocument, { region }), [region]);
  const kindergartens = (list.data?.kindergartens ?? []).filter((k) => operatorRegions === null || operatorRegions.includes(region) || staffBins.includes(k.bin));
  const [answers, setAnswers] = useState({ kindergartenId: '', groupYear: '', language: 'KK', count: '1', mode: 'QUEUE' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<unknown>(null);
  const [result, setResult] = useState<{ published: number; notified: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = kindergartens.find((k) => k.id === answers.kindergartenId) ?? kindergartens[0];
  const years = [...new Set(chosen?.groups.map((g) => g.groupYear) ?? [])];
  const set = (field: keyof typeof answers) => (value: string) => setAnswers({ ...answers, [field]: value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const count = Number(answers.count);
    const found: FieldError[] = [];
    if (!Number.isInteger(count) || count < 1 || count > 10000) found.push({ field: 'seats-count', message: t('seats.countRange') });
    setErrors(found);
    if (found.length || !chosen) return;
    setBusy(true);
    setProblem(null);
    setResult(null);
    try {
      const answer = await request(StudioPublishPlacesDocument, {
        input: { kindergartenId: chosen.id, groupYear: Number(answers.groupYear || years[0]), language: answers.language as Language, count, mode: answers.mode as PlaceMode },
      });
      setResult(answer.publishPlaces);
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('seats.title')}>
      <p className="lead">{t('seats.lead')}</p>
      <RegionPicker regions={regions} value={region} onChange={setRegion} />
      {result && <Notice kind="success" title={t('seats.done', { published: result.published, notified: result.notified })} />}
      {list.error !== undefined && <ProblemMessage error={list.error} />}
      {list.loading && !list.data ? <Loading /> : kindergartens.length === 0 ? <p>{t('seats.none')}</p> : (
        <form onSubmit={submit} noValidate>
          <ErrorSummary errors={errors} />
          <SelectField id="seats-kindergarten" label={t('seats.kindergarten')} value={chosen?.id ?? ''} onChange={set('kindergartenId')}
            options={kindergartens.map((k) => ({ value: k.id, label: `${k.name} (${k.bin})` }))} />
          <SelectField id="seats-year" label={t('journal.groupYear')} value={answers.groupYear || String(years[0] ?? '')} onChange={set('groupYear')}
            options={years.map((y) => ({ value: String(y), label: String(y) }))} />
          <SelectField id="seats-language" label={t('seats.language')} value={answers.language} onChange={set('language')}
            options={[{ value: 'KK', label: t('language.KK') }, { value: 'RU', label: t('language.RU') }]} />
          <TextField id="seats-count" label={t('seats.count')} error={errors.find((e) => e.field === 'seats-count')?.message} inputMode="numeric" width="short" value={answers.count} onChange={set('count')} />
          <Radios id="seats-mode" label={t('seats.mode')} value={answers.mode} onChange={set('mode')}
            options={[{ value: 'QUEUE', label: t('seats.mode.QUEUE'), hint: t('seats.mode.QUEUE.hint') }, { value: 'FREE_CHOICE', label: t('seats.mode.FREE_CHOICE'), hint: t('seats.mode.FREE_CHOICE.hint') }]} />
          {problem !== null && <ProblemMessage error={problem} />}
          <button type="submit" className="button" disabled={busy}>{t('seats.publish')}</button>
        </form>
      )}
    </Page>
  );
}
