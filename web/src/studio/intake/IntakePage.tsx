// Приём детей: the children directed to a kindergarten, the last day to enrol first; enrol, or refuse with a reason.
import { useState, type FormEvent } from 'react';
import { request } from '@shared/graphql/client';
import { StudioEnrollChildDocument, StudioIntakeDocument, StudioKindergartensDocument, StudioRefuseEnrollmentDocument, type DirectionStatus } from '@shared/graphql/generated/graphql';
import { usePortal } from '../../portal/shell/context';
import { useAsync } from '@shared/ui/async';
import { ProblemMessage } from '@shared/ui/errors';
import { SelectField, TextField } from '@shared/ui/forms';
import { Loading, Notice, Page } from '@shared/ui/page';
import { useStudioI18n, type StudioKey } from '../i18n';
import { regionsOf, useStudio } from '../shell/access';

export default function IntakePage() {
  const { t } = useStudioI18n();
  const { viewer } = useStudio();
  const portal = usePortal();
  const operatorRegions = regionsOf(viewer, 'OPERATOR') ?? portal.regions.map((r) => r.code);
  const bins = viewer.roles.filter((r) => r.role === 'KINDERGARTEN_STAFF' && r.bin).map((r) => r.bin!);
  // The kindergartens this person receives children for: their BIN's, or every one of their regions as an operator.
  const list = useAsync(async () => {
    const all = await Promise.all(portal.regions.map((r) => request(StudioKindergartensDocument, { region: r.code }).then((x) => x.kindergartens.map((k) => ({ ...k, region: r.code })))));
    return all.flat().filter((k) => bins.includes(k.bin) || operatorRegions.includes(k.region));
  }, [portal.regions.length]);
  const [chosen, setChosen] = useState('');
  if (list.loading && !list.data) return <Loading />;
  if (list.error !== undefined) return <ProblemMessage error={list.error} />;
  const kindergartens = list.data ?? [];
  const current = kindergartens.find((k) => k.id === chosen) ?? kindergartens[0];
  return (
    <Page title={t('intake.title')} caption={current?.name}>
      <p className="lead">{t('intake.lead')}</p>
      {kindergartens.length > 1 && (
        <SelectField id="intake-kindergarten" label={t('seats.kindergarten')} value={current?.id ?? ''} onChange={setChosen}
          options={kindergartens.map((k) => ({ value: k.id, label: `${k.name} (${k.bin})` }))} />
      )}
      {current ? <Intake key={current.id} kindergartenId={current.id} /> : <p>{t('seats.none')}</p>}
    </Page>
  );
}

function Intake({ kindergartenId }: { kindergartenId: string }) {
  const { t, formatDate, formatDateTime } = useStudioI18n();
  const [status, setStatus] = useState<DirectionStatus | ''>('ISSUED');
  const data = useAsync(() => request(StudioIntakeDocument, { kindergartenId, status: status || undefined }), [kindergartenId, status]);
  const [refusing, setRefusing] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [problem, setProblem] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const enrol = async (id: string, name: string) => {
    setBusy(true);
    setProblem(null);
    try {
      await request(StudioEnrollChildDocument, { directionId: id });
      setDone(t('intake.enrolled', { name }));
      data.reload();
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };
  const refuse = async (event: FormEvent, id: string, name: string) => {
    event.preventDefault();
    if (reason.trim().length < 3) {
      setReasonError(t('common.reasonNeeded'));
      return;
    }
    setReasonError(undefined);
    setBusy(true);
    setProblem(null);
    try {
      await request(StudioRefuseEnrollmentDocument, { directionId: id, reason: reason.trim() });
      setDone(t('intake.refused', { name }));
      setRefusing(null);
      setReason('');
      data.reload();
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <SelectField id="intake-status" label={t('common.status')} value={status} onChange={(v) => setStatus(v as DirectionStatus | '')}
        options={[{ value: '', label: t('common.any') }, ...(['ISSUED', 'ENROLLED', 'EXPIRED', 'REVOKED', 'REFUSED'] as DirectionStatus[]).map((s) => ({ value: s, label: t(`direction.${s}` as StudioKey) }))]} />
      {done && <Notice kind="success" title={done} />}
      {problem !== null && <ProblemMessage error={problem} />}
      {data.error !== undefined && <ProblemMessage error={data.error} />}
      {data.loading && !data.data ? <Loading /> : data.data && (
        <>
          {data.data.kindergartenDirections.length === 0 && <p>{t('intake.empty')}</p>}
          <ul className="place-list">
            {data.data.kindergartenDirections.map((d) => (
              <li key={d.id} className="card">
                <h2 className="card__title">{d.child.fullName}</h2>
                <dl className="facts">
                  <div><dt>{t('card.birthDate')}</dt><dd>{formatDate(d.child.birthDate)}</dd></div>
                  <div><dt>{t('journal.groupYear')}</dt><dd>{d.child.groupYear}</dd></div>
                  <div><dt>{t('seats.language')}</dt><dd>{t(`language.${d.language}` as StudioKey)}</dd></div>
                  <div><dt>{t('intake.lastDay')}</dt><dd>{formatDate(d.lastDayToEnrol)}</dd></div>
                  <div><dt>{t('common.status')}</dt><dd>{d.statusName}</dd></div>
                  <div><dt>{t('intake.issued')}</dt><dd>{formatDateTime(d.issuedAt)}</dd></div>
                </dl>
                <p>{t('card.applicant')}: {d.applicant.fullName}, {d.applicant.phone}, {d.applicant.email}</p>
                {d.status === 'ISSUED' && (
                  <ul className="actions-row">
                    <li><button type="button" className="button" disabled={busy} onClick={() => enrol(d.id, d.child.fullName)}>{t('intake.enrol', { name: d.child.fullName })}</button></li>
                    <li><button type="button" className="button button--secondary" aria-expanded={refusing === d.id} onClick={() => { setRefusing(d.id); setDone(null); }}>{t('intake.refuse')}</button></li>
                  </ul>
                )}
                {refusing === d.id && (
                  <form onSubmit={(e) => refuse(e, d.id, d.child.fullName)} noValidate>
                    <TextField id={`intake-reason-${d.id}`} label={t('intake.refuseReason')} hint={t('intake.refuseHint')} error={reasonError} value={reason} onChange={setReason} multiline />
                    <button type="submit" className="button button--warning" disabled={busy}>{t('intake.refuseConfirm')}</button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
