import { describe, expect, it } from 'vitest';
import { createTracker, type SendResult } from '@pledgeflow/core';
import { as, ev, testPlan } from '../fixtures.js';

const ok = (r: SendResult) => {
  if (!r.ok) throw new Error(`expected the step to be accepted, got: ${r.reasons.join(' | ')}`);
  return r;
};
const refused = (r: SendResult) => {
  if (r.ok) throw new Error('expected the step to be refused');
  return r.reasons.join(' ');
};

function agreedAndStarted() {
  const t = createTracker({ plan: testPlan() });
  ok(t.send(ev(as('lead'), 'a1', 'action.agree')));
  ok(t.send(ev(as('owner'), 'a1', 'action.start')));
  return t;
}

describe('an action item from draft to verified', () => {
  it('walks the whole lifecycle with the people who may take each step', () => {
    const t = agreedAndStarted();
    ok(t.send(ev(as('owner'), 'a1', 'action.progress', { note: 'Two of four sessions run.' })));
    ok(t.send(ev(as('nurse'), 'a1', 'action.evidence.add', { evidenceId: 'ev1', summary: 'Sessions on health needs delivered to 40 teachers.', date: '2026-06-01', link: 'https://intranet.example.gov.uk/ev1' })));
    ok(t.send(ev(as('lead'), 'a1', 'action.evidence.accept', { evidenceId: 'ev1' })));
    ok(t.send(ev(as('owner'), 'a1', 'action.complete')));
    ok(t.send(ev(as('board'), 'a1', 'action.verify')));
    const a = t.getAction('a1')!;
    expect(a.state).toBe('verified');
    expect(a.completedBy).toBe('owner');
    expect(a.verifiedBy).toBe('board');
    expect(a.evidence).toMatchObject([{ id: 'ev1', status: 'accepted', agencyId: 'nhs', submittedBy: 'nurse', reviewedBy: 'lead' }]);
    expect(a.lastProgress?.note).toBe('Two of four sessions run.');
  });

  it('refuses to agree an action with no owner or due date, naming both', () => {
    const t = createTracker({ plan: testPlan() });
    const why = refused(t.send(ev(as('editor'), 'a3', 'action.agree')));
    expect(why).toContain('an owner and a due date');
    expect(t.getAction('a3')!.state).toBe('draft');
  });

  it('refuses to complete an action with no accepted evidence, and says what is waiting', () => {
    const t = agreedAndStarted();
    expect(refused(t.send(ev(as('owner'), 'a1', 'action.complete')))).toContain('none has been added yet');
    ok(t.send(ev(as('nurse'), 'a1', 'action.evidence.add', { evidenceId: 'ev1', summary: 'Training delivered.', date: '2026-06-01' })));
    expect(refused(t.send(ev(as('owner'), 'a1', 'action.complete')))).toContain('1 submitted, waiting');
    expect(t.getAction('a1')!.state).toBe('inProgress');
  });

  it('refuses to let the person who completed an action verify it', () => {
    const t = agreedAndStarted();
    ok(t.send(ev(as('nurse'), 'a1', 'action.evidence.add', { evidenceId: 'ev1', summary: 'Training delivered.', date: '2026-06-01' })));
    ok(t.send(ev(as('board'), 'a1', 'action.evidence.accept', { evidenceId: 'ev1' })));
    ok(t.send(ev(as('editor'), 'a1', 'action.complete')));
    expect(refused(t.send(ev(as('editor'), 'a1', 'action.verify')))).toContain('cannot also verify');
    ok(t.send(ev(as('board'), 'a1', 'action.verify')));
  });

  it('says which states a step belongs to when the item is in another', () => {
    const t = createTracker({ plan: testPlan() });
    const why = refused(t.send(ev(as('editor'), 'a1', 'action.complete')));
    expect(why).toContain('is draft');
    expect(why).toContain('in progress');
  });

  it('needs a reason to flag a risk, defer, withdraw or reopen', () => {
    const t = agreedAndStarted();
    for (const type of ['action.flag-risk', 'action.defer', 'action.withdraw'] as const) {
      expect(refused(t.send(ev(as('editor'), 'a1', type, {})))).toContain('data.reason: is required');
      expect(refused(t.send(ev(as('editor'), 'a1', type, { reason: '   ' })))).toContain('data.reason: must not be empty');
    }
  });

  it('flags a risk, keeps the reason, and clears it again', () => {
    const t = agreedAndStarted();
    ok(t.send(ev(as('owner'), 'a1', 'action.flag-risk', { reason: 'Supply teachers not booked.' })));
    expect(t.getAction('a1')).toMatchObject({ state: 'atRisk', reason: 'Supply teachers not booked.' });
    ok(t.send(ev(as('owner'), 'a1', 'action.clear-risk')));
    expect(t.getAction('a1')!.state).toBe('inProgress');
    expect(t.getAction('a1')!.reason).toBeUndefined();
  });

  it('keeps every due date change with its reason', () => {
    const t = agreedAndStarted();
    expect(refused(t.send(ev(as('lead'), 'a1', 'action.due-date.change', { dueDate: '2027-01-31' })))).toContain('data.reason');
    ok(t.send(ev(as('lead'), 'a1', 'action.due-date.change', { dueDate: '2027-01-31', reason: 'Training venue closed in November.' })));
    ok(t.send(ev(as('board'), 'a1', 'action.due-date.change', { dueDate: '2027-03-31', reason: 'Second cohort added.' })));
    const a = t.getAction('a1')!;
    expect(a.dueDate).toBe('2027-03-31');
    expect(a.dueDateChanges.map((c) => [c.from, c.to, c.by])).toEqual([
      ['2026-11-20', '2027-01-31', 'lead'],
      ['2027-01-31', '2027-03-31', 'board'],
    ]);
    expect(refused(t.send(ev(as('board'), 'a1', 'action.due-date.change', { dueDate: '2027-03-31', reason: 'again' })))).toContain('already 2027-03-31');
  });

  it('moves the next review date on by the interval, or to the date given', () => {
    const t = agreedAndStarted();
    ok(t.send(ev(as('owner'), 'a1', 'action.review', {}, '2026-10-05T10:00:00Z')));
    expect(t.getAction('a1')).toMatchObject({ lastReviewedOn: '2026-10-05', reviewDate: '2027-01-04' });
    ok(t.send(ev(as('owner'), 'a1', 'action.review', { nextReviewDate: '2026-12-01' }, '2026-10-06T10:00:00Z')));
    expect(t.getAction('a1')!.reviewDate).toBe('2026-12-01');
  });

  it('counts a review made late in the evening on the UK date, not the UTC one', () => {
    const t = agreedAndStarted();
    ok(t.send(ev(as('owner'), 'a1', 'action.review', { nextReviewDate: '2026-12-01' }, '2026-06-30T23:30:00Z')));
    expect(t.getAction('a1')!.lastReviewedOn).toBe('2026-07-01');
  });

  it('returns evidence with a reason, takes it again when resubmitted, and counts the resubmission', () => {
    const t = agreedAndStarted();
    ok(t.send(ev(as('nurse'), 'a1', 'action.evidence.add', { evidenceId: 'ev1', summary: 'Sessions held.', date: '2026-06-01' })));
    ok(t.send(ev(as('lead'), 'a1', 'action.evidence.return', { evidenceId: 'ev1', reason: 'Please say how many teachers came.' })));
    expect(t.getAction('a1')!.evidence[0]).toMatchObject({ status: 'returned', returnReason: 'Please say how many teachers came.' });
    expect(refused(t.send(ev(as('lead'), 'a1', 'action.evidence.accept', { evidenceId: 'ev1' })))).toContain('must be resubmitted');
    ok(t.send(ev(as('nurse'), 'a1', 'action.evidence.resubmit', { evidenceId: 'ev1', summary: 'Sessions held for 38 teachers.', date: '2026-06-01' })));
    ok(t.send(ev(as('lead'), 'a1', 'action.evidence.accept', { evidenceId: 'ev1' })));
    expect(t.getAction('a1')!.evidence[0]).toMatchObject({ status: 'accepted', resubmissions: 1, summary: 'Sessions held for 38 teachers.' });
    expect(t.getAction('a1')!.evidence[0]!.returnReason).toBeUndefined();
  });

  it('defers with a reason and resumes to agreed; withdrawn is the end', () => {
    const t = agreedAndStarted();
    ok(t.send(ev(as('board'), 'a1', 'action.defer', { reason: 'Waiting for the new school year.', until: '2027-09-01' })));
    expect(t.getAction('a1')).toMatchObject({ state: 'deferred', deferredUntil: '2027-09-01' });
    ok(t.send(ev(as('board'), 'a1', 'action.resume')));
    expect(t.getAction('a1')!.state).toBe('agreed');
    ok(t.send(ev(as('board'), 'a1', 'action.withdraw', { reason: 'Replaced by a national scheme.' })));
    expect(refused(t.send(ev(as('editor'), 'a1', 'action.start')))).toContain('withdrawn');
  });

  it('reopens a completed action and forgets who completed it', () => {
    const t = agreedAndStarted();
    ok(t.send(ev(as('nurse'), 'a1', 'action.evidence.add', { evidenceId: 'ev1', summary: 'Done.', date: '2026-06-01' })));
    ok(t.send(ev(as('lead'), 'a1', 'action.evidence.accept', { evidenceId: 'ev1' })));
    ok(t.send(ev(as('owner'), 'a1', 'action.complete')));
    ok(t.send(ev(as('board'), 'a1', 'action.reopen', { reason: 'Only half the schools took part.' })));
    expect(t.getAction('a1')).toMatchObject({ state: 'inProgress', reason: 'Only half the schools took part.' });
    expect(t.getAction('a1')!.completedBy).toBeUndefined();
  });

  it('refuses a step on an item that does not exist, or of the wrong kind', () => {
    const t = createTracker({ plan: testPlan() });
    expect(refused(t.send(ev(as('editor'), 'nope', 'action.agree')))).toContain('no promise, action, meeting or recommendation with the id "nope"');
    expect(refused(t.send(ev(as('editor'), 'p1', 'action.agree')))).toContain('is a promise');
  });

  it('refuses an owner who is not in the plan', () => {
    const t = createTracker({ plan: testPlan() });
    expect(refused(t.send(ev(as('editor'), 'a3', 'action.owner.change', { owner: 'ghost' })))).toContain('no person with the id "ghost"');
    ok(t.send(ev(as('editor'), 'a3', 'action.owner.change', { owner: 'owner' })));
    expect(t.getAction('a3')!.owner).toBe('owner');
  });

  it('refuses links that are not https, and unknown fields', () => {
    const t = agreedAndStarted();
    for (const link of ['javascript:alert(1)', 'data:text/html,hi', 'http://example.com/x']) {
      expect(refused(t.send(ev(as('nurse'), 'a1', 'action.evidence.add', { evidenceId: 'e', summary: 's', date: '2026-06-01', link })))).toContain('https://');
    }
    expect(refused(t.send(ev(as('owner'), 'a1', 'action.progress', { note: 'x', colour: 'red' })))).toContain('unknown field "colour"');
    expect(t.getAction('a1')!.evidence).toEqual([]);
  });
});

