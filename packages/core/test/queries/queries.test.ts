import { describe, expect, it } from 'vitest';
import {
  bragStatus, changesSince, createTracker, dueSoon, evidenceAwaitingReview, measureProgress, MeasureSchema, overdueActions,
  principlesWithoutActions, promiseReviewsOverdue, promisesWithoutEvidence, reviewsOverdue, rollUp, scrutinyReport,
  slippedDueDates, youSaidWeDid, type Tracker,
} from '@pledgeflow/core';
import { as, ev, ok, testPlan } from '../fixtures.js';

function midYear(): Tracker {
  const t = createTracker({ plan: testPlan() });
  const send = (...args: Parameters<typeof ev>) => {
    const r = t.send(ev(...args));
    if (!r.ok) throw new Error(r.reasons.join(' '));
  };
  send(as('board'), 'p1', 'promise.adopt', {}, '2026-05-01T09:00:00Z');
  send(as('board'), 'p2', 'promise.adopt', {}, '2026-05-01T09:01:00Z');
  send(as('lead'), 'a1', 'action.agree', {}, '2026-05-02T09:00:00Z');
  send(as('owner'), 'a1', 'action.start', {}, '2026-05-03T09:00:00Z');
  send(as('board2'), 'a2', 'action.agree', {}, '2026-05-04T09:00:00Z');
  send(as('board2'), 'a2', 'action.start', {}, '2026-05-05T09:00:00Z');
  send(as('board2'), 'a2', 'action.flag-risk', { reason: 'Two nurse posts vacant.' }, '2026-09-01T09:00:00Z');
  send(as('nurse'), 'a2', 'action.evidence.add', { evidenceId: 'e1', summary: 'Clinic open on Saturdays.', date: '2026-09-10' }, '2026-09-10T09:00:00Z');
  send(as('lead'), 'a4', 'action.agree', {}, '2026-05-06T09:00:00Z');
  send(as('lead'), 'a4', 'action.due-date.change', { dueDate: '2027-03-31', reason: 'Mentor training moved to spring.' }, '2026-10-01T09:00:00Z');
  return t;
}

const TODAY = '2026-11-25'; // a Wednesday

describe('BRAG status', () => {
  const base = { state: 'inProgress' as const, dueDate: '2026-12-18', reviewDate: '2026-12-01' };
  it.each([
    ['blue when completed or verified', { ...base, state: 'verified' as const, dueDate: '2026-01-01' }, 'blue'],
    ['grey when deferred or withdrawn, even if past due', { ...base, state: 'deferred' as const, dueDate: '2026-01-01' }, 'grey'],
    ['red the day after the due date', { ...base, dueDate: '2026-11-24' }, 'red'],
    ['green on the due date itself', { ...base, dueDate: TODAY }, 'green'],
    ['amber when flagged at risk', { ...base, state: 'atRisk' as const }, 'amber'],
    ['amber when the review is overdue', { ...base, reviewDate: '2026-11-01' }, 'amber'],
    ['green when on track with no dates passed', base, 'green'],
    ['green for a draft with no due date', { state: 'draft' as const }, 'green'],
  ])('is %s', (_, action, expected) => {
    const r = bragStatus(action, TODAY);
    expect(r.status).toBe(expected);
    expect(r.label).toBeTruthy();
  });

  it('follows the plan settings: a red grace period, amber when due soon, no amber for late reviews', () => {
    expect(bragStatus({ ...base, dueDate: '2026-11-23' }, TODAY, { redAfterWorkingDays: 3 }).status).toBe('amber');
    expect(bragStatus({ ...base, dueDate: '2026-11-19' }, TODAY, { redAfterWorkingDays: 3 }).status).toBe('red');
    expect(bragStatus({ ...base, dueDate: '2026-12-01' }, TODAY, { amberWithinWorkingDays: 5 }).status).toBe('amber');
    expect(bragStatus({ ...base, reviewDate: '2026-11-01' }, TODAY, { amberWhenReviewOverdue: false }).status).toBe('green');
  });

  it('explains itself in words', () => {
    expect(bragStatus({ ...base, dueDate: '2026-11-20' }, TODAY).why).toBe('due 2026-11-20, 5 days ago (3 working days)');
  });

  it('shows red from the day after the due date, weekend or not, like the overdue list', () => {
    expect(bragStatus({ state: 'inProgress', dueDate: '2026-11-20' }, '2026-11-21').status).toBe('red');
  });
});

