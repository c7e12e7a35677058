// The application card for operators: the facts, the history, and the operator's signed actions (benefit, corrections).
import { useState, type FormEvent } from 'react';
import { request } from '@shared/graphql/client';
import {
  StudioApplicationDocument, StudioConfirmBenefitDocument, StudioCorrectChildDocument, StudioMoveToRegionDocument,
  StudioRejectBenefitDocument, StudioRestoreToQueueDocument, type BenefitCategory,
} from '@shared/graphql/generated/graphql';
import { usePortal } from '../../portal/shell/context';
import { withoutEmpty, type ActionInput } from '@shared/signing/actionDocument';
import { signAction } from '@shared/signing/sign';
import { useAsync } from '@shared/ui/async';
import { ProblemMessage } from '@shared/ui/errors';
import { ErrorSummary, SelectField, SummaryList, TextField, type FieldError } from '@shared/ui/forms';
import { Loading, Notice, Page } from '@shared/ui/page';
import { useStudioI18n, type StudioKey } from '../i18n';

const operatorActions = ['confirmBenefit', 'rejectBenefit', 'restoreToQueue', 'correctChildFromRegistry', 'moveToRegion'] as const;
type OperatorAction = (typeof operatorActions)[number];

export default function CardPage({ number }: { number: string }) {
  const { t, formatDate, formatDateTime, formatDeadline } = useStudioI18n();
  const { settings } = usePortal();
  const data = useAsync(() => request(StudioApplicationDocument, { number }), [number]);
  const [action, setAction] = useState<OperatorAction | null>(null);
  const [answers, setAnswers] = useState({ category: 'PRIORITY', evidence: '', validUntil: '', reason: '', targetRegion: '' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ action: OperatorAction; before: number | null | undefined } | null>(null);
  const back = { href: '/studio/journal', label: t('card.back') };
  if (data.loading && !data.data) return <Loading />;
  if (data.error !== undefined) return <ProblemMessage error={data.error} />;
  const a = data.data?.application;
  if (!a)
    return (
      <Page title={t('card.notFound')} back={back}>
        <p>{number}</p>
      </Page>
    );
  // availableActions lists a family's actions; the operator's follow the application's facts, and the server decides.
  const open: Record<OperatorAction, boolean> = {
    confirmBenefit: a.claimedBenefitCategory !== 'NONE' && a.benefitCategory !== a.claimedBenefitCategory && a.queueNumber !== null,
    rejectBenefit: a.claimedBenefitCategory !== 'NONE' && a.benefitCategory === 'NONE' && a.queueNumber !== null,
    restoreToQueue: a.status === 'REMOVED' || a.status === 'WITHDRAWN',
    correctChildFromRegistry: a.status !== 'ENROLLED' && a.status !== 'WITHDRAWN' && a.status !== 'REMOVED',
    moveToRegion: a.status === 'QUEUED',
  };
  const allowed = operatorActions.filter((name) => open[name]);
  const err = (field: string) => errors.find((e) => e.field === field)?.message;
  const set = (field: keyof typeof answers) => (value: string) => setAnswers({ ...answers, [field]: value });

  const start = (name: OperatorAction) => {
    setAction(name);
    setErrors([]);
    setProblem(null);
    setDone(null);
    setAnswers({ category: a.claimedBenefitCategory !== 'NONE' ? a.claimedBenefitCategory : 'PRIORITY', evidence: a.benefitClaim ? [a.benefitClaim.documentType, a.benefitClaim.documentNumber].filter(Boolean).join(' ') : '', validUntil: '', reason: '', targetRegion: '' });
  };
  const input = (): ActionInput => {
    const reason = answers.reason.trim();
    switch (action) {
      case 'confirmBenefit':
        return withoutEmpty({ applicationNumber: a.number, category: answers.category, evidence: answers.evidence.trim(), validUntil: answers.validUntil, reason });
      case 'moveToRegion':
        return { applicationNumber: a.number, targetRegion: answers.targetRegion, reason };
      default:
        return { applicationNumber: a.number, reason };
    }
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!action) return;
    const found: FieldError[] = [];
    if (action === 'confirmBenefit' && answers.evidence.trim().length < 3) found.push({ field: 'card-evidence', message: t('card.evidenceNeeded') });
    if (action === 'confirmBenefit' && answers.validUntil && !/^\d{4}-\d{2}-\d{2}$/.test(answers.validUntil)) found.push({ field: 'card-valid-until', message: t('card.dateFormat') });
    if (action === 'moveToRegion' && !answers.targetRegion) found.push({ field: 'card-target', message: t('card.targetNeeded') });
    if (answers.reason.trim().length < 3) found.push({ field: 'card-reason', message: t('common.reasonNeeded') });
    setErrors(found);
    if (found.length > 0) return;
    setProblem(null);
    setBusy(true);
    const before = a.queueNumber;
    try {
      const fields = input();
      const signedXml = await signAction(settings.ncaLayerUrl, action, fields);
      const variables = { input: fields as never, signedXml };
      if (action === 'confirmBenefit') await request(StudioConfirmBenefitDocument, variables);
      else if (action === 'rejectBenefit') await request(StudioRejectBenefitDocument, variables);
      else if (action === 'restoreToQueue') await request(StudioRestoreToQueueDocument, variables);
      else if (action === 'correctChildFromRegistry') await request(StudioCorrectChildDocument, variables);
      else await request(StudioMoveToRegionDocument, variables);
      setDone({ action, before });
      setAction(null);
      data.reload();
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={a.child.fullName} caption={a.number} back={back}>
      {done && (
        <Notice kind="success" title={t(`card.done.${done.action}` as StudioKey)}>
          {done.before !== a.queueNumber && <p>{t('card.queueMoved', { before: done.before ?? '—', after: a.queueNumber ?? '—' })}</p>}
        </Notice>
      )}
      <SummaryList
        rows={[
          { key: t('common.status'), value: <span className={`tag tag--${a.status.toLowerCase()}`}>{a.statusName}</span> },
          { key: t('common.queueNumber'), value: <span data-testid="queue-number">{a.queueNumber ?? t('card.notInQueue')}</span> },
          { key: t('card.benefitQueueNumber'), value: a.benefitQueueNumber ?? '—' },
          { key: t('card.claimed'), value: `${t(`benefit.${a.claimedBenefitCategory}` as StudioKey)}${a.benefitClaim?.documentType ? ` — ${a.benefitClaim.documentType} ${a.benefitClaim.documentNumber ?? ''}` : ''}` },
          { key: t('card.benefit'), value: a.benefit ? `${t(`benefit.${a.benefit.category}` as StudioKey)} — ${a.benefit.evidence ?? ''}${a.benefit.validUntil ? ` (${t('card.until', { date: formatDate(a.benefit.validUntil) })})` : ''}` : t('benefit.NONE') },
          { key: t('common.region'), value: a.region.name },
          { key: t('card.childIin'), value: a.child.iin },
          { key: t('card.birthDate'), value: formatDate(a.child.birthDate) },
          { key: t('journal.groupYear'), value: a.groupYear },
          { key: t('card.applicant'), value: `${a.applicant.fullName}, ${a.applicant.phone}, ${a.applicant.email}` },
          { key: t('card.queuedAt'), value: formatDateTime(a.queuedAt) },
          { key: t('card.state'), value: a.state },
          ...(a.deadline ? [{ key: t('card.deadline'), value: formatDeadline(a.deadline) }] : []),
        ]}
      />
      <h2>{t('card.actions')}</h2>
      {allowed.length === 0 && <p className="muted">{t('card.noActions')}</p>}
      <ul className="actions-row">
        {allowed.map((name) => (
          <li key={name}>
            <button type="button" className={`button${action === name ? '' : ' button--secondary'}`} aria-expanded={action === name} onClick={() => start(name)}>
              {t(`card.action.${name}` as StudioKey)}
            </button>
          </li>
        ))}
      </ul>
      {action && (
        <form onSubmit={submit} noValidate aria-labelledby="card-form-title">
          <h3 id="card-form-title">{t(`card.action.${action}` as StudioKey)}</h3>
          <ErrorSummary errors={errors} />
          {action === 'confirmBenefit' && (
            <>
              <SelectField id="card-category" label={t('card.category')} value={answers.category} onChange={set('category')}
                options={(['PRIORITY', 'OUT_OF_TURN'] as BenefitCategory[]).map((c) => ({ value: c, label: t(`benefit.${c}` as StudioKey) }))} />
              <TextField id="card-evidence" label={t('card.evidence')} hint={t('card.evidenceHint')} error={err('card-evidence')} value={answers.evidence} onChange={set('evidence')} />
              <TextField id="card-valid-until" label={t('card.validUntil')} hint={t('card.validUntilHint')} error={err('card-valid-until')} type="date" width="medium" value={answers.validUntil} onChange={set('validUntil')} />
            </>
          )}
          {action === 'moveToRegion' && (
            <SelectField id="card-target" label={t('card.target')} error={err('card-target')} value={answers.targetRegion} onChange={set('targetRegion')}
              options={[{ value: '', label: t('common.choose') }, ...data.data!.regions.filter((r) => r.code !== a.region.code).map((r) => ({ value: r.code, label: r.name }))]} />
          )}
          <TextField id="card-reason" label={t('common.reason')} error={err('card-reason')} value={answers.reason} onChange={set('reason')} multiline />
          <p>{t('card.signedNote')}</p>
          {problem !== null && <ProblemMessage error={problem} />}
          <ul className="actions-row">
            <li>
              <button type="submit" className={`button${action === 'rejectBenefit' ? ' button--warning' : ''}`} disabled={busy}>
                {busy ? t('common.waitingSignature') : t('common.signAndSend')}
              </button>
            </li>
            <li>
              <button type="button" className="link-button" onClick={() => setAction(null)}>{t('common.cancel')}</button>
            </li>
          </ul>
        </form>
      )}
      <h2>{t('card.history')}</h2>
      <ol className="history">
        {[...a.history].reverse().map((h, i) => (
          <li key={i}>
            <p className="history__what">{h.actionName}</p>
            <p className="muted">{formatDateTime(h.at)} · {h.actorName} ({t(`role.${h.actorRole.replace(/(?<=[a-z])(?=[A-Z])/g, '_').toUpperCase()}` as StudioKey)})</p>
            {h.reason && <p>{t('common.reason')}: {h.reason}</p>}
            {(h.queueNumberBefore !== null && h.queueNumberBefore !== undefined) || (h.queueNumberAfter !== null && h.queueNumberAfter !== undefined) ? (
              <p>{t('card.queueMoved', { before: h.queueNumberBefore ?? '—', after: h.queueNumberAfter ?? '—' })}</p>
            ) : null}
          </li>
        ))}
      </ol>
    </Page>
  );
}
