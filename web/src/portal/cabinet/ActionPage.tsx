import { useState, type FormEvent } from 'react';
import { request } from '@shared/graphql/client';
import {
  ConfirmVoucherDocument, ExtendDirectionDocument, RefuseVoucherDocument, RestoreApplicationDocument, RevokeDirectionDocument,
  WithdrawApplicationDocument,
} from '@shared/graphql/generated/graphql';
import { useI18n, type MessageKey } from '@shared/i18n/i18n';
import { navigate } from '@shared/router';
import { signAction } from '@shared/signing/sign';
import { ProblemMessage } from '@shared/ui/errors';
import { ErrorSummary, SummaryList, TextField, type FieldError } from '@shared/ui/forms';
import { Loading, Notice, Page } from '@shared/ui/page';
import { dayIn, extensionDateProblem, isIsoDate } from '@shared/validation/dates';
import { regionTimeZone } from '@shared/i18n/i18n';
import { usePortal } from '../shell/context';
import { RequireSignIn } from '../shell/RequireSignIn';
import { routeActions } from './actions';
import { useApplication, type Card } from './ApplicationPage';

export default function ActionPage({ number, action }: { number: string; action: string }) {
  return (
    <RequireSignIn>
      <Action number={number} route={action} />
    </RequireSignIn>
  );
}

type Answers = { until: string; reason: string };

/** The mutation, its input from the answers, and which fields the form asks. */
function spec(mutation: string, a: Card, answers: Answers): { fields: string[]; input: Record<string, string>; run: (input: never, signedXml: string) => Promise<unknown> } | null {
  const direction = a.directions.find((d) => d.status === 'ISSUED');
  switch (mutation) {
    case 'extendDirection':
      return { fields: ['until', 'reason'], input: { directionId: direction?.id ?? '', until: answers.until, reason: answers.reason.trim() },
        run: (input: never, signedXml: string) => request(ExtendDirectionDocument, { input, signedXml }) };
    case 'revokeDirection':
      return { fields: ['reason'], input: { directionId: direction?.id ?? '', reason: answers.reason.trim() },
        run: (input: never, signedXml: string) => request(RevokeDirectionDocument, { input, signedXml }) };
    case 'withdrawApplication':
      return { fields: ['reason'], input: { applicationNumber: a.number, reason: answers.reason.trim() },
        run: (input: never, signedXml: string) => request(WithdrawApplicationDocument, { input, signedXml }) };
    case 'refuseVoucher':
      return { fields: ['reason'], input: { applicationNumber: a.number, reason: answers.reason.trim() },
        run: (input: never, signedXml: string) => request(RefuseVoucherDocument, { input, signedXml }) };
    case 'confirmVoucher':
      return { fields: [], input: { applicationNumber: a.number },
        run: (input: never, signedXml: string) => request(ConfirmVoucherDocument, { input, signedXml }) };
    case 'restoreApplication':
      return { fields: [], input: { applicationNumber: a.number },
        run: (input: never, signedXml: string) => request(RestoreApplicationDocument, { input, signedXml }) };
    default:
      return null;
  }
}