describe('time queries', () => {
  it('finds overdue actions with calendar and working days, skipping closed ones', () => {
    const t = midYear();
    const overdue = overdueActions(t.state(), TODAY);
    expect(overdue.map((o) => [o.action.id, o.daysOverdue, o.workingDaysOverdue])).toEqual([['a1', 5, 3]]);
    expect(overdueActions(t.state(), '2026-11-20')).toEqual([]);
  });

  it('counts bank holidays and council closures out of working days overdue', () => {
    const t = midYear();
    // Due Friday 18 Dec; Christmas Day, Boxing Day (substitute Monday 28th) and a closure on the 29th.
    const plan = { ...t.plan, board: { ...t.plan.board, closures: ['2026-12-29'] } };
    const state = { ...t.state(), plan, actions: t.state().actions.map((a) => (a.id === 'a1' ? { ...a, dueDate: '2026-12-18' } : a)) };
    const [o] = overdueActions(state, '2026-12-31', { closures: plan.board.closures });
    expect([o!.daysOverdue, o!.workingDaysOverdue]).toEqual([13, 6]);
  });

  it('lists actions due within N working days, soonest first', () => {
    const t = midYear();
    expect(dueSoon(t.state(), '2026-11-16', 5).map((a) => a.id)).toEqual(['a1']);
    expect(dueSoon(t.state(), '2026-11-16', 3).map((a) => a.id)).toEqual([]);
  });

  it('lists overdue reviews of actions and of promises', () => {
    const t = midYear();
    expect(reviewsOverdue(t.state(), TODAY).map((r) => [r.action.id, r.daysOverdue])).toEqual([['a1', 55]]);
    expect(promiseReviewsOverdue(t.state(), '2026-12-05').map((r) => r.promise.id)).toEqual(['p1']);
  });

  it('lists evidence waiting to be checked', () => {
    const t = midYear();
    expect(evidenceAwaitingReview(t.state(), TODAY).map((e) => [e.action.id, e.evidence.id, e.daysWaiting])).toEqual([['a2', 'e1', 76]]);
  });

  it('lists what changed after a UK date', () => {
    const t = midYear();
    expect(changesSince(t.state(), '2026-09-10').map((c) => c.summary)).toEqual(['Lee Lead moved the due date to 2027-03-31: Mentor training moved to spring.']);
  });

  it('refuses a malformed today instead of quietly answering nothing', () => {
    const state = createTracker({ plan: testPlan() }).state();
    expect(() => scrutinyReport(state, '2026-1-5')).toThrow('today must be a date');
    expect(() => rollUp(state, '25/11/2026', 'workstream')).toThrow(RangeError);
  });
});

describe('gaps and roll-ups', () => {
  it('rolls BRAG up by working group, with the worst status first in mind', () => {
    const groups = rollUp(midYear().state(), TODAY, 'workstream');
    expect(groups.map((g) => [g.key, g.total, g.status, g.counts.red, g.counts.amber])).toEqual([
      ['education', 3, 'red', 1, 0],
      ['health', 1, 'amber', 0, 1],
    ]);
  });

  it('rolls up by agency counting partners as well as leads, and by principle and promise', () => {
    const t = midYear();
    const nhs = rollUp(t.state(), TODAY, 'agency').find((g) => g.key === 'nhs')!;
    expect(nhs.actions).toEqual(['a1', 'a2']);
    expect(rollUp(t.state(), TODAY, 'principle').find((g) => g.key === '2')!.total).toBe(0);
    expect(rollUp(t.state(), TODAY, 'promise').map((g) => g.name)).toEqual(['1. Help with school', '2. Your health']);
  });

  it('finds principles with no action and adopted promises with no accepted evidence', () => {
    const t = midYear();
    expect(principlesWithoutActions(t.state()).map((p) => p.principle)).toEqual([2, 3]);
    expect(promisesWithoutEvidence(t.state()).map((p) => p.promise.id)).toEqual(['p1', 'p2']);
    const fresh = createTracker({ plan: testPlan() });
    expect(promisesWithoutEvidence(fresh.state())).toEqual([]); // drafts are not promises yet
  });

  it('lists moved due dates with every reason', () => {
    const [s] = slippedDueDates(midYear().state());
    expect(s).toMatchObject({ originalDueDate: '2027-01-29', currentDueDate: '2027-03-31' });
    expect(s!.changes[0]!.reason).toBe('Mentor training moved to spring.');
  });

  it('does not count setting a first due date as a slipped date', () => {
    const t = createTracker({ plan: testPlan() });
    ok(t.send(ev(as('editor'), 'a3', 'action.due-date.change', { dueDate: '2027-01-31', reason: 'First date set.' })));
    expect(slippedDueDates(t.state())).toEqual([]);
  });

  it('splits "you said, we did" into answered and waiting, oldest first', () => {
    const y = youSaidWeDid(testPlan());
    expect(y.answered.map((f) => f.id)).toEqual(['f1']);
    expect(y.unanswered.map((f) => f.id)).toEqual(['f2']);
  });
});

