// Model-based tests: walk the action machine with xstate/graph from a bare draft and
// check each reachable state's invariants, whatever path led there.
import { describe, expect, it } from 'vitest';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import { ACTION_STATES, actionChecks, ActionSchema, type ActionEvent } from '@pledgeflow/core';
import { actionMachine } from '@pledgeflow/core/xstate';

const item = ActionSchema.parse({ id: 'a1', title: 'Model item', leadAgency: 'csc', workstream: 'ws' });
const alice = { userId: 'alice', agencyId: 'csc', role: 'plan-editor' } as const;
const bob = { userId: 'bob', agencyId: 'nhs', role: 'board-member' } as const;
let n = 0;
const e = (type: ActionEvent['type'], data: Record<string, unknown> = {}, actor: typeof alice | typeof bob = alice) =>
  ({ id: `ev-${type}-${n++}`, stream: 'a1', type, data, actor, at: '2026-06-01T10:00:00Z' }) as ActionEvent;

const EVENTS: ActionEvent[] = [
  e('action.owner.change', { owner: 'alice' }),
  e('action.due-date.change', { dueDate: '2027-01-31', reason: 'first date set' }),
  e('action.agree'),
  e('action.start'),
  e('action.progress', { note: 'halfway' }),
  e('action.flag-risk', { reason: 'staff shortage' }),
  e('action.clear-risk'),
  e('action.evidence.add', { evidenceId: 'ev1', summary: 'Training delivered', date: '2026-05-01' }),
  e('action.evidence.return', { evidenceId: 'ev1', reason: 'say how many attended' }, bob),
  e('action.evidence.resubmit', { evidenceId: 'ev1', summary: 'Training for 40', date: '2026-05-01' }),
  e('action.evidence.accept', { evidenceId: 'ev1' }, bob),
  e('action.complete'),
  e('action.verify', {}, alice),
  e('action.verify', {}, bob),
  e('action.reopen', { reason: 'only half done' }, bob),
  e('action.defer', { reason: 'waiting for funding' }),
  e('action.resume'),
  e('action.withdraw', { reason: 'replaced by a national scheme' }),
  e('action.review'),
];

// The parts of the context that change what the machine may do next; the rest (notes, times) does not.
const serializeState = (s: { value: unknown; context: typeof item & Record<string, unknown> }) => {
  const c = s.context as unknown as { owner?: string; dueDate?: string; evidence: { status: string }[]; completedBy?: string };
  return JSON.stringify([s.value, !!c.owner, !!c.dueDate, c.evidence.map((x) => x.status), c.completedBy ?? null]);
};

describe('the action machine, walked from a bare draft', () => {
  const paths = getShortestPaths(actionMachine, { input: item, events: EVENTS, serializeState: serializeState as never });

  it('can reach every state', () => {
    const reached = new Set(paths.map((p) => String(p.state.value)));
    expect([...reached].sort()).toEqual([...ACTION_STATES].sort());
  });

  it('keeps its invariants in every state reached', () => {
    for (const path of paths) {
      const { value, context: c } = path.state;
      const where = `${String(value)} via ${path.steps.map((s) => s.event.type).join(' > ')}`;
      if (['agreed', 'inProgress', 'atRisk', 'completed', 'verified'].includes(String(value))) {
        expect(c.owner && c.dueDate, `${where}: agreed work has an owner and a due date`).toBeTruthy();
      }
      if (value === 'completed' || value === 'verified') {
        expect(c.evidence.some((x) => x.status === 'accepted'), `${where}: completion rests on accepted evidence`).toBe(true);
        expect(c.completedBy, where).toBeTruthy();
      }
      if (value === 'verified') expect(c.verifiedBy, where).not.toBe(c.completedBy);
      if (value === 'atRisk' || value === 'deferred' || value === 'withdrawn') expect(c.reason, `${where}: needs a reason`).toBeTruthy();
      if (value === 'verified' || value === 'withdrawn') expect(path.state.status, where).toBe('done');
    }
  });

  it('never lets the completer verify on any simple path to verified', () => {
    // Simple paths multiply fast: walk the steps that lead to verification, from an agreed-ready draft.
    const ready = ActionSchema.parse({ ...item, owner: 'alice', dueDate: '2027-01-31' });
    const steps = new Set(['action.agree', 'action.start', 'action.flag-risk', 'action.clear-risk', 'action.evidence.add', 'action.evidence.accept', 'action.complete', 'action.verify', 'action.reopen']);
    const toVerified = getSimplePaths(actionMachine, {
      input: ready,
      events: EVENTS.filter((x) => steps.has(x.type)),
      serializeState: serializeState as never,
      toState: (s) => s.value === 'verified',
    });
    expect(toVerified.length).toBeGreaterThan(0);
    for (const path of toVerified) {
      const verify = path.steps.at(-1)!.event;
      expect(verify.actor.userId).not.toBe(path.state.context.completedBy);
    }
  });
});

describe('every guard refuses with its reason', () => {
  const ctx = (over: Partial<Parameters<typeof actionChecks.hasOwnerAndDueDate>[0]> = {}) => ({
    id: 'a1', reviewIntervalDays: 91, evidence: [], dueDateChanges: [], ...over,
  });
  const evidence = (status: 'submitted' | 'accepted' | 'returned') => ({
    id: 'ev1', summary: 's', date: '2026-05-01', agencyId: 'csc', submittedBy: 'alice', submittedAt: '2026-05-01T10:00:00Z', status, resubmissions: 0,
  });
  const cases: [string, string | undefined, RegExp][] = [
    ['hasOwnerAndDueDate', actionChecks.hasOwnerAndDueDate(ctx({ owner: 'alice' }), e('action.agree')), /a due date/],
    ['hasAcceptedEvidence', actionChecks.hasAcceptedEvidence(ctx({ evidence: [evidence('returned')] }), e('action.complete')), /at least one piece of evidence/],
    ['verifierIsNotCompleter', actionChecks.verifierIsNotCompleter(ctx({ completedBy: 'alice' }), e('action.verify')), /cannot also verify/],
    ['evidenceIdIsNew', actionChecks.evidenceIdIsNew(ctx({ evidence: [evidence('submitted')] }), e('action.evidence.add', { evidenceId: 'ev1' })), /already evidence with the id "ev1"/],
    ['evidenceIsSubmitted (missing)', actionChecks.evidenceIsSubmitted(ctx(), e('action.evidence.accept', { evidenceId: 'zz' })), /no evidence with the id "zz"/],
    ['evidenceIsSubmitted (accepted)', actionChecks.evidenceIsSubmitted(ctx({ evidence: [evidence('accepted')] }), e('action.evidence.return', { evidenceId: 'ev1' })), /already been accepted/],
    ['evidenceIsReturned', actionChecks.evidenceIsReturned(ctx({ evidence: [evidence('submitted')] }), e('action.evidence.resubmit', { evidenceId: 'ev1' })), /has not been returned/],
    ['dueDateChanges', actionChecks.dueDateChanges(ctx({ dueDate: '2027-01-31' }), e('action.due-date.change', { dueDate: '2027-01-31' })), /already 2027-01-31/],
    ['ownerChanges', actionChecks.ownerChanges(ctx({ owner: 'alice' }), e('action.owner.change', { owner: 'alice' })), /already owns/],
  ];
  for (const [guard, reason, expected] of cases) {
    it(`${guard}: ${expected.source}`, () => expect(reason).toMatch(expected));
  }
  it('covers every guard the machine declares', () => {
    const named = new Set(cases.map(([g]) => g.split(' ')[0]));
    expect([...named].sort()).toEqual(Object.keys(actionChecks).sort());
  });
});