function Action({ number, route }: { number: string; route: string }) {
  const { t, formatDeadline, formatDate } = useI18n();
  const { settings } = usePortal();
  const mutation = routeActions[route];
  const { data, error, loading } = useApplication(number);
  const [step, setStep] = useState<'form' | 'check'>('form');
  const [answers, setAnswers] = useState<Answers>({ until: '', reason: '' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const back = { href: `/cabinet/applications/${encodeURIComponent(number)}` };
  if (loading && !data) return <Loading />;
  if (error !== undefined) return <ProblemMessage error={error} />;
  const a = data?.application;
  if (!a || !mutation) return null;
  const title = t(`action.${mutation}` as MessageKey);
  const available = a.availableActions.find((x) => x.action === mutation);
  const s = spec(mutation, a, answers)!;
  if (!available?.allowed)
    return (
      <Page title={title} back={back}>
        <Notice kind="warning" title={t('action.closed')}>
          {available?.message && <p>{available.message}</p>}
        </Notice>
      </Page>
    );
  const direction = a.directions.find((d) => d.status === 'ISSUED');
  const err = (field: string) => errors.find((e) => e.field === field)?.message;

  const check = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (s.fields.includes('until') && direction) {
      const p = extensionDateProblem(isIsoDate(answers.until) ? answers.until : null, dayIn(direction.expiresAt, regionTimeZone), dayIn(direction.extendableUntil, regionTimeZone));
      if (p) found.push({ field: 'until', message: t(`validation.until.${p}`, { latest: formatDate(dayIn(direction.extendableUntil, regionTimeZone)) }) });
    }
    if (s.fields.includes('reason') && answers.reason.trim().length < 3) found.push({ field: 'reason', message: t('validation.reason') });
    setErrors(found);
    if (found.length === 0) {
      setStep('check');
      setProblem(null);
    }
  };

  const sign = async () => {
    setProblem(null);
    setBusy(true);
    try {
      const signedXml = await signAction(settings.ncaLayerUrl, mutation, s.input);
      await s.run(s.input as never, signedXml);
      navigate(`${back.href}?done=${mutation}`, { replace: true });
    } catch (e) {
      setProblem(e);
    } finally {
      setBusy(false);
    }
  };

  const context = [
    { key: t('application.childName'), value: a.child.fullName },
    { key: t('application.number'), value: a.number },
    ...(direction && mutation !== 'withdrawApplication'
      ? [
          { key: t('places.kindergarten'), value: direction.kindergarten.name },
          { key: t('direction.expiresAt'), value: formatDeadline(direction.expiresAt) },
        ]
      : []),
  ];

  if (step === 'check' || s.fields.length === 0)
    return (
      <Page title={s.fields.length ? t('check.title') : title} caption={s.fields.length ? title : undefined} back={s.fields.length ? undefined : back}>
        <SummaryList
          rows={[
            ...context,
            ...(s.fields.includes('until') ? [{ key: t('field.until'), value: formatDate(answers.until) }] : []),
            ...(s.fields.includes('reason') ? [{ key: t('field.reason'), value: answers.reason }] : []),
          ].map((row, i) => (i >= context.length ? { ...row, action: <button type="button" className="link-button" onClick={() => setStep('form')}>{t('check.change')}</button> } : row))}
        />
        <p>{t(`consequence.${mutation}` as MessageKey)}</p>
        {problem !== null && <ProblemMessage error={problem} />}
        <button type="button" className={`button${mutation === 'withdrawApplication' || mutation === 'refuseVoucher' ? ' button--warning' : ''}`} onClick={sign} disabled={busy}>
          {busy ? t('signing.waiting') : t('check.sign')}
        </button>
      </Page>
    );

  return (
    <Page title={title} back={back}>
      <SummaryList rows={context} />
      {mutation === 'revokeDirection' && direction && <p>{t('revoke.window', { until: formatDeadline(direction.revokableUntil) })}</p>}
      <ErrorSummary errors={errors} />
      <form onSubmit={check} noValidate>
        {s.fields.includes('until') && direction && (
          <TextField id="until" type="date" label={t('field.until')} width="medium"
            hint={t('extend.hint', { latest: formatDate(dayIn(direction.extendableUntil, regionTimeZone)) })}
            value={answers.until} onChange={(until) => setAnswers({ ...answers, until })} error={err('until')} />
        )}
        {s.fields.includes('reason') && (
          <TextField id="reason" label={t('field.reason')} multiline value={answers.reason} onChange={(reason) => setAnswers({ ...answers, reason })} error={err('reason')} />
        )}
        <button className="button" type="submit">
          {t('common.continue')}
        </button>
      </form>
    </Page>
  );
}
