import { useState, type FormEvent } from 'react';
import { request } from '@shared/graphql/client';
import { RegisterApplicationDocument, type BenefitCategory, type RegisterApplicationInput } from '@shared/graphql/generated/graphql';
import { useI18n } from '@shared/i18n/i18n';
import { navigate } from '@shared/router';
import { withoutEmpty } from '@shared/signing/actionDocument';
import { signAction } from '@shared/signing/sign';
import { ProblemMessage } from '@shared/ui/errors';
import { ErrorSummary, Radios, SelectField, SummaryList, TextField, type FieldError } from '@shared/ui/forms';
import { Page } from '@shared/ui/page';
import { isEmail, isKazakhstanMobile, normalisePhone } from '@shared/validation/contacts';
import { iinProblem, normaliseIin } from '@shared/validation/iin';
import { usePortal } from '../shell/context';
import { RequireSignIn } from '../shell/RequireSignIn';
import { registerInput, type RegisterAnswers } from './registerInput';

export default function RegisterPage() {
  return (
    <RequireSignIn>
      <Register />
    </RequireSignIn>
  );
}

function Register() {
  const { t } = useI18n();
  const { viewer, regions, region, settings } = usePortal();
  const [step, setStep] = useState<'form' | 'check'>('form');
  const [answers, setAnswers] = useState<RegisterAnswers>({
    region, childIin: '', benefitCategory: 'NONE', benefitDocumentType: '', benefitDocumentNumber: '', email: viewer?.email ?? '', phone: '',
  });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof RegisterAnswers) => (value: string) => setAnswers({ ...answers, [field]: value });
  const err = (field: string) => errors.find((e) => e.field === field)?.message;

  const check = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    const iin = iinProblem(answers.childIin);
    if (iin) found.push({ field: 'child-iin', message: t(`validation.iin.${iin}`) });
    if (answers.benefitCategory !== 'NONE') {
      if (!answers.benefitDocumentType.trim()) found.push({ field: 'benefit-document-type', message: t('validation.benefitDocumentType') });
      if (!answers.benefitDocumentNumber.trim()) found.push({ field: 'benefit-document-number', message: t('validation.benefitDocumentNumber') });
    }
    if (!isEmail(answers.email)) found.push({ field: 'email', message: t('validation.email') });
    if (!isKazakhstanMobile(answers.phone)) found.push({ field: 'phone', message: t('validation.phone') });
    setErrors(found);
    if (found.length === 0) {
      setAnswers({ ...answers, childIin: normaliseIin(answers.childIin), phone: normalisePhone(answers.phone) });
      setStep('check');
      setProblem(null);
    }
  };

  const sign = async () => {
    setProblem(null);
    setBusy(true);
    const input: RegisterApplicationInput = withoutEmpty(registerInput(answers));
    try {
      const signedXml = await signAction(settings.ncaLayerUrl, 'registerApplication', { ...input });
      const { registerApplication } = await request(RegisterApplicationDocument, { input, signedXml });
      navigate(`/cabinet/applications/${encodeURIComponent(registerApplication.application.number)}?done=registered`, { replace: true });
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  const regionName = regions.find((r) => r.code === answers.region)?.name ?? answers.region;
  if (step === 'check')
    return (
      <Page title={t('check.title')} caption={t('register.title')}>
        <SummaryList
          rows={[
            { key: t('region.label'), value: regionName },
            { key: t('field.childIin'), value: answers.childIin },
            { key: t('application.benefit'), value: t(`benefit.${answers.benefitCategory}`) },
            ...(answers.benefitCategory !== 'NONE'
              ? [
                  { key: t('field.benefitDocumentType'), value: answers.benefitDocumentType },
                  { key: t('field.benefitDocumentNumber'), value: answers.benefitDocumentNumber },
                ]
              : []),
            { key: t('field.email'), value: answers.email },
            { key: t('field.phone'), value: answers.phone },
          ].map((row) => ({ ...row, action: <button type="button" className="link-button" onClick={() => setStep('form')}>{t('check.change')}</button> }))}
        />
        <h2>{t('check.signTitle')}</h2>
        <p>{t('check.signBody')}</p>
        {problem !== null && <ProblemMessage error={problem} />}
        <button type="button" className="button" onClick={sign} disabled={busy}>
          {busy ? t('signing.waiting') : t('check.sign')}
        </button>
      </Page>
    );

  return (
    <Page title={t('register.title')} back={{ href: '/cabinet' }}>
      <p className="lead">{t('register.lead')}</p>
      <ErrorSummary errors={errors} />
      <form onSubmit={check} noValidate>
        {regions.length > 1 && (
          <SelectField id="register-region" label={t('region.label')} value={answers.region} onChange={set('region')}
            options={regions.map((r) => ({ value: r.code, label: r.name }))} />
        )}
        <TextField id="child-iin" label={t('field.childIin')} hint={t('register.iinHint')} value={answers.childIin} onChange={set('childIin')}
          inputMode="numeric" autoComplete="off" width="medium" error={err('child-iin')} />
        <Radios id="benefit" label={t('register.benefit')} hint={t('register.benefitHint')} value={answers.benefitCategory}
          onChange={(v) => setAnswers({ ...answers, benefitCategory: v as BenefitCategory })}
          options={(['NONE', 'PRIORITY', 'OUT_OF_TURN'] as const).map((b) => ({ value: b, label: t(`benefit.${b}`) }))} />
        {answers.benefitCategory !== 'NONE' && (
          <div className="conditional">
            <TextField id="benefit-document-type" label={t('field.benefitDocumentType')} value={answers.benefitDocumentType}
              onChange={set('benefitDocumentType')} error={err('benefit-document-type')} />
            <TextField id="benefit-document-number" label={t('field.benefitDocumentNumber')} value={answers.benefitDocumentNumber}
              onChange={set('benefitDocumentNumber')} width="medium" error={err('benefit-document-number')} />
          </div>
        )}
        <TextField id="email" label={t('field.email')} type="email" autoComplete="email" inputMode="email" value={answers.email}
          onChange={set('email')} error={err('email')} />
        <TextField id="phone" label={t('field.phone')} hint={t('field.phoneHint')} type="tel" autoComplete="tel" inputMode="tel"
          value={answers.phone} onChange={set('phone')} width="medium" error={err('phone')} />
        <button className="button" type="submit">
          {t('common.continue')}
        </button>
      </form>
    </Page>
  );
}
