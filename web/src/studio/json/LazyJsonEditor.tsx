// The JSON view's editor, loaded only when it is opened: Monaco is a large chunk no other screen (and no parent) downloads.
import { lazy, Suspense } from 'react';
import { useStudioI18n } from '../i18n';
import './json.css';

export interface JsonEditorProps {
  /** The id of the editor's text area (a label's htmlFor). */
  id: string;
  /** The editor's accessible name. */
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The JSON Schema the server serves (ruleSetJsonSchema, workflowJsonSchema): completion, hovers and errors. */
  schema: string | undefined;
  /** A name for the document, e.g. "rule-set-almaty" (each document its own model and schema). */
  document: string;
  /** The server's refusals (validateRuleSet, validateWorkflow), shown as markers. */
  problems: readonly { code: string; where: string; message: string }[];
}

const Editor = lazy(() => import('./JsonEditor'));

export function JsonEditor(props: JsonEditorProps) {
  const { t } = useStudioI18n();
  return (
    <Suspense fallback={<p className="muted json-editor json-editor--loading" role="status">{t('json.loading')}</p>}>
      <Editor {...props} />
    </Suspense>
  );
}
