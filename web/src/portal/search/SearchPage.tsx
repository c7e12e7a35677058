import { useState, type FormEvent } from 'react';
import { request } from '@shared/graphql/client';
import { QueuePositionDocument, type QueuePositionQuery, type QueuePositionQueryVariables } from '@shared/graphql/generated/graphql';
import { useI18n } from '@shared/i18n/i18n';
import { Link } from '@shared/router';
import { ErrorSummary, Radios, TextField, type FieldError } from '@shared/ui/forms';
import { ProblemMessage } from '@shared/ui/errors';
import { Page } from '@shared/ui/page';
import { iinProblem, normaliseIin } from '@shared/validation/iin';
import { isIsoDate } from '@shared/validation/dates';
import { RegionSelect } from '../shell/Layout';
import { usePortal } from '../shell/context';
import { QueueMovement } from './QueueMovement';

type Position = QueuePositionQuery['queuePosition'][number];

export default function SearchPage() {
  const { t } = useI18n();
  const { region } = usePortal();
  const [by, setBy] = useState<'iin' | 'name'>('iin');
  const [iin, setIin] = useState('');
  const [name, setName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [results, setResults] = useState<Position[] | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (by === 'iin') {
      const p = iinProblem(iin);
      if (p) found.push({ field: 'child-iin', message: t(`validation.iin.${p}`) });
    } else {
      if (name.trim().length < 3) found.push({ field: 'child-name', message: t('validation.name.required') });
      if (!isIsoDate(birthDate)) found.push({ field: 'child-birth-date', message: t('validation.date.format') });
    }
    setErrors(found);
    setResults(null);
    setProblem(null);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const variables: QueuePositionQueryVariables =
        by === 'iin' ? { region, childIin: normaliseIin(iin) } : { region, childFullName: name.trim(), childBirthDate: birthDate };
      const data = await request(QueuePositionDocument, variables);
      setResults(data.queuePosition);
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('search.title')}>
      <p className="lead">{t('search.lead')}</p>
      <ErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate>
        <RegionSelect />
        <Radios
          id="search-by"
          label={t('search.by')}
          value={by}
          onChange={(v) => setBy(v as 'iin' | 'name')}
          options={[
            { value: 'iin', label: t('search.byIin') },
            { value: 'name', label: t('search.byName') },
          ]}
        />
        {by === 'iin' ? (
          <TextField
            id="child-iin"
            label={t('field.childIin')}
            hint={t('field.iinHint')}
            value={iin}
            onChange={setIin}
            inputMode="numeric"
            autoComplete="off"
            width="medium"
            error={errors.find((e) => e.field === 'child-iin')?.message}
          />
        ) : (
          <>
            <TextField
              id="child-name"
              label={t('field.childFullName')}
              hint={t('field.childFullNameHint')}
              value={name}
              onChange={setName}
              autoComplete="off"
              error={errors.find((e) => e.field === 'child-name')?.message}
            />
            <TextField
              id="child-birth-date"
              label={t('field.childBirthDate')}
              type="date"
              value={birthDate}
              onChange={setBirthDate}
              width="medium"
              error={errors.find((e) => e.field === 'child-birth-date')?.message}
            />
          </>
        )}
        <button className="button" type="submit" disabled={busy}>
          {t('search.submit')}
        </button>
      </form>
      {problem !== null && <ProblemMessage error={problem} />}
      {results && (
        <section aria-live="polite" className="results">
          <h2>{t('search.results')}</h2>
          {results.length === 0 && <p>{t('search.none')}</p>}
          {results.map((r) => (
            <article className="card" key={r.applicationNumber}>
              <h3>{r.childName}</h3>
              <dl className="facts">
                <div>
                  <dt>{t('application.number')}</dt>
                  <dd>{r.applicationNumber}</dd>
                </div>
                <div>
                  <dt>{t('application.groupYear')}</dt>
                  <dd>{r.groupYear}</dd>
                </div>
                <div>
                  <dt>{t('application.queueNumber')}</dt>
                  <dd className="big-number">{r.queueNumber ?? t('search.notWaiting')}</dd>
                </div>
                {r.benefitQueueNumber != null && (
                  <div>
                    <dt>{t('application.benefitQueueNumber')}</dt>
                    <dd>{r.benefitQueueNumber}</dd>
                  </div>
                )}
              </dl>
              <QueueMovement ahead={r.ahead} past={r.pastQueueNumbers} current={r.queueNumber} />
            </article>
          ))}
        </section>
      )}
      <p className="muted">
        <Link href="/sign-in">{t('search.signInHint')}</Link>
      </p>
    </Page>
  );
}
