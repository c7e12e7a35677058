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
  const marked = new Set<string>();
  for (const p of problems) {
    const state = /^states\.(.+)$/.exec(p.where);
    if (state) marked.add(state[1]);
    const transition = /^transitions\[(\d+)\]/.exec(p.where);
    if (transition) {
      const t = workflow.transitions[Number(transition[1])];
      if (t) marked.add(t.from);
    }
    for (const s of workflow.states) if (p.where === s.name) marked.add(s.name);
  }
  return marked;
}
