import { useState, type FormEvent } from 'react';
import { request } from '@shared/graphql/client';
import { AttachApplicationDocument } from '@shared/graphql/generated/graphql';
import { useI18n } from '@shared/i18n/i18n';
import { Link } from '@shared/router';
import { ProblemMessage } from '@shared/ui/errors';
import { ErrorSummary, TextField, type FieldError } from '@shared/ui/forms';
import { Notice, Page } from '@shared/ui/page';
import { iinProblem, normaliseIin } from '@shared/validation/iin';
import { RequireSignIn } from '../shell/RequireSignIn';

/** Привязка к ИИН родителя: the second parent finds the child's application by the child's IIN. */
export default function AttachPage() {
  return (
    <RequireSignIn>
      <Attach />
    </RequireSignIn>
  );
}

function Attach() {
  const { t } = useI18n();
  const [iin, setIin] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<unknown>(null);
  const [done, setDone] = useState<{ message: string; number: string } | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const p = iinProblem(iin);
    const found = p ? [{ field: 'child-iin', message: t(`validation.iin.${p}`) }] : [];
    setErrors(found);
    if (found.length) return;
    try {
      const { attachApplication } = await request(AttachApplicationDocument, { childIin: normaliseIin(iin) });
      setDone({ message: attachApplication.message, number: attachApplication.application.number });
    } catch (error) {
      setProblem(error);
    }
  };
  if (done)
    return (
      <Page title={t('attach.doneTitle')} back={{ href: '/cabinet' }}>
        <Notice kind="success" title={done.message} />
        <p>
          <Link className="button" href={`/cabinet/applications/${encodeURIComponent(done.number)}`}>
            {t('attach.open', { number: done.number })}
          </Link>
        </p>
      </Page>
    );
  return (
    <Page title={t('attach.title')} back={{ href: '/cabinet' }}>
      <p className="lead">{t('attach.lead')}</p>
      <ErrorSummary errors={errors} />
      {problem !== null && <ProblemMessage error={problem} />}
      <form onSubmit={submit} noValidate>
        <TextField id="child-iin" label={t('field.childIin')} hint={t('field.iinHint')} value={iin} onChange={setIin} inputMode="numeric"
          autoComplete="off" width="medium" error={errors[0]?.message} />
        <button className="button" type="submit">
          {t('attach.submit')}
        </button>
      </form>
    </Page>
  );
}
