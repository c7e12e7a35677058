// Lifecycles, for workflow designers: the graph (lazy) edited in place (add and remove states, connect two states for a
// transition, edit the selected one), the JSON in Monaco (lazy), live validation on both, activation with a reason,
// history, Mermaid and JSON export, and live counts per state. Both views edit one draft.
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { request } from '@shared/graphql/client';
import {
  StudioActivateWorkflowDocument, StudioValidateWorkflowDocument, StudioWorkflowDocument, StudioWorkflowLiveDocument, StudioWorkflowSchemaDocument,
  type StudioValidateWorkflowMutation, type StudioWorkflowQuery,
} from '@shared/graphql/generated/graphql';
import { usePortal } from '../../portal/shell/context';
import { useAsync } from '@shared/ui/async';
import { ProblemMessage } from '@shared/ui/errors';
import { SelectField, TextField } from '@shared/ui/forms';
import { Loading, Notice, Page } from '@shared/ui/page';
import { useStudioI18n, type StudioKey } from '../i18n';
import { Diff, useDebounced } from '../parts';
import { saveText } from '@shared/ui/download';
import { JsonEditor } from '../json/LazyJsonEditor';
import { StateDialog, TransitionDialog } from './Dialogs';
import { parseWorkflow, problemTransitions, stateProblems, transitionLabel, type WorkflowJson, type WorkflowTransitionJson } from './model';
import type { Selection } from './WorkflowGraph';
import './lifecycles.css';

const WorkflowGraph = lazy(() => import('./WorkflowGraph'));
const pretty = (json: string) => {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
};

export default function LifecyclesPage() {
  const { t } = useStudioI18n();
  const portal = usePortal();
  const [region, setRegion] = useState(portal.region || portal.regions[0]?.code || '');
  const data = useAsync(() => request(StudioWorkflowDocument, { region }), [region]);
  const [activated, setActivated] = useState<number | null>(null);
  return (
    <Page title={t('lifecycles.title')}>
      <p className="lead">{t('lifecycles.lead')}</p>
      <SelectField id="lifecycle-region" label={t('lifecycles.region')} value={region} onChange={setRegion} options={portal.regions.map((r) => ({ value: r.code, label: r.name }))} />
      {activated !== null && <Notice kind="success" title={t('lifecycles.activated', { version: activated })} />}
      {data.error !== undefined && <ProblemMessage error={data.error} />}
      {data.loading && !data.data ? <Loading /> : data.data && <Designer key={`${data.data.workflow.name}-${data.data.workflow.version}`} data={data.data} onActivated={(version) => { setActivated(version); data.reload(); }} />}
    </Page>
  );
}

/** What a refusal says about a state or transition, in words. */
function problemKey(code: string): StudioKey {
  return code === 'UNREACHABLE' || code === 'AMBIGUOUS' ? `lifecycles.problem.${code}` as const : 'lifecycles.problem.other';
}

