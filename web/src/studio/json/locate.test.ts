import { describe, expect, it } from 'vitest';
import { locate, pathOf } from './locate';

const workflow = JSON.stringify({
  name: 'direction',
  initial: 'Queued',
  states: [{ name: 'Queued', status: 'Queued' }, { name: 'Orphan', status: 'Inactive' }],
  transitions: [{ from: 'Queued', trigger: 'Withdraw', to: 'Queued' }, { from: 'Queued', trigger: 'Expire', to: 'Queued' }],
}, null, 2);

describe('where a server problem points in the JSON', () => {
  it('finds a state by its name and a transition by its index', () => {
    const state = locate(workflow, 'states.Orphan');
    expect(workflow.slice(state.start, state.end)).toBe('{');
    expect(workflow.slice(state.start, workflow.indexOf('}', state.start))).toContain('"Orphan"');
    const transition = locate(workflow, 'transitions[1]');
    expect(workflow.slice(transition.start, workflow.indexOf('}', transition.start))).toContain('"Expire"');
    const name = locate(workflow, 'name');
    expect(workflow.slice(name.start, name.end)).toBe('"direction"');
  });

  it('finds a rule set value and rule, and falls back to the first line', () => {
    const rules = JSON.stringify({ WorkflowName: 'almaty', GlobalParams: [{ Name: 'daysToChoose', Expression: '0' }], Rules: [{ RuleName: 'ChoiceDeadline', Expression: 'true' }] }, null, 2);
    expect(pathOf('GlobalParams.daysToChoose', JSON.parse(rules))).toEqual(['GlobalParams', 0]);
    expect(pathOf('Rules.ChoiceDeadline', JSON.parse(rules))).toEqual(['Rules', 0]);
    expect(rules.slice(locate(rules, 'GlobalParams.daysToChoose').start)).toMatch(/^\{\s+"Name": "daysToChoose"/);
    expect(locate(rules, 'notify:turn-came')).toEqual({ start: 0, end: 1 });
    expect(locate('{ broken', 'name')).toEqual({ start: 0, end: 0 });
  });
});
