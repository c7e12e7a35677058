import { describe, expect, it } from 'vitest';
import { problemTransitions, shortLabel, stateProblems, statusName, type WorkflowJson } from './model';

const workflow: WorkflowJson = {
  name: 'direction',
  initial: 'Queued',
  states: [{ name: 'Queued', status: 'Queued' }, { name: 'A', status: 'Queued' }, { name: 'B', status: 'Queued' }, { name: 'Orphan', status: 'Removed' }],
  transitions: [
    { from: 'Queued', trigger: 'Choose', to: 'A' },
    { from: 'Queued', trigger: 'Choose', to: 'B' },
    { from: 'Queued', trigger: 'Withdraw', to: 'B', guards: ['X'], activities: [{ activity: 'notify', argument: 'withdrawn' }] },
  ],
};

describe('validation on the graph', () => {
  it('marks an unreachable state and both transitions that do not exclude each other', () => {
    const problems = [
      { code: 'UNREACHABLE', where: 'states.Orphan', message: 'No transition leads to this state from the initial one.' },
      { code: 'AMBIGUOUS', where: 'states.Queued', message: 'Choose leads to several states whose guards could hold together.' },
    ];
    expect([...stateProblems(workflow, problems)]).toEqual([['Orphan', ['UNREACHABLE']], ['Queued', ['AMBIGUOUS']]]);
    expect([...problemTransitions(workflow, problems).keys()]).toEqual([0, 1]);
  });

  it('shortens labels and names statuses as the file does', () => {
    expect(shortLabel(workflow.transitions[2])).toBe('Withdraw +2');
    expect(shortLabel(workflow.transitions[0])).toBe('Choose');
    expect(statusName('DIRECTION_ISSUED')).toBe('DirectionIssued');
  });
});
