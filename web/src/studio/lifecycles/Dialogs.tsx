// The designer's dialogs: a new state, and a transition (new, from two connected states, or the selected one) with its
// trigger from the library, guards from the region's rules and activities from the library — the lists workflowParts serves.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { StudioWorkflowQuery } from '@shared/graphql/generated/graphql';
import { SelectField, TextField } from '@shared/ui/forms';
import { useStudioI18n } from '../i18n';
import { statusName, type WorkflowJson, type WorkflowTransitionJson } from './model';

type Parts = StudioWorkflowQuery['workflowParts'];

/** A modal dialog (the browser's own: focus kept inside, Escape closes, focus returns to where it was). */
function Dialog({ id, title, onClose, onSubmit, submit, children }: { id: string; title: string; onClose: () => void; onSubmit: () => void; submit: string; children: ReactNode }) {
  const { t } = useStudioI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current!;
    if (!dialog.open) dialog.showModal();
    return () => dialog.close();
  }, []);
  const send = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <dialog ref={ref} className="studio-dialog" aria-labelledby={`${id}-title`} onClose={onClose} onCancel={onClose}>
      <form onSubmit={send} noValidate>
        <h2 id={`${id}-title`}>{title}</h2>
        {children}
        <div className="actions-row">
          <button type="submit" className="button">{submit}</button>{' '}
          <button type="button" className="button button--secondary" onClick={onClose}>{t('common.cancel')}</button>
        </div>
      </form>
    </dialog>
  );
}

export function StateDialog({ workflow, parts, onClose, onAdd }: { workflow: WorkflowJson; parts: Parts; onClose: () => void; onAdd: (name: string, status: string) => void }) {
  const { t } = useStudioI18n();
  const [name, setName] = useState('');
  const [status, setStatus] = useState<string>(parts.statuses[0] ?? 'QUEUED');
  const [error, setError] = useState<string>();
  const submit = () => {
    const trimmed = name.trim();
    if (!/^[A-Z][A-Za-z]*$/.test(trimmed)) return setError(t('lifecycles.stateNameRule'));
    if (workflow.states.some((s) => s.name === trimmed)) return setError(t('lifecycles.stateNameTaken', { name: trimmed }));
    onAdd(trimmed, statusName(status));
  };
  return (
    <Dialog id="state-dialog" title={t('lifecycles.addState')} onClose={onClose} onSubmit={submit} submit={t('lifecycles.addState')}>
      <TextField id="dialog-state-name" label={t('lifecycles.stateName')} hint={t('lifecycles.stateNameRule')} error={error} value={name} onChange={setName} />
      <SelectField id="dialog-state-status" label={t('common.status')} value={status} onChange={setStatus} options={parts.statuses.map((s) => ({ value: s, label: statusName(s) }))} />
    </Dialog>
  );
}

type GuardChoice = '' | 'holds' | 'not';

export function TransitionDialog({ workflow, parts, initial, editing, onClose, onSave }: {
  workflow: WorkflowJson;
  parts: Parts;
  initial: WorkflowTransitionJson;
  /** The transition's index when it is edited; undefined for a new one. */
  editing?: number;
  onClose: () => void;
  onSave: (transition: WorkflowTransitionJson) => void;
}) {
  const { t } = useStudioI18n();
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [trigger, setTrigger] = useState(initial.trigger || parts.triggers[0]?.name || '');
  const [guards, setGuards] = useState<Record<string, GuardChoice>>(() =>
    Object.fromEntries((initial.guards ?? []).map((g) => (g.startsWith('!') ? [g.slice(1), 'not'] : [g, 'holds']))));
  const [activities, setActivities] = useState(initial.activities ?? []);
  const [newActivity, setNewActivity] = useState({ activity: parts.activities[0]?.name ?? '', argument: '' });
  const states = workflow.states.map((s) => ({ value: s.name, label: s.name }));
  const takesArgument = (name: string) => parts.activities.find((a) => a.name === name)?.argument;
  const submit = () => {
    const chosen = parts.guards.flatMap((g) => (guards[g] === 'holds' ? [g] : guards[g] === 'not' ? [`!${g}`] : []));
    onSave({ from, trigger, to, ...(chosen.length ? { guards: chosen } : {}), ...(activities.length ? { activities } : {}) });
  };
  const title = editing === undefined ? t('lifecycles.newTransition') : t('lifecycles.editTransition', { n: editing + 1 });
  return (
    <Dialog id="transition-dialog" title={title} onClose={onClose} onSubmit={submit} submit={editing === undefined ? t('lifecycles.addTransition') : t('lifecycles.saveTransition')}>
      <SelectField id="dialog-from" label={t('lifecycles.from')} value={from} onChange={setFrom} options={states} />
      <SelectField id="dialog-to" label={t('lifecycles.to')} value={to} onChange={setTo} options={states} />
      <SelectField id="dialog-trigger" label={t('lifecycles.trigger')} value={trigger} onChange={setTrigger} options={parts.triggers.map((x) => ({ value: x.name, label: `${x.name} — ${x.title}` }))} />
      <fieldset className="fieldset">
        <legend>{t('lifecycles.guards')}</legend>
        <p className="hint">{t('lifecycles.guardsHint')}</p>
        <div className="guard-list">
          {parts.guards.map((g) => (
            <SelectField key={g} id={`dialog-guard-${g}`} label={g} value={guards[g] ?? ''} onChange={(v) => setGuards({ ...guards, [g]: v as GuardChoice })}
              options={[{ value: '', label: t('lifecycles.guardUnused') }, { value: 'holds', label: t('lifecycles.guardHolds') }, { value: 'not', label: t('lifecycles.guardNot') }]} />
          ))}
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('lifecycles.activities')}</legend>
        {activities.length === 0 ? <p className="muted">{t('lifecycles.noActivities')}</p> : (
          <ol>
            {activities.map((a, i) => (
              <li key={i} className="activity-row">
                <span>{a.argument ? `${a.activity}(${a.argument})` : a.activity}</span>
                <button type="button" className="link-button" onClick={() => setActivities(activities.filter((_, k) => k !== i))}>
                  {t('lifecycles.removeActivity', { name: a.activity })}
                </button>
              </li>
            ))}
          </ol>
        )}
        <div className="inline-form">
          <SelectField id="dialog-activity" label={t('lifecycles.activity')} value={newActivity.activity} onChange={(v) => setNewActivity({ activity: v, argument: '' })}
            options={parts.activities.map((a) => ({ value: a.name, label: a.name }))} />
          {takesArgument(newActivity.activity) && (
            <TextField id="dialog-activity-argument" label={t('lifecycles.argument')} hint={takesArgument(newActivity.activity) ?? undefined} value={newActivity.argument}
              onChange={(v) => setNewActivity({ ...newActivity, argument: v })} />
          )}
          <div className="field">
            <button type="button" className="button button--secondary" onClick={() => {
              setActivities([...activities, newActivity.argument.trim() ? { activity: newActivity.activity, argument: newActivity.argument.trim() } : { activity: newActivity.activity }]);
              setNewActivity({ ...newActivity, argument: '' });
            }}>
              {t('lifecycles.addActivity')}
            </button>
          </div>
        </div>
      </fieldset>
    </Dialog>
  );
}
