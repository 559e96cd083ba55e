// The audit trail names things as people do: evidence by its summary, and what a change changed from.
import { describe, expect, it } from 'vitest';
import { createTracker, describeEvent, type SendResult } from '@pledgeflow/core';
import { as, ev, testPlan } from '../fixtures.js';

const ok = (r: SendResult) => {
  if (!r.ok) throw new Error(r.reasons.join(' '));
};

describe('an action’s history', () => {
  it('names evidence by its summary, not its id, when it is accepted, returned or resubmitted', () => {
    const t = createTracker({ plan: testPlan() });
    ok(t.send(ev(as('lead'), 'a1', 'action.agree', {}, '2026-05-02T09:00:00Z')));
    ok(t.send(ev(as('owner'), 'a1', 'action.start', {}, '2026-05-03T09:00:00Z')));
    ok(t.send(ev(as('owner'), 'a1', 'action.evidence.add', { evidenceId: 'a1-ev-01ABCDEF', summary: 'Tutoring ran for 40 young people.', date: '2026-05-04' }, '2026-05-05T09:00:00Z')));
    ok(t.send(ev(as('lead'), 'a1', 'action.evidence.return', { evidenceId: 'a1-ev-01ABCDEF', reason: 'Say which term.' }, '2026-05-06T09:00:00Z')));
    ok(t.send(ev(as('owner'), 'a1', 'action.evidence.resubmit', { evidenceId: 'a1-ev-01ABCDEF', summary: 'Tutoring ran for 40 young people in the summer term.', date: '2026-05-04' }, '2026-05-07T09:00:00Z')));
    ok(t.send(ev(as('lead'), 'a1', 'action.evidence.accept', { evidenceId: 'a1-ev-01ABCDEF' }, '2026-05-08T09:00:00Z')));
    const h = t.history('a1');
    const summaries = h.map((x) => x.summary);
    expect(summaries.join('\n')).not.toContain('a1-ev-01ABCDEF');
    expect(summaries.slice(3)).toEqual([
      'Lee Lead (Virtual School) returned evidence "Tutoring ran for 40 young people.": Say which term.',
      'Owen Owner (Virtual School) resubmitted evidence "Tutoring ran for 40 young people in the summer term."',
      'Lee Lead (Virtual School) accepted evidence "Tutoring ran for 40 young people in the summer term."',
    ]);
    expect(h.at(-1)!.context).toEqual({ evidenceSummary: 'Tutoring ran for 40 young people in the summer term.' });
  });

  it('says what a due date and an owner were changed from', () => {
    const plan = testPlan();
    const a1 = plan.actions.find((a) => a.id === 'a1')!;
    const t = createTracker({ plan });
    ok(t.send(ev(as('lead'), 'a1', 'action.due-date.change', { dueDate: '2027-01-29', reason: 'Venue moved.' }, '2026-05-02T09:00:00Z')));
    ok(t.send(ev(as('lead'), 'a1', 'action.due-date.change', { dueDate: '2027-02-26', reason: 'Again.' }, '2026-05-03T09:00:00Z')));
    ok(t.send(ev(as('lead'), 'a1', 'action.owner.change', { owner: 'lead' }, '2026-05-04T09:00:00Z')));
    const h = t.history('a1');
    expect(h[0]!.context).toEqual(a1.dueDate ? { previousDueDate: a1.dueDate } : {});
    expect(h[1]!.summary).toBe('Lee Lead (Virtual School) moved the due date from 2027-01-29 to 2027-02-26: Again.');
    expect(h[1]!.context).toEqual({ previousDueDate: '2027-01-29' });
    expect(h[2]!.context.previousOwner).toBe(a1.owner);
  });

  it('describes an event alone, without its history, as before', () => {
    const plan = testPlan();
    const event = { ...ev(as('lead'), 'a1', 'action.evidence.accept', { evidenceId: 'e1' }), at: '2026-05-02T09:00:00.000Z' };
    expect(describeEvent(event as never, plan)).toBe('accepted evidence e1');
    expect(describeEvent(event as never, plan, { evidenceSummary: 'Report shared.' })).toBe('accepted evidence "Report shared."');
  });
});
