// Rules, for policy officers: the rule set in force as named values, the JSON (Monaco, lazy, driven by the rule sets' JSON
// Schema and the server's refusals), live validation, a dry run, the diff,
// activation with a reason and the history (an older version can be taken again).
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { request } from '@shared/graphql/client';
import {
  StudioActivateRuleSetDocument, StudioDryRunRuleSetDocument, StudioRuleSetDocument, StudioRuleSetSchemaDocument, StudioValidateRuleSetDocument,
  type StudioDryRunRuleSetMutation, type StudioRuleSetQuery, type StudioValidateRuleSetMutation,
} from '@shared/graphql/generated/graphql';
import { useAsync } from '@shared/ui/async';
import { ProblemMessage } from '@shared/ui/errors';
import { TextField } from '@shared/ui/forms';
import { Loading, Notice, Page } from '@shared/ui/page';
import { useStudioI18n, type StudioKey } from '../i18n';
import { regionsOf, useStudio } from '../shell/access';
import { Diff, RegionPicker, useDebounced, useRegionChoice } from '../parts';
import { JsonEditor } from '../json/LazyJsonEditor';

type Definition = StudioRuleSetQuery['ruleValues'][number];
type Param = { Name: string; Expression: string };
const pretty = (json: string) => {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
};

/** The value of a GlobalParams expression as a person writes it: 3, yes/no, or the text without its quotes. */
function shown(definition: Definition, expression: string): string {
  if (definition.kind === 'TEXT') {
    try {
      return JSON.parse(expression) as string;
    } catch {
      return expression;
    }
  }
  return expression.trim();
}
function expressionOf(definition: Definition, value: string): string {
  return definition.kind === 'TEXT' ? JSON.stringify(value) : value.trim();
}

export default function RulesPage() {
  const { t } = useStudioI18n();
  const { viewer } = useStudio();
  const regions = regionsOf(viewer, 'POLICY_OFFICER');
  const [region, setRegion] = useRegionChoice(regions);
  const data = useAsync(() => request(StudioRuleSetDocument, { region }), [region]);
  // Kept here: activation reloads the rule set, and the editor starts again from the version now in force.
  const [activated, setActivated] = useState<number | null>(null);
  return (
    <Page title={t('rules.title')}>
      <p className="lead">{t('rules.lead')}</p>
      <RegionPicker regions={regions} value={region} onChange={(code) => { setRegion(code); setActivated(null); }} />
      {activated !== null && <Notice kind="success" title={t('rules.activated', { version: activated })} />}
      {data.error !== undefined && <ProblemMessage error={data.error} />}
      {data.loading && !data.data ? <Loading /> : data.data && <Editor key={`${region}-${data.data.ruleSet.version}`} region={region} data={data.data} onActivated={(version) => { setActivated(version); data.reload(); }} />}
    </Page>
  );
}

