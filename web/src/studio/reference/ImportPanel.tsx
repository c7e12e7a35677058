// A reference-data CSV import (regions or kindergartens): a file or pasted text, loaded all or nothing. The API has no
// preview: a bad line refuses the whole file, and the refusal is shown as a table of its line, field and problem.
import { useState } from 'react';
import { ApiError } from '@shared/graphql/client';
import { ProblemMessage } from '@shared/ui/errors';
import { TextField } from '@shared/ui/forms';
import { Notice } from '@shared/ui/page';
import { useStudioI18n } from '../i18n';
import { FileField } from '../parts';
import { fieldLabel, namingField } from './forms';

export interface ImportCounts {
  lines: number;
  created: number;
  updated: number;
}

/** The refused line as the API names it (extensions line, field, problem in words); null for any other failure. */
export function refusedLine(error: unknown): { line: string; field: string; problem: string } | null {
  if (!(error instanceof ApiError) || error.code !== 'REFERENCE_IMPORT_INVALID') return null;
  const { line, field, problemMessage } = error.extensions;
  if (typeof line !== 'string') return null;
  return { line, field: typeof field === 'string' ? field : '', problem: typeof problemMessage === 'string' ? problemMessage : error.message };
}

export function ImportPanel({ id, header, example, load, onDone }: {
  id: string;
  header: string;
  example: string;
  load: (csv: string) => Promise<ImportCounts>;
  onDone: () => void;
}) {
  const { t } = useStudioI18n();
  const [csv, setCsv] = useState('');
  const [problem, setProblem] = useState<unknown>(null);
  const [result, setResult] = useState<ImportCounts | null>(null);
  const [busy, setBusy] = useState(false);
  const refused = refusedLine(problem);
  const fieldName = (field: string) => fieldLabel(t, field);
  const run = async () => {
    setBusy(true);
    setProblem(null);
    setResult(null);
    try {
      setResult(await load(csv));
      onDone();
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('import.title')}</h2>
      <p>{t('import.lead')}</p>
      <p className="hint">{t('import.header')} <span className="code">{header}</span></p>
      <p className="hint">{t('import.example')} <span className="code">{example}</span></p>
      <FileField id={`${id}-file`} label={t('import.file')} onText={(text) => { setCsv(text); setResult(null); setProblem(null); }} />
      <TextField id={`${id}-csv`} label={t('import.csv')} value={csv} onChange={(v) => { setCsv(v); setResult(null); }} multiline />
      {refused ? (
        <div className="notice notice--error" role="alert">
          <p className="notice__title">{t('import.refused')}</p>
          <div className="studio-table-wrap">
            <table className="table studio-table">
              <caption className="visually-hidden">{t('import.refused')}</caption>
              <thead>
                <tr><th scope="col">{t('import.line')}</th><th scope="col">{t('import.field')}</th><th scope="col">{t('import.problem')}</th></tr>
              </thead>
              <tbody>
                <tr><td data-testid="import-line">{refused.line}</td><td>{fieldName(refused.field)} {refused.field && <span className="code">({refused.field})</span>}</td><td>{namingField(refused.problem, refused.field, fieldName)}</td></tr>
              </tbody>
            </table>
          </div>
          <p>{t('import.nothingChanged')}</p>
        </div>
      ) : problem !== null && <ProblemMessage error={problem} />}
      {result && (
        <Notice kind="success" title={t('import.done')}>
          <dl className="facts">
            <div><dt>{t('import.lines')}</dt><dd>{result.lines}</dd></div>
            <div><dt>{t('import.created')}</dt><dd>{result.created}</dd></div>
            <div><dt>{t('import.updated')}</dt><dd>{result.updated}</dd></div>
          </dl>
        </Notice>
      )}
      <button type="button" className="button" disabled={busy || !csv.trim()} onClick={run}>{t('import.load')}</button>
    </section>
  );
}