function Designer({ data, onActivated }: { data: StudioWorkflowQuery; onActivated: (version: number) => void }) {
  const { t, formatDateTime } = useStudioI18n();
  const name = data.workflow.name;
  const parts = data.workflowParts;
  const inForce = useMemo(() => pretty(data.workflow.json), [data.workflow.json]);
  // The one draft both views edit: the graph writes it as JSON, the JSON view is it.
  const [draft, setDraft] = useState(inForce);
  const settled = useDebounced(draft, 400);
  const [validation, setValidation] = useState<StudioValidateWorkflowMutation['validateWorkflow'] | null>(null);
  const live = useAsync(() => request(StudioWorkflowLiveDocument, { name }), [name]);
  const [view, setView] = useState<'graph' | 'json'>('graph');
  const [schema, setSchema] = useState<string>();
  const [selected, setSelected] = useState<Selection>(null);
  const [dialog, setDialog] = useState<{ kind: 'state' } | { kind: 'transition'; initial: WorkflowTransitionJson; editing?: number } | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [problem, setProblem] = useState<unknown>(null);
  const [validationProblem, setValidationProblem] = useState<unknown>(null);
  const workflow = useMemo(() => parseWorkflow(draft), [draft]);
  const editable = validationProblem === null;

  useEffect(() => {
    let alive = true;
    request(StudioValidateWorkflowDocument, { name, json: settled }).then(
      (answer) => alive && setValidation(answer.validateWorkflow),
      (error: unknown) => alive && setValidationProblem(error),
    );
    return () => {
      alive = false;
    };
  }, [settled, name]);
  useEffect(() => {
    if (view !== 'json' || schema !== undefined) return;
    request(StudioWorkflowSchemaDocument).then((answer) => setSchema(answer.workflowJsonSchema), () => setSchema(''));
  }, [view, schema]);

  const counts = useMemo(() => {
    const byState: Record<string, number> = {};
    for (const c of live.data?.applicationsByState ?? []) byState[c.state] = (byState[c.state] ?? 0) + c.count;
    return byState;
  }, [live.data]);
  // Problems are drawn only while they belong to the draft on screen.
  const problems = useMemo(() => (validation && settled === draft ? validation.problems : []), [validation, settled, draft]);
  const byState = useMemo(() => (workflow ? stateProblems(workflow, problems) : new Map<string, string[]>()), [workflow, problems]);
  const byTransition = useMemo(() => (workflow ? problemTransitions(workflow, problems) : new Map<number, string[]>()), [workflow, problems]);
  const edit = (change: (w: WorkflowJson) => void) => {
    if (!workflow) return;
    const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
    change(copy);
    setDraft(JSON.stringify(copy, null, 2));
  };
  const removeState = (state: string) => {
    edit((w) => {
      w.states = w.states.filter((x) => x.name !== state);
      w.transitions = w.transitions.filter((x) => x.from !== state && x.to !== state);
    });
    setSelected(null);
  };
  const removeTransition = (index: number) => {
    edit((w) => {
      w.transitions.splice(index, 1);
    });
    setSelected(null);
  };
  const removeSelected = () => {
    if (selected?.kind === 'state') removeState(selected.name);
    else if (selected?.kind === 'transition') removeTransition(selected.index);
  };
  const onSelect = useCallback((selection: Selection) => setSelected(selection), []);
  const onConnect = useCallback((from: string, to: string) => setDialog({ kind: 'transition', initial: { from, to, trigger: '' } }), []);
  const activate = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < 3) {
      setReasonError(t('common.reasonNeeded'));
      return;
    }
    setReasonError(undefined);
    setProblem(null);
    try {
      const answer = await request(StudioActivateWorkflowDocument, { name, json: draft, reason: reason.trim() });
      onActivated(answer.activateWorkflow.version);
    } catch (error) {
      setProblem(error);
    }
  };
  const selectedTransition = selected?.kind === 'transition' ? workflow?.transitions[selected.index] : undefined;
  const selectedState = selected?.kind === 'state' ? workflow?.states.find((s) => s.name === selected.name) : undefined;

  return (
    <>
      <p>{t('lifecycles.inForce', { name, version: data.workflow.version })}</p>
      <ul className="actions-row">
        <li><button type="button" className="button button--secondary" onClick={() => saveText(data.workflow.mermaid, `${name}.mmd`, 'text/plain;charset=utf-8')}>{t('lifecycles.exportMermaid')}</button></li>
        <li><button type="button" className="button button--secondary" onClick={() => saveText(draft, `${name}.json`, 'application/json')}>{t('lifecycles.exportJson')}</button></li>
      </ul>
      <details>
        <summary>{t('lifecycles.showMermaid', { version: data.workflow.version })}</summary>
        <pre className="mermaid-text" data-testid="mermaid-text" tabIndex={0}>{data.workflow.mermaid}</pre>
      </details>
      <div aria-live="polite">
        {validationProblem !== null ? (
          <Notice kind="warning" title={t('lifecycles.readOnly')}>
            <ProblemMessage error={validationProblem} />
          </Notice>
        ) : validation === null || settled !== draft ? (
          <p className="muted">{t('rules.checking')}</p>
        ) : validation.valid ? (
          <Notice kind="success" title={t('lifecycles.valid')} />
        ) : (
          <Notice kind="error" title={t('lifecycles.invalid')}>
            <ul className="problems">
              {validation.problems.map((p, i) => (
                <li key={i}><strong>{p.where}</strong>: {p.message}</li>
              ))}
            </ul>
          </Notice>
        )}
      </div>
      <div className="studio-tabs" role="group" aria-label={t('rules.view')}>
        <button type="button" aria-pressed={view === 'graph'} onClick={() => setView('graph')}>{t('lifecycles.viewGraph')}</button>
        <button type="button" aria-pressed={view === 'json'} onClick={() => setView('json')}>{t('rules.viewJson')}</button>
      </div>
      {view === 'json' ? (
        <section aria-labelledby="lifecycle-json">
          <h2 id="lifecycle-json">{t('rules.json')}</h2>
          <p className="hint" id="workflow-json-hint">{t('lifecycles.jsonHint')}</p>
          <JsonEditor id="workflow-json" label={t('lifecycles.jsonLabel')} value={draft} onChange={setDraft} schema={schema} document={`workflow-${name}`} problems={problems} />
        </section>
      ) : workflow ? (
        <section aria-labelledby="lifecycle-graph">
          <h2 id="lifecycle-graph" className="visually-hidden">{t('lifecycles.viewGraph')}</h2>
          {editable && (
            <ul className="graph-toolbar" aria-label={t('lifecycles.toolbar')}>
              <li><button type="button" className="button button--secondary" onClick={() => setDialog({ kind: 'state' })}>{t('lifecycles.addState')}</button></li>
              <li><button type="button" className="button button--secondary" onClick={() => setDialog({ kind: 'transition', initial: { from: workflow.initial, to: workflow.initial, trigger: '' } })}>{t('lifecycles.addTransition')}</button></li>
            </ul>
          )}
          <p className="hint">{editable ? t('lifecycles.graphHint') : t('lifecycles.countsHint')}</p>
          {(selectedState || selectedTransition) && (
            <div className="graph-selected" aria-live="polite">
              {selectedState && (
                <>
                  <p><strong>{t('lifecycles.selectedState', { name: selectedState.name })}</strong> ({selectedState.status}){byState.has(selectedState.name) ? ` — ${(byState.get(selectedState.name) ?? []).map((c) => t(problemKey(c))).join('; ')}` : ''}</p>
                  {editable && <button type="button" className="button button--warning" onClick={removeSelected}>{t('lifecycles.removeState', { name: selectedState.name })}</button>}
                </>
              )}
              {selectedTransition && selected?.kind === 'transition' && (
                <>
                  <p><strong>{t('lifecycles.selectedTransition', { n: selected.index + 1 })}</strong> {selectedTransition.from} → {selectedTransition.to}: {transitionLabel(selectedTransition)}</p>
                  {editable && (
                    <>
                      <button type="button" className="button button--secondary" onClick={() => setDialog({ kind: 'transition', initial: selectedTransition, editing: selected.index })}>{t('lifecycles.editTransition', { n: selected.index + 1 })}</button>{' '}
                      <button type="button" className="button button--warning" onClick={removeSelected}>{t('lifecycles.removeTransition', { n: selected.index + 1 })}</button>
                    </>
                  )}
                </>
              )}
            </div>
          )}
          <Suspense fallback={<Loading />}>
            <WorkflowGraph workflow={workflow} counts={counts} stateProblems={byState} transitionProblems={byTransition} label={t('lifecycles.graph', { name })}
              selected={selected} onSelect={onSelect} onConnect={editable ? onConnect : undefined} onRemove={editable ? removeSelected : undefined} />
          </Suspense>
          <details>
            <summary>{t('lifecycles.asLists')}</summary>
            <h3>{t('lifecycles.states')}</h3>
            <ul>
              {workflow.states.map((s) => (
                <li key={s.name}>
                  {s.name} ({s.status}){byState.has(s.name) ? ` ⚠ ${(byState.get(s.name) ?? []).map((c) => t(problemKey(c))).join('; ')}` : ''}{' '}
                  {editable && <button type="button" className="link-button" onClick={() => removeState(s.name)}>{t('lifecycles.removeState', { name: s.name })}</button>}
                </li>
              ))}
            </ul>
            <h3>{t('lifecycles.transitions')}</h3>
            <ol>
              {workflow.transitions.map((x, i) => (
                <li key={i}>
                  {x.from} → {x.to}: {transitionLabel(x)}{byTransition.has(i) ? ` ⚠ ${t('lifecycles.problem.AMBIGUOUS')}` : ''}{' '}
                  {editable && (
                    <>
                      <button type="button" className="link-button" onClick={() => setDialog({ kind: 'transition', initial: x, editing: i })}>{t('lifecycles.editTransition', { n: i + 1 })}</button>{' '}
                      <button type="button" className="link-button" onClick={() => removeTransition(i)}>{t('lifecycles.removeTransition', { n: i + 1 })}</button>
                    </>
                  )}
                </li>
              ))}
            </ol>
          </details>
        </section>
      ) : (
        <Notice kind="warning" title={t('rules.jsonBroken')} />
      )}
      {dialog?.kind === 'state' && workflow && (
        <StateDialog workflow={workflow} parts={parts} onClose={() => setDialog(null)} onAdd={(stateName, status) => {
          edit((w) => w.states.push({ name: stateName, status }));
          setDialog(null);
          setSelected({ kind: 'state', name: stateName });
        }} />
      )}
      {dialog?.kind === 'transition' && workflow && (
        <TransitionDialog workflow={workflow} parts={parts} initial={dialog.initial} editing={dialog.editing} onClose={() => setDialog(null)} onSave={(transition) => {
          const editing = dialog.editing;
          edit((w) => {
            if (editing === undefined) w.transitions.push(transition);
            else w.transitions[editing] = transition;
          });
          setDialog(null);
          setSelected({ kind: 'transition', index: editing ?? workflow.transitions.length });
        }} />
      )}
      {draft !== inForce && (
        <section aria-labelledby="lifecycle-change">
          <h2 id="lifecycle-change">{t('rules.diff')}</h2>
          <Diff before={inForce} after={draft} label={t('rules.diff')} />
          {editable && (
            <form onSubmit={activate} noValidate>
              <TextField id="workflow-reason" label={t('common.reason')} error={reasonError} value={reason} onChange={setReason} multiline />
              <button type="submit" className="button" disabled={validation?.valid !== true || settled !== draft}>{t('lifecycles.activate')}</button>
            </form>
          )}
        </section>
      )}
      {problem !== null && <ProblemMessage error={problem} />}
      <h2>{t('rules.history')}</h2>
      {live.data && (
        <div className="studio-table-wrap">
          <table className="table studio-table">
            <thead>
              <tr><th scope="col">{t('common.version')}</th><th scope="col">{t('common.when')}</th><th scope="col">{t('common.who')}</th><th scope="col">{t('common.reason')}</th></tr>
            </thead>
            <tbody>
              {live.data.workflowHistory.map((v) => (
                <tr key={v.version}><td>{v.version}</td><td>{formatDateTime(v.activatedAt)}</td><td>{v.activatedBy === 'system' ? t('common.system') : v.activatedBy}</td><td>{v.reason}</td></tr>
              ))}
            </tbody>
          </table>
          <h2>{t('lifecycles.counts')}</h2>
          <table className="table studio-table">
            <thead>
              <tr><th scope="col">{t('common.region')}</th><th scope="col">{t('lifecycles.state')}</th><th scope="col">{t('common.status')}</th><th scope="col" className="numeric">{t('lifecycles.count')}</th></tr>
            </thead>
            <tbody>
              {live.data.applicationsByState.map((c, i) => (
                <tr key={i}><td>{c.region}</td><td>{c.state}</td><td>{c.status}</td><td className="numeric">{c.count}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {live.error !== undefined && <ProblemMessage error={live.error} />}
    </>
  );
}
