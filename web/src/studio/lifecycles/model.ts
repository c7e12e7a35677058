// A lifecycle's JSON as the studio edits it (workflows/schema/workflow.schema.json).
export interface WorkflowStateJson {
  name: string;
  status: string;
  timer?: { trigger: string; at: string };
}
export interface WorkflowTransitionJson {
  from: string;
  trigger: string;
  to: string;
  guards?: string[];
  activities?: { activity: string; argument?: string }[];
}
export interface WorkflowJson {
  name: string;
  initial: string;
  states: WorkflowStateJson[];
  transitions: WorkflowTransitionJson[];
  [other: string]: unknown;
}

export function parseWorkflow(json: string): WorkflowJson | null {
  try {
    const value = JSON.parse(json) as WorkflowJson;
    return Array.isArray(value.states) && Array.isArray(value.transitions) ? value : null;
  } catch {
    return null;
  }
}

/** The label of an arrow: trigger [guards] / activities. */
export function transitionLabel(t: WorkflowTransitionJson): string {
  const guards = t.guards?.length ? ` [${t.guards.join(', ')}]` : '';
  const activities = t.activities?.length ? ` / ${t.activities.map((a) => (a.argument ? `${a.activity}(${a.argument})` : a.activity)).join(', ')}` : '';
  return `${t.trigger}${guards}${activities}`;
}

/** The problems that point at a state (states.X, or a transition from or to it). */
export function problemStates(workflow: WorkflowJson, problems: { where: string }[]): Set<string> {
  return new Set(stateProblems(workflow, problems).keys());
}

/** What is wrong with each state, by problem code (UNREACHABLE, AMBIGUOUS, …): states.X, or a transition leaving it. */
export function stateProblems(workflow: WorkflowJson, problems: { code?: string; where: string }[]): Map<string, string[]> {
  const marked = new Map<string, string[]>();
  const mark = (state: string, code: string) => {
    const codes = marked.get(state) ?? [];
    if (!codes.includes(code)) codes.push(code);
    marked.set(state, codes);
  };
  for (const p of problems) {
    const code = p.code ?? 'PROBLEM';
    const state = /^states\.(.+)$/.exec(p.where);
    if (state) mark(state[1], code);
    const transition = /^transitions\[(\d+)\]/.exec(p.where);
    if (transition) {
      const t = workflow.transitions[Number(transition[1])];
      if (t) mark(t.from, code);
    }
    for (const s of workflow.states) if (p.where === s.name) mark(s.name, code);
  }
  return marked;
}

/**
 * The transitions a refusal points at: transitions[i] itself, and for two that do not exclude each other (AMBIGUOUS, said
 * of the state they leave, "Trigger leads to several states…") every transition leaving that state on that trigger.
 */
export function problemTransitions(workflow: WorkflowJson, problems: { code?: string; where: string; message: string }[]): Map<number, string[]> {
  const marked = new Map<number, string[]>();
  const mark = (index: number, code: string) => marked.set(index, [...new Set([...(marked.get(index) ?? []), code])]);
  for (const p of problems) {
    const transition = /^transitions\[(\d+)\]/.exec(p.where);
    if (transition) mark(Number(transition[1]), p.code ?? 'PROBLEM');
    const state = /^states\.(.+)$/.exec(p.where);
    if (state && p.code === 'AMBIGUOUS') {
      const trigger = /^(\w+)/.exec(p.message)?.[1];
      workflow.transitions.forEach((t, i) => {
        if (t.from === state[1] && t.trigger === trigger) mark(i, 'AMBIGUOUS');
      });
    }
  }
  return marked;
}

/** A short label for an arrow (its trigger, and how many guards and activities it has); the full one is shown on hover and selection. */
export function shortLabel(t: WorkflowTransitionJson): string {
  const more = (t.guards?.length ?? 0) + (t.activities?.length ?? 0);
  return more > 0 ? `${t.trigger} +${more}` : t.trigger;
}

/** Statuses are written in the file as PascalCase (Queued), the API lists them as QUEUED. */
export function statusName(status: string): string {
  return status.toLowerCase().replace(/(^|_)(\w)/g, (_, __, c: string) => c.toUpperCase());
}