function Editor({ region, data, onActivated }: { region: string; data: StudioRuleSetQuery; onActivated: (version: number) => void }) {
  const { t, formatDateTime, formatDeadline } = useStudioI18n();
  const inForce = useMemo(() => pretty(data.ruleSet.json), [data.ruleSet.json]);
  const [draft, setDraft] = useState(inForce);
  const [view, setView] = useState<'form' | 'json'>('form');
  const [validation, setValidation] = useState<StudioValidateRuleSetMutation['validateRuleSet'] | null>(null);
  const [dryRun, setDryRun] = useState<StudioDryRunRuleSetMutation['dryRunRuleSet'] | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const settled = useDebounced(draft, 400);
  const changed = draft !== inForce;
  // The rule sets' JSON Schema drives the editor's completion and errors; asked for only when the JSON view opens.
  const [schema, setSchema] = useState<string>();
  useEffect(() => {
    if (view !== 'json' || schema !== undefined) return;
    request(StudioRuleSetSchemaDocument).then((answer) => setSchema(answer.ruleSetJsonSchema), () => setSchema(''));
  }, [view, schema]);

  useEffect(() => {
    let live = true;
    setDryRun(null);
    if (settled === inForce) {
      setValidation(null);
      return;
    }
    request(StudioValidateRuleSetDocument, { region, json: settled }).then(
      (answer) => live && setValidation(answer.validateRuleSet),
      (error: unknown) => live && setProblem(error),
    );
    return () => {
      live = false;
    };
  }, [settled, inForce, region]);

  let params: Param[] | null = null;
  try {
    params = (JSON.parse(draft) as { GlobalParams: Param[] }).GlobalParams;
  } catch {
    params = null;
  }
  const currentParams = (JSON.parse(inForce) as { GlobalParams: Param[] }).GlobalParams;
  const setValue = (definition: Definition, value: string) => {
    const document = JSON.parse(draft) as { GlobalParams: Param[] };
    const param = document.GlobalParams.find((p) => p.Name === definition.name);
    if (param) param.Expression = expressionOf(definition, value);
    else document.GlobalParams.push({ Name: definition.name, Expression: expressionOf(definition, value) });
    setDraft(JSON.stringify(document, null, 2));
  };
  const problemsFor = (name: string) => validation?.problems.filter((p) => p.where.endsWith(`.${name}`) || p.where === name) ?? [];

  const runDryRun = async () => {
    setProblem(null);
    setBusy(true);
    try {
      setDryRun((await request(StudioDryRunRuleSetDocument, { region, json: draft })).dryRunRuleSet);
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };
  const activate = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < 3) {
      setReasonError(t('common.reasonNeeded'));
      document.getElementById('rules-reason')?.focus();
      return;
    }
    setReasonError(undefined);
    setProblem(null);
    setBusy(true);
    try {
      const answer = await request(StudioActivateRuleSetDocument, { region, json: draft, reason: reason.trim() });
      onActivated(answer.activateRuleSet.version);
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  const movedValues = params
    ? data.ruleValues.filter((d) => {
        const before = currentParams.find((p) => p.Name === d.name)?.Expression;
        const after = params!.find((p) => p.Name === d.name)?.Expression;
        return before !== after;
      })
    : [];
  /** A choice in words ("window" → "Release window (window)"); one the catalog does not know is shown as it is. */
  const choiceName = (name: string, choice: string) => {
    const key = `rules.choice.${name}.${choice}` as StudioKey;
    const text = t(key);
    return text === key ? choice : `${text} (${choice})`;
  };
  const hasChoiceHint = (name: string, choice: string) => {
    const key = `rules.choice.${name}.${choice}.hint` as StudioKey;
    return t(key) !== key;
  };
  const valueOf = (list: Param[], d: Definition) => {
    const p = list.find((x) => x.Name === d.name);
    return p ? shown(d, p.Expression) : (d.default ?? '');
  };

  return (
    <>
      <p>{t('rules.inForce', { version: data.ruleSet.version, name: data.ruleSet.name })}</p>
      <div className="studio-tabs" role="group" aria-label={t('rules.view')}>
        <button type="button" aria-pressed={view === 'form'} onClick={() => setView('form')}>
          {t('rules.viewForm')}
        </button>
        <button type="button" aria-pressed={view === 'json'} onClick={() => setView('json')}>
          {t('rules.viewJson')}
        </button>
      </div>
      <div className="studio-grid">
        <section aria-labelledby="rules-values">
          <h2 id="rules-values">{view === 'form' ? t('rules.values') : t('rules.json')}</h2>
          {view === 'json' ? (
            <>
              <p className="hint" id="rules-json-hint">{t('rules.jsonHint')}</p>
              <JsonEditor id="rules-json" label={t('rules.jsonLabel')} value={draft} onChange={setDraft} schema={schema} document={`rule-set-${region}`}
                problems={validation && settled === draft ? validation.problems : []} />
            </>
          ) : params === null ? (
            <Notice kind="warning" title={t('rules.jsonBroken')} />
          ) : (
            data.ruleValues.map((d) => {
              const value = valueOf(params!, d);
              const problems = problemsFor(d.name);
              const id = `rule-${d.name}`;
              const range = d.kind === 'WHOLE_NUMBER' && d.min !== null && d.min !== undefined ? t('rules.range', { min: d.min, max: d.max ?? '∞' }) : '';
              const error = problems.map((p) => p.message).join(' ') || undefined;
              return (
                <div key={d.name} className={`rule-value${valueOf(currentParams, d) !== value ? ' rule-value--changed' : ''}`}>
                  {d.choices && d.choices.length > 0 ? (
                    <div className={`field${error ? ' field--error' : ''}`}>
                      <label htmlFor={id}>{d.name}</label>
                      <span className="hint" id={`${id}-hint`}>{d.description}</span>
                      {error && <span className="field-error" id={`${id}-error`}>{error}</span>}
                      <select id={id} value={value} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`} onChange={(e) => setValue(d, e.target.value)}>
                        {!d.choices.includes(value) && <option value={value}>{value}</option>}
                        {d.choices.map((choice) => (
                          <option key={choice} value={choice}>
                            {choiceName(d.name, choice)}
                          </option>
                        ))}
                      </select>
                      {d.choices.some((choice) => hasChoiceHint(d.name, choice)) && (
                        <ul className="hint choice-hints">
                          {d.choices.filter((choice) => hasChoiceHint(d.name, choice)).map((choice) => (
                            <li key={choice}><strong>{choiceName(d.name, choice)}</strong>: {t(`rules.choice.${d.name}.${choice}.hint` as StudioKey)}</li>
                          ))}
                        </ul>
                      )}
                    </div>
                  ) : d.kind === 'YES_NO' ? (
                    <div className="field">
                      <label htmlFor={id}>{d.name}</label>
                      <span className="hint" id={`${id}-hint`}>{d.description}</span>
                      <select id={id} value={value} aria-describedby={`${id}-hint`} onChange={(e) => setValue(d, e.target.value)}>
                        <option value="true">{t('common.yes')}</option>
                        <option value="false">{t('common.no')}</option>
                      </select>
                    </div>
                  ) : (
                    <TextField
                      id={id}
                      label={d.name}
                      hint={`${d.description}${range ? ` ${range}` : ''}`}
                      error={error}
                      value={value}
                      inputMode={d.kind === 'WHOLE_NUMBER' ? 'numeric' : undefined}
                      width={d.kind === 'WHOLE_NUMBER' ? 'short' : 'medium'}
                      onChange={(v) => setValue(d, v)}
                    />
                  )}
                </div>
              );
            })
          )}
        </section>
        <section aria-labelledby="rules-change" className="studio-sticky">
          <h2 id="rules-change">{t('rules.change')}</h2>
          <div aria-live="polite">
            {!changed ? (
              <p className="muted">{t('rules.unchanged')}</p>
            ) : validation === null || settled !== draft ? (
              <p className="muted">{t('rules.checking')}</p>
            ) : validation.valid ? (
              <Notice kind="success" title={t('rules.valid')} />
            ) : (
              <Notice kind="error" title={t('rules.invalid')}>
                <ul className="problems">
                  {validation.problems.map((p, i) => (
                    <li key={i}>
                      <strong>{p.where}</strong>: {p.message}
                    </li>
                  ))}
                </ul>
              </Notice>
            )}
          </div>
          {changed && (
            <>
              <h3>{t('rules.diff')}</h3>
              <Diff before={inForce} after={draft} label={t('rules.diff')} />
              <button type="button" className="button button--secondary" onClick={runDryRun} disabled={busy || validation?.valid === false}>
                {t('rules.dryRun')}
              </button>
            </>
          )}
          {dryRun && (
            <section aria-labelledby="dry-run" className="dry-run">
              <h3 id="dry-run">{t('rules.dryRunTitle')}</h3>
              {movedValues.length > 0 && (
                <>
                  <p>{t('rules.deadlinesFromNow')}</p>
                  <ul>
                    {movedValues.map((d) => (
                      <li key={d.name}>
                        <strong>{d.name}</strong>: {valueOf(currentParams, d)} → {valueOf(params ?? [], d)}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {dryRun.deadlineChanges.length > 0 && (
                <div className="studio-table-wrap">
                  <table className="table studio-table">
                    <caption>{t('rules.deadlineChanges')}</caption>
                    <thead>
                      <tr><th scope="col">{t('rules.deadline')}</th><th scope="col">{t('rules.before')}</th><th scope="col">{t('rules.after')}</th><th scope="col">{t('rules.nextFor')}</th></tr>
                    </thead>
                    <tbody>
                      {dryRun.deadlineChanges.map((d) => (
                        <tr key={d.rule}>
                          <td>{d.rule}</td><td>{formatDeadline(d.before)}</td><td>{formatDeadline(d.after)}</td><td>{d.nextFor}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              <dl className="facts">
                <div><dt>{t('rules.live')}</dt><dd>{dryRun.liveApplications}</dd></div>
                <div><dt>{t('rules.queueChanged')}</dt><dd>{dryRun.queueNumbersChanged}</dd></div>
                <div><dt>{t('rules.eligibilityChanged')}</dt><dd>{dryRun.eligibilityChanged}</dd></div>
                <div><dt>{t('rules.kept')}</dt><dd>{dryRun.runningDeadlinesKept}</dd></div>
              </dl>
              <p className="hint">{t('rules.keptHint')}</p>
              {dryRun.examples.length > 0 && (
                <div className="studio-table-wrap">
                  <table className="table studio-table">
                    <caption className="visually-hidden">{t('rules.examples')}</caption>
                    <thead>
                      <tr><th scope="col">{t('common.number')}</th><th scope="col">{t('rules.what')}</th><th scope="col">{t('rules.before')}</th><th scope="col">{t('rules.after')}</th></tr>
                    </thead>
                    <tbody>
                      {dryRun.examples.map((e, i) => (
                        <tr key={i}><td>{e.applicationNumber}</td><td>{e.what}</td><td>{e.before}</td><td>{e.after}</td></tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          )}
          {changed && (
            <form onSubmit={activate} noValidate>
              <h3>{t('rules.activateTitle')}</h3>
              <TextField id="rules-reason" label={t('common.reason')} hint={t('rules.reasonHint')} error={reasonError} value={reason} onChange={setReason} multiline />
              <button type="submit" className="button" disabled={busy || validation?.valid !== true || settled !== draft}>
                {t('rules.activate')}
              </button>
            </form>
          )}
          {problem !== null && <ProblemMessage error={problem} />}
        </section>
      </div>
      <h2>{t('rules.history')}</h2>
      <div className="studio-table-wrap">
        <table className="table studio-table">
          <thead>
            <tr><th scope="col">{t('common.version')}</th><th scope="col">{t('common.when')}</th><th scope="col">{t('common.who')}</th><th scope="col">{t('common.reason')}</th><th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th></tr>
          </thead>
          <tbody>
            {data.ruleSet.history.map((v) => (
              <tr key={v.version}>
                <td>{v.version}{v.version === data.ruleSet.version ? ` (${t('rules.current')})` : ''}</td>
                <td>{formatDateTime(v.activatedAt)}</td>
                <td>{v.activatedBy === 'system' ? t('common.system') : v.activatedBy}</td>
                <td>{v.reason}</td>
                <td>
                  {v.version !== data.ruleSet.version && (
                    <button type="button" className="link-button" onClick={() => { setDraft(pretty(v.json)); setView('form'); window.scrollTo(0, 0); }}>
                      {t('rules.takeVersion', { version: v.version })}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