describe('measures', () => {
  const m = (direction: 'higher' | 'lower', values: number[]) =>
    MeasureSchema.parse({ id: 'm', title: 'M', unit: 'percent', direction, target: 60, observations: values.map((value, i) => ({ period: `202${i}`, value, source: 'survey' })) });

  it('knows whether the latest figure meets the target in the better direction', () => {
    expect(measureProgress(m('higher', [50, 58])).meetsTarget).toBe(false);
    expect(measureProgress(m('higher', [50, 60])).meetsTarget).toBe(true);
    expect(measureProgress(m('lower', [70, 58])).meetsTarget).toBe(true);
  });

  it('says whether things got better or worse, in words', () => {
    const p = measureProgress(m('lower', [55, 58]));
    expect(p.trend).toBe('worse');
    expect(p.summary).toBe('58% in 2021 against a target of 60% (lower is better): meets the target, worse than 2020.');
    expect(measureProgress(m('higher', [])).summary).toContain('No figures yet');
  });
});

describe('the scrutiny report', () => {
  it('dates a due-date change by the UK day it was made, not the UTC one', () => {
    const t = midYear();
    t.send(ev(as('lead'), 'a1', 'action.due-date.change', { dueDate: '2027-02-26', reason: 'Venue moved.' }, '2026-07-01T23:30:00Z'));
    const moved = scrutinyReport(t.state(), TODAY).slippedDueDates.find((s) => s.id === 'a1')!;
    expect(moved.changes[0]).toMatchObject({ on: '2026-07-02', by: 'Lee Lead' });
  });

  it('gathers everything a panel asks for, with names people recognise', () => {
    const r = scrutinyReport(midYear().state(), TODAY);
    expect(r.overdue).toEqual([
      { id: 'a1', title: 'Train designated teachers', owner: 'Owen Owner', ownerId: 'owner', leadAgency: 'Virtual School', leadAgencyId: 'vs', workstream: 'Education and Work', state: 'inProgress', dueDate: '2026-11-20', daysOverdue: 5, workingDaysOverdue: 3 },
    ]);
    expect(r.atRisk.map((a) => [a.id, a.reason])).toEqual([['a2', 'Two nurse posts vacant.']]);
    expect(r.counts).toMatchObject({ actions: 4, overdue: 1, atRisk: 1, reviewsOverdue: 1, slippedDueDates: 1, promisesWithoutEvidence: 2, principlesWithoutActions: 2, unansweredFeedback: 1, evidenceAwaitingReview: 1 });
    expect(r.counts.byStatus).toEqual({ red: 1, amber: 1, green: 2, blue: 0, grey: 0 });
    expect(r.lastMeeting).toEqual({ date: '2026-09-17', theme: 'Health' });
    expect(r.nextMeeting).toMatchObject({ date: '2026-12-10', papersDue: '2026-12-03', childrenInCareCouncilReportDue: '2026-11-19', minutesDue: '2026-12-24' });
    expect(r.youSaidWeDid.unanswered).toEqual([{ id: 'f2', said: 'Wifi in every placement.', date: '2026-06-15', daysWaiting: 163 }]);
  });
});
