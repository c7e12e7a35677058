import { useState, type FormEvent } from 'react';
import { request } from '@shared/graphql/client';
import { UpdateContactPreferencesDocument, type Language } from '@shared/graphql/generated/graphql';
import { useI18n } from '@shared/i18n/i18n';
import { navigate, useLocation, useQueryParam } from '@shared/router';
import { ProblemMessage } from '@shared/ui/errors';
import { ErrorSummary, Radios, TextField, type FieldError } from '@shared/ui/forms';
import { Notice, Page } from '@shared/ui/page';
import { isEmail } from '@shared/validation/contacts';
import { usePortal } from '../shell/context';
import { RequireSignIn, safeNext } from '../shell/RequireSignIn';

/** The e-mail (asked at the first sign-in) and the language of the person's messages. */
export default function ContactPage() {
  return (
    <RequireSignIn allowWithoutEmail>
      <ContactForm />
    </RequireSignIn>
  );
}

function ContactForm() {
  const { t, lang } = useI18n();
  const { viewer, refreshViewer } = usePortal();
  const first = useLocation().path === '/cabinet/email';
  const next = safeNext(useQueryParam('next'));
  const [email, setEmail] = useState(viewer?.email ?? '');
  const [language, setLanguage] = useState<Language>(viewer?.email ? viewer.messageLanguage : lang === 'ru' ? 'RU' : 'KK');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const found = isEmail(email) ? [] : [{ field: 'email', message: t('validation.email') }];
    setErrors(found);
    if (found.length) return;
    try {
      await request(UpdateContactPreferencesDocument, { email: email.trim(), language });
      await refreshViewer();
      if (first) navigate(next, { replace: true });
      else setSaved(true);
    } catch (error) {
      setProblem(error);
    }
  };

  return (
    <Page title={first ? t('contacts.firstTitle') : t('contacts.title')} back={first ? undefined : { href: '/cabinet' }}>
      {first && <p className="lead">{t('contacts.firstLead', { name: viewer?.fullName ?? '' })}</p>}
      {saved && <Notice kind="success" title={t('contacts.saved')} />}
      <ErrorSummary errors={errors} />
      {problem !== null && <ProblemMessage error={problem} />}
      <form onSubmit={submit} noValidate>
        <TextField id="email" label={t('field.email')} hint={t('contacts.emailHint')} type="email" autoComplete="email" inputMode="email"
          value={email} onChange={setEmail} error={errors[0]?.message} />
        <Radios id="message-language" label={t('contacts.language')} value={language} onChange={(v) => setLanguage(v as Language)}
          options={[{ value: 'KK', label: 'Қазақ тілі' }, { value: 'RU', label: 'Русский язык' }]} />
        <button className="button" type="submit">
          {first ? t('common.continue') : t('common.save')}
        </button>
      </form>
    </Page>
  );
}
