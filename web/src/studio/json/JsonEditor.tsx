// The advanced JSON view: Monaco, bundled (no CDN: Kezek may run offline and its CSP allows only its own scripts), with the
// core editor, the JSON language and a few contributions only. Loaded only when someone opens the JSON view (LazyJsonEditor).
import * as monaco from 'monaco-editor/editor/editor.api.js';
import 'monaco-editor/features/suggest/register.js';
import 'monaco-editor/features/hover/register.js';
import 'monaco-editor/features/bracketMatching/register.js';
import 'monaco-editor/features/folding/register.js';
import 'monaco-editor/features/find/register.js';
import 'monaco-editor/features/format/register.js';
import 'monaco-editor/features/gotoError/register.js';
import 'monaco-editor/features/clipboard/register.js';
import 'monaco-editor/features/contextmenu/register.js';
import 'monaco-editor/features/wordOperations/register.js';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register.js';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker.js?worker';
import { useEffect, useRef } from 'react';
import { locate } from './locate';
import type { JsonEditorProps } from './LazyJsonEditor';

// Monaco's workers are files of the bundle, served by Kezek itself (worker-src falls back to script-src 'self').
globalThis.MonacoEnvironment = { getWorker: (_id: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()) };

/** Every schema the page has given, by the document's address (one model per document, each matched to its own schema). */
const schemas = new Map<string, { schema: unknown; alias: string | null }>();
function useSchema(uri: string, schema: string | undefined, value: string) {
  // A file names its schema ("$schema": "schema/workflow.schema.json"), and the JSON service then reads that address
  // instead: the served schema is registered there too, so nothing is fetched and the same schema applies.
  const named = /"\$schema"\s*:\s*"([^"]+)"/.exec(value)?.[1] ?? null;
  useEffect(() => {
    if (!schema) return;
    try {
      schemas.set(uri, { schema: JSON.parse(schema), alias: named ? new URL(named, uri).href : null });
    } catch {
      return;
    }
    jsonDefaults.setDiagnosticsOptions({
      validate: true,
      allowComments: false,
      enableSchemaRequest: false,
      schemaValidation: 'error',
      schemaRequest: 'ignore',
      trailingCommas: 'error',
      comments: 'error',
      schemas: [...schemas].flatMap(([address, { schema: served, alias }]) => [
        { uri: `${address}#schema`, fileMatch: [address], schema: served },
        ...(alias ? [{ uri: alias, schema: served }] : []),
      ]),
    });
  }, [uri, schema, named]);
}

export default function JsonEditor({ id, label, value, onChange, schema, document, problems }: JsonEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const change = useRef(onChange);
  change.current = onChange;
  const uri = `inmemory://kezek/${document}.json`;
  useSchema(uri, schema, value);

  useEffect(() => {
    const model = monaco.editor.createModel(value, 'json', monaco.Uri.parse(uri));
    const created = monaco.editor.create(host.current!, {
      model,
      ariaLabel: label,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      tabSize: 2,
      wordWrap: 'on',
      lineNumbersMinChars: 3,
      fixedOverflowWidgets: true,
      accessibilitySupport: 'auto',
    });
    created.getDomNode()?.querySelector('textarea')?.setAttribute('id', id);
    const listener = model.onDidChangeContent(() => change.current(model.getValue()));
    editor.current = created;
    return () => {
      listener.dispose();
      created.dispose();
      model.dispose();
      editor.current = null;
    };
    // The model is made once; later values come in through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [uri]);

  // The draft changed elsewhere (the form, the graph, an older version taken): the editor follows, keeping undo.
  useEffect(() => {
    const model = editor.current?.getModel();
    if (model && model.getValue() !== value) model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null);
  }, [value]);

  useEffect(() => {
    editor.current?.updateOptions({ ariaLabel: label });
  }, [label]);

  // The server's refusals (validateRuleSet, validateWorkflow) as markers beside the schema's own.
  useEffect(() => {
    const model = editor.current?.getModel();
    if (!model) return;
    const text = model.getValue();
    monaco.editor.setModelMarkers(model, 'kezek', problems.map((p) => {
      const at = locate(text, p.where);
      const start = model.getPositionAt(at.start);
      const end = model.getPositionAt(Math.max(at.end, at.start + 1));
      return { severity: monaco.MarkerSeverity.Error, message: `${p.where}: ${p.message}`, source: p.code, startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: end.lineNumber, endColumn: end.column };
    }));
  }, [problems, value]);

  return <div ref={host} className="json-editor" data-testid={`${id}-monaco`} />;
}
