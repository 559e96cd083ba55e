// "Review overdue" is its own word beside BRAG: amber still, but told apart from "flagged at risk".
import { describe, expect, it } from 'vitest';
import { amberReason, createTracker, REVIEW_OVERDUE_LABEL, scrutinyReport } from '@pledgeflow/core';
import { as, ev, testPlan } from '../fixtures.js';

describe('review overdue beside BRAG', () => {
  const tracker = createTracker({ plan: testPlan() });
  const steps = [
    ['lead', 'a1', 'action.agree', {}], ['owner', 'a1', 'action.start', {}],
    ['lead', 'a4', 'action.agree', {}], ['owner', 'a4', 'action.start', {}], ['owner', 'a4', 'action.flag-risk', { reason: 'Mentors left.' }],
  ] as const;
  steps.forEach(([who, id, type, data], i) => {
    const r = tracker.send(ev(as(who), id, type, data, `2026-05-0${i + 1}T09:00:00Z`));
    if (!r.ok) throw new Error(r.reasons.join(' '));
  });
  const today = '2026-11-02'; // a1's review (1 October) has passed; it is due 20 November

  it('says why an action is amber: its review date passed, or it was flagged', () => {
    const state = tracker.state();
    const a1 = state.actions.find((a) => a.id === 'a1')!;
    const a4 = state.actions.find((a) => a.id === 'a4')!;
    expect(amberReason(a1, today)).toBe('review');
    expect(amberReason(a4, today)).toBe('flagged');
    expect(amberReason(a1, today, { amberWhenReviewOverdue: false })).toBeUndefined();
    expect(REVIEW_OVERDUE_LABEL).toBe('Review overdue');
  });

  it('gives every action its BRAG status in the JSON report, with why amber, and counts "at risk" as flagged only', () => {
    const report = scrutinyReport(tracker.state(), today);
    const byId = Object.fromEntries(report.actions.map((a) => [a.id, a]));
    expect(byId['a1']).toEqual({ id: 'a1', title: 'Train designated teachers', status: 'amber', label: 'At risk', amberBecause: 'review' });
    expect(byId['a4']).toMatchObject({ status: 'amber', amberBecause: 'flagged' });
    expect(byId['a3']).toEqual({ id: 'a3', title: 'Draft without an owner', status: 'green', label: 'On track' });
    expect(report.actions.map((a) => a.id)).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(report.counts.atRisk).toBe(1);
    expect(report.counts.byStatus.amber).toBe(2);
    expect(report.reviewsOverdue.map((r) => r.id)).toEqual(['a1']);
    expect(Object.isFrozen(report.actions)).toBe(true);
  });

  it('lists actions due in the next ten working days, soonest first', () => {
    const report = scrutinyReport(tracker.state(), '2026-11-10');
    expect(report.dueSoon).toEqual([{ id: 'a1', title: 'Train designated teachers', owner: 'Owen Owner', dueDate: '2026-11-20', daysLeft: 10 }]);
    expect(report.counts.dueSoon).toBe(1);
  });
});
