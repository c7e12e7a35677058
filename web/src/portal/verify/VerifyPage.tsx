import { useState, type FormEvent } from 'react';
import { request } from '@shared/graphql/client';
import { VerifyDocumentDocument } from '@shared/graphql/generated/graphql';
import { useI18n } from '@shared/i18n/i18n';
import { navigate } from '@shared/router';
import { useAsync } from '@shared/ui/async';
import { ProblemMessage } from '@shared/ui/errors';
import { ErrorSummary, SummaryList, TextField } from '@shared/ui/forms';
import { Loading, Notice, Page } from '@shared/ui/page';

/** /verify/CODE (the QR code on every document) answers at once; /verify asks for the code. */
export default function VerifyPage({ code }: { code?: string }) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!typed.trim()) {
      setError(t('verify.required'));
      return;
    }
    navigate(`/verify/${encodeURIComponent(typed.trim())}`);
  };
  return (
    <Page title={t('verify.title')}>
      {code ? (
        <Result code={code} />
      ) : (
        <>
          <p className="lead">{t('verify.lead')}</p>
          <ErrorSummary errors={error ? [{ field: 'code', message: error }] : []} />
          <form onSubmit={submit} noValidate>
            <TextField id="code" label={t('verify.code')} hint={t('verify.codeHint')} value={typed} onChange={setTyped} error={error || undefined} autoComplete="off" />
            <button className="button" type="submit">
              {t('verify.submit')}
            </button>
          </form>
        </>
      )}
    </Page>
  );
}

function Result({ code }: { code: string }) {
  const { t, lang, formatDateTime } = useI18n();
  const { data, error, loading } = useAsync(() => request(VerifyDocumentDocument, { code }), [code, lang]);
  if (loading) return <Loading />;
  if (error !== undefined) return <ProblemMessage error={error} />;
  const d = data?.verifyDocument;
  if (!d)
    return (
      <Notice kind="error" title={t('verify.notFound')}>
        <p>{t('verify.notFoundBody', { code })}</p>
      </Notice>
    );
  const hashes = [d.pdfSha256Kk, d.pdfSha256Ru, d.sha256Kk, d.sha256Ru];
  const labels = [t('verify.pdfKk'), t('verify.pdfRu'), t('verify.htmlKk'), t('verify.htmlRu')];
  return (
    <>
      <Notice kind="success" title={t('verify.found')} />
      <SummaryList
        rows={[
          { key: t('verify.kind'), value: d.title },
          { key: t('verify.issuedAt'), value: formatDateTime(d.issuedAt) },
          { key: t('verify.code'), value: code },
          ...hashes.map((h, i) => ({ key: labels[i], value: h ? <code className="hash">{h}</code> : '—' })),
        ]}
      />
      <p className="hint">{t('verify.hashHint')}</p>
    </>
  );
}
