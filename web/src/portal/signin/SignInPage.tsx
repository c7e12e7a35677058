import { useState } from 'react';
import { request } from '@shared/graphql/client';
import { SignInDocument } from '@shared/graphql/generated/graphql';
import { useI18n } from '@shared/i18n/i18n';
import { isStandIn } from '@shared/ncalayer/ncalayer';
import { navigate, useQueryParam } from '@shared/router';
import { signLogin } from '@shared/signing/sign';
import { ProblemMessage } from '@shared/ui/errors';
import { Notice, Page } from '@shared/ui/page';
import { usePortal } from '../shell/context';
import { safeNext } from '../shell/RequireSignIn';

export default function SignInPage() {
  const { t } = useI18n();
  const { settings, signedIn } = usePortal();
  const next = safeNext(useQueryParam('next'));
  const expired = useQueryParam('expired') === '1';
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const signIn = async () => {
    setProblem(null);
    setBusy(true);
    try {
      const signedXml = await signLogin(settings.ncaLayerUrl);
      const { signIn: answer } = await request(SignInDocument, { signedXml });
      const viewer = await signedIn(answer.token);
      // Staff sign in to the studio: the e-mail a family gives at the first sign-in is not asked of them there.
      navigate(viewer?.needsEmail && !next.startsWith('/studio') ? `/cabinet/email?next=${encodeURIComponent(next)}` : next, { replace: true });
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('signIn.title')}>
      {expired && <Notice kind="warning" title={t('signIn.expired')} />}
      <p className="lead">{t('signIn.lead')}</p>
      <ol className="prose-list">
        <li>{t('signIn.step1')}</li>
        <li>{t('signIn.step2')}</li>
        <li>{t('signIn.step3')}</li>
      </ol>
      {isStandIn(settings.ncaLayerUrl) && <Notice title={t('signIn.standIn')} />}
      {problem !== null && <ProblemMessage error={problem} />}
      <button type="button" className="button button--start" onClick={signIn} disabled={busy}>
        {busy ? t('signing.waiting') : t('signIn.button')}
      </button>
    </Page>
  );
}
