// Lifecycles, for workflow designers: the graph (lazy), the palette, live validation on the graph, activation with a
// reason, history, Mermaid and JSON export, and live counts per state.
import { lazy, Suspense, useEffect, useMemo, useState, type FormEvent } from 'react';
import { request } from '@shared/graphql/client';
import {
  StudioActivateWorkflowDocument, StudioValidateWorkflowDocument, StudioWorkflowDocument, StudioWorkflowLiveDocument,
  type StudioValidateWorkflowMutation, type StudioWorkflowQuery,
} from '@shared/graphql/generated/graphql';
import { usePortal } from '../../portal/shell/context';
import { useAsync } from '@shared/ui/async';
import { ProblemMessage } from '@shared/ui/errors';
import { SelectField, TextField } from '@shared/ui/forms';
import { Loading, Notice, Page } from '@shared/ui/page';
import { useStudioI18n } from '../i18n';
import { Diff, saveText, useDebounced } from '../parts';
import { parseWorkflow, problemStates, transitionLabel, type WorkflowJson } from './model';

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

function Designer({ data, onActivated }: { data: StudioWorkflowQuery; onActivated: (version: number) => void }) {
  const { t, formatDateTime } = useStudioI18n();
  const name = data.workflow.name;
  const parts = data.workflowParts;
  const inForce = useMemo(() => pretty(data.workflow.json), [data.workflow.json]);
  const [draft, setDraft] = useState(inForce);
  const settled = useDebounced(draft, 400);
  const [validation, setValidation] = useState<StudioValidateWorkflowMutation['validateWorkflow'] | null>(null);
  const live = useAsync(() => request(StudioWorkflowLiveDocument, { name }), [name]);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [problem, setProblem] = useState<unknown>(null);
  const [validationProblem, setValidationProblem] = useState<unknown>(null);
  const [newState, setNewState] = useState({ name: '', status: 'QUEUED' });
  const [newTransition, setNewTransition] = useState({ from: '', trigger: parts.triggers[0]?.name ?? '', to: '', guard: '' });
  const workflow = useMemo(() => parseWorkflow(draft), [draft]);

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

  const counts = useMemo(() => {
    const byState: Record<string, number> = {};
    for (const c of live.data?.applicationsByState ?? []) byState[c.state] = (byState[c.state] ?? 0) + c.count;
    return byState;
  }, [live.data]);
  const marked = useMemo(() => (workflow && validation ? problemStates(workflow, validation.problems) : new Set<string>()), [workflow, validation]);
  const edit = (change: (w: WorkflowJson) => void) => {
    if (!workflow) return;
    const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
    change(copy);
    setDraft(JSON.stringify(copy, null, 2));
  };
  // Statuses are written in the file as PascalCase (Queued), the API lists them as QUEUED.
  const statusName = (s: string) => s.toLowerCase().replace(/(^|_)(\w)/g, (_, __, c: string) => c.toUpperCase());
  const addState = (event: FormEvent) => {
    event.preventDefault();
    const stateName = newState.name.trim();
    if (!stateName) return;
    edit((w) => w.states.push({ name: stateName, status: statusName(newState.status) }));
    setNewState({ ...newState, name: '' });
  };
  const addTransition = (event: FormEvent) => {
    event.preventDefault();
    if (!workflow) return;
    const from = newTransition.from || workflow.states[0]?.name;
    const to = newTransition.to || workflow.states[0]?.name;
    edit((w) => w.transitions.push({ from, trigger: newTransition.trigger, to, ...(newTransition.guard ? { guards: [newTransition.guard] } : {}) }));
  };
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
  const stateOptions = (workflow?.states ?? []).map((s) => ({ value: s.name, label: s.name }));

  return (
    <>
      <p>{t('lifecycles.inForce', { name, version: data.workflow.version })}</p>
      <ul className="actions-row">
        <li><button type="button" className="button button--secondary" onClick={() => saveText(data.workflow.mermaid, `${name}.mmd`, 'text/plain;charset=utf-8')}>{t('lifecycles.exportMermaid')}</button></li>
        <li><button type="button" className="button button--secondary" onClick={() => saveText(draft, `${name}.json`, 'application/json')}>{t('lifecycles.exportJson')}</button></li>
      </ul>
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
      {workflow ? (
        <Suspense fallback={<Loading />}>
          <WorkflowGraph workflow={workflow} counts={counts} problems={marked} label={t('lifecycles.graph', { name })} />
        </Suspense>
      ) : (
        <Notice kind="warning" title={t('rules.jsonBroken')} />
      )}
      <p className="hint">{t('lifecycles.countsHint')}</p>
      <div className="studio-grid">
        <section aria-labelledby="palette">
          <h2 id="palette">{t('lifecycles.palette')}</h2>
          <form onSubmit={addState} className="inline-form" aria-label={t('lifecycles.addState')}>
            <TextField id="new-state-name" label={t('lifecycles.stateName')} value={newState.name} onChange={(v) => setNewState({ ...newState, name: v })} />
            <SelectField id="new-state-status" label={t('common.status')} value={newState.status} onChange={(v) => setNewState({ ...newState, status: v })} options={parts.statuses.map((s) => ({ value: s, label: s }))} />
            <div className="field"><button type="submit" className="button button--secondary">{t('lifecycles.addState')}</button></div>
          </form>
          <form onSubmit={addTransition} className="inline-form" aria-label={t('lifecycles.addTransition')}>
            <SelectField id="new-transition-from" label={t('lifecycles.from')} value={newTransition.from || stateOptions[0]?.value || ''} onChange={(v) => setNewTransition({ ...newTransition, from: v })} options={stateOptions} />
            <SelectField id="new-transition-trigger" label={t('lifecycles.trigger')} value={newTransition.trigger} onChange={(v) => setNewTransition({ ...newTransition, trigger: v })} options={parts.triggers.map((x) => ({ value: x.name, label: `${x.name} — ${x.title}` }))} />
            <SelectField id="new-transition-to" label={t('lifecycles.to')} value={newTransition.to || stateOptions[0]?.value || ''} onChange={(v) => setNewTransition({ ...newTransition, to: v })} options={stateOptions} />
            <SelectField id="new-transition-guard" label={t('lifecycles.guard')} value={newTransition.guard} onChange={(v) => setNewTransition({ ...newTransition, guard: v })} options={[{ value: '', label: t('lifecycles.noGuard') }, ...parts.guards.flatMap((g) => [{ value: g, label: g }, { value: `!${g}`, label: `!${g}` }])]} />
            <div className="field"><button type="submit" className="button button--secondary">{t('lifecycles.addTransition')}</button></div>
          </form>
          <h3>{t('lifecycles.states')}</h3>
          <ul>
            {workflow?.states.map((s) => (
              <li key={s.name}>
                {s.name} ({s.status}){marked.has(s.name) ? ' ⚠' : ''}{' '}
                <button type="button" className="link-button" onClick={() => edit((w) => { w.states = w.states.filter((x) => x.name !== s.name); w.transitions = w.transitions.filter((x) => x.from !== s.name && x.to !== s.name); })}>
                  {t('lifecycles.removeState', { name: s.name })}
                </button>
              </li>
            ))}
          </ul>
          <h3>{t('lifecycles.transitions')}</h3>
          <ul>
            {workflow?.transitions.map((x, i) => (
              <li key={i}>
                {x.from} → {x.to}: {transitionLabel(x)}{' '}
                <button type="button" className="link-button" onClick={() => edit((w) => { w.transitions.splice(i, 1); })}>
                  {t('lifecycles.removeTransition', { n: i + 1 })}
                </button>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="lifecycle-json">
          <h2 id="lifecycle-json">{t('rules.json')}</h2>
          <div className="field">
            <label htmlFor="workflow-json">{t('lifecycles.jsonLabel')}</label>
            <textarea id="workflow-json" className="code" spellCheck={false} value={draft} onChange={(e) => setDraft(e.target.value)} />
          </div>
          {draft !== inForce && (
            <>
              <h3>{t('rules.diff')}</h3>
              <Diff before={inForce} after={draft} label={t('rules.diff')} />
              <form onSubmit={activate} noValidate>
                <TextField id="workflow-reason" label={t('common.reason')} error={reasonError} value={reason} onChange={setReason} multiline />
                <button type="submit" className="button" disabled={validation?.valid !== true || settled !== draft}>{t('lifecycles.activate')}</button>
              </form>
            </>
          )}
          {problem !== null && <ProblemMessage error={problem} />}
        </section>
      </div>
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
