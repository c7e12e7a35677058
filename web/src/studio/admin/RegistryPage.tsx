// The civil-registry import, for administrators: a preview that changes nothing, the bad line in words, then the import.
import { useState } from 'react';
import { request } from '@shared/graphql/client';
import { StudioImportCivilRegistryDocument, type StudioImportCivilRegistryMutation } from '@shared/graphql/generated/graphql';
import { ProblemMessage } from '@shared/ui/errors';
import { TextField } from '@shared/ui/forms';
import { Notice, Page, } from '@shared/ui/page';
import { useStudioI18n } from '../i18n';
import { FileField } from '../parts';

type Counts = StudioImportCivilRegistryMutation['importCivilRegistry'];

export default function RegistryPage() {
  const { t } = useStudioI18n();
  const [csv, setCsv] = useState('');
  const [preview, setPreview] = useState<Counts | null>(null);
  const [result, setResult] = useState<Counts | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (asPreview: boolean) => {
    setBusy(true);
    setProblem(null);
    setResult(null);
    if (asPreview) setPreview(null);
    try {
      const counts = (await request(StudioImportCivilRegistryDocument, { csv, preview: asPreview })).importCivilRegistry;
      if (asPreview) setPreview(counts);
      else {
        setResult(counts);
        setPreview(null);
      }
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };
  const counts = (c: Counts) => (
    <dl className="facts">
      <div><dt>{t('registry.added')}</dt><dd>{c.added}</dd></div>
      <div><dt>{t('registry.updated')}</dt><dd>{c.updated}</dd></div>
      <div><dt>{t('registry.removed')}</dt><dd>{c.removed}</dd></div>
      <div><dt>{t('registry.detached')}</dt><dd>{c.detached}</dd></div>
    </dl>
  );
  return (
    <Page title={t('registry.title')}>
      <p className="lead">{t('registry.lead')}</p>
      <FileField id="registry-file" label={t('registry.file')} onText={(text) => { setCsv(text); setPreview(null); }} />
      <TextField id="registry-csv" label={t('registry.csv')} hint={t('registry.header')} value={csv} onChange={(v) => { setCsv(v); setPreview(null); }} multiline />
      {problem !== null && <ProblemMessage error={problem} />}
      {result && <Notice kind="success" title={t('registry.done')}>{counts(result)}</Notice>}
      {preview && (
        <Notice title={t('registry.previewTitle')}>
          {counts(preview)}
        </Notice>
      )}
      <ul className="actions-row">
        <li><button type="button" className="button button--secondary" disabled={busy || !csv.trim()} onClick={() => run(true)}>{t('registry.preview')}</button></li>
        {preview && <li><button type="button" className="button" disabled={busy} onClick={() => run(false)}>{t('registry.import')}</button></li>}
      </ul>
    </Page>
  );
}
