import { useState } from 'react';
import { ApiError, request } from '@shared/graphql/client';
import { ChooseKindergartenDocument, FreePlacesDocument } from '@shared/graphql/generated/graphql';
import { useI18n } from '@shared/i18n/i18n';
import { navigate } from '@shared/router';
import { signAction } from '@shared/signing/sign';
import { useAsync } from '@shared/ui/async';
import { ProblemMessage } from '@shared/ui/errors';
import { SummaryList } from '@shared/ui/forms';
import { Loading, Notice, Page } from '@shared/ui/page';
import { PlaceList, type Place } from '../places/PlacesPage';
import { usePortal } from '../shell/context';
import { RequireSignIn } from '../shell/RequireSignIn';
import { useApplication } from './ApplicationPage';

export default function ChoosePage({ number }: { number: string }) {
  return (
    <RequireSignIn>
      <Choose number={number} />
    </RequireSignIn>
  );
}

/** When the turn comes: the free places of the child's group year, one chosen, checked, signed; the direction follows. */
function Choose({ number }: { number: string }) {
  const { t, lang, formatDeadline } = useI18n();
  const { settings } = usePortal();
  const application = useApplication(number);
  const a = application.data?.application;
  const places = useAsync(
    () => (a ? request(FreePlacesDocument, { region: a.region.code, groupYear: a.groupYear }) : Promise.resolve(null)),
    [a?.region.code, a?.groupYear, lang],
  );
  const [chosen, setChosen] = useState<Place | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const back = { href: `/cabinet/applications/${encodeURIComponent(number)}` };

  if (application.loading && !a) return <Loading />;
  if (application.error !== undefined) return <ProblemMessage error={application.error} />;
  if (!a) return null;
  const action = a.availableActions.find((x) => x.action === 'chooseKindergarten');
  if (!action?.allowed)
    return (
      <Page title={t('choose.title')} back={back}>
        <Notice kind="warning" title={t('choose.closed')}>
          {action?.message && <p>{action.message}</p>}
        </Notice>
      </Page>
    );

  const sign = async () => {
    if (!chosen) return;
    setProblem(null);
    setBusy(true);
    const input = { applicationNumber: a.number, placeId: chosen.placeId };
    try {
      const signedXml = await signAction(settings.ncaLayerUrl, 'chooseKindergarten', input);
      await request(ChooseKindergartenDocument, { input, signedXml });
      navigate(`${back.href}?done=chosen`, { replace: true });
    } catch (error) {
      setProblem(error);
      // A seat taken meanwhile: the list is read again, the choice is made anew.
      if (error instanceof ApiError && (error.code === 'NO_FREE_PLACE' || error.code === 'PLACE_NOT_FOUND')) {
        setChosen(null);
        places.reload();
      }
    } finally {
      setBusy(false);
    }
  };

  if (chosen)
    return (
      <Page title={t('check.title')} caption={t('choose.title')}>
        <SummaryList
          rows={[
            { key: t('application.childName'), value: a.child.fullName },
            { key: t('application.number'), value: a.number },
            { key: t('places.kindergarten'), value: chosen.kindergarten.name },
            { key: t('direction.address'), value: chosen.kindergarten.address },
            { key: t('places.language'), value: t(`language.${chosen.language}`) },
            { key: t('field.groupYear'), value: chosen.groupYear },
          ]}
        />
        <p>{t('choose.afterSign')}</p>
        {problem !== null && <ProblemMessage error={problem} />}
        <div className="actions-row">
          <button type="button" className="button" onClick={sign} disabled={busy}>
            {busy ? t('signing.waiting') : t('check.sign')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setChosen(null)}>
            {t('choose.other')}
          </button>
        </div>
      </Page>
    );

  const list = places.data?.freePlaces ?? [];
  return (
    <Page title={t('choose.title')} caption={a.child.fullName} back={back}>
      {a.deadline && <Notice kind="warning" title={t('turn.body', { deadline: formatDeadline(a.deadline) })} />}
      {problem !== null && <ProblemMessage error={problem} />}
      <p className="lead">{t('choose.lead', { year: a.groupYear })}</p>
      {places.loading && !places.data && <Loading />}
      {places.data && list.length === 0 && <p>{t('places.none')}</p>}
      <PlaceList places={list} choose={setChosen} />
    </Page>
  );
}