describe('a promise', () => {
  it('is adopted, judged with reasons for concern, reviewed and retired', () => {
    const t = createTracker({ plan: testPlan() });
    ok(t.send(ev(as('board'), 'p1', 'promise.adopt')));
    expect(t.getPromise('p1')!.state).toBe('adopted');
    expect(refused(t.send(ev(as('board'), 'p1', 'promise.judge', { judgement: 'at-risk' })))).toContain('data.reason');
    ok(t.send(ev(as('board'), 'p1', 'promise.judge', { judgement: 'at-risk', reason: 'Attendance is falling.' })));
    expect(t.getPromise('p1')).toMatchObject({ state: 'atRisk', judgement: { value: 'at-risk', reason: 'Attendance is falling.', by: 'board' } });
    ok(t.send(ev(as('board'), 'p1', 'promise.judge', { judgement: 'kept' })));
    expect(t.getPromise('p1')!.state).toBe('kept');
    ok(t.send(ev(as('lead'), 'p1', 'promise.review', { nextReviewDate: '2027-03-01' })));
    ok(t.send(ev(as('board'), 'p1', 'promise.retire', { reason: 'Merged into promise 2.' })));
    expect(t.getPromise('p1')).toMatchObject({ state: 'retired', retiredReason: 'Merged into promise 2.', reviewDate: '2027-03-01' });
    ok(t.send(ev(as('board'), 'p1', 'promise.restore')));
    expect(t.getPromise('p1')!.state).toBe('adopted');
  });

  it('cannot be judged before it is adopted', () => {
    const t = createTracker({ plan: testPlan() });
    expect(refused(t.send(ev(as('board'), 'p1', 'promise.judge', { judgement: 'kept' })))).toContain('is drafted');
  });
});
