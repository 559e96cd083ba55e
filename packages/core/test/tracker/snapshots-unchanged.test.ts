// A fold writes its context updates in place, on contexts it made itself and no one has seen
// (machines/lifecycle.ts, foldPrivately): these check that nothing handed out before (a
// snapshot, a view, a fold's result) changes when later events are folded on top of it, and
// that an event its lifecycle would take but the plan refuses (personal data, in a plan that
// refuses it) leaves no trace in the state.
import { describe, expect, it } from 'vitest';
import { actionLifecycle, createTracker, fold, startLifecycle, stepLifecycle, type EventInput, type PledgeEvent } from '@pledgeflow/core';
import { as, ev, ok, testPlan } from '../fixtures.js';

const step = (type: EventInput['type'], data: Record<string, unknown>, at: string, who = 'editor') => ev(as(who), 'a1', type, data, at) as PledgeEvent;

describe('snapshots and views already handed out', () => {
  it('stay as they were while later events are folded on top of them, sent, received or replayed', () => {
    const plan = testPlan();
    const first = [
      step('action.agree', {}, '2026-06-01T09:00:00Z'),
      step('action.start', {}, '2026-06-01T09:30:00Z'),
      step('action.progress', { note: 'Tutors booked.' }, '2026-06-02T10:00:00Z'),
      step('action.due-date.change', { dueDate: '2027-03-31', reason: 'Venue moved.' }, '2026-06-03T10:00:00Z'),
    ];
    const later = [
      step('action.progress', { note: 'First sessions held.' }, '2026-06-04T10:00:00Z'),
      step('action.flag-risk', { reason: 'Staff left.' }, '2026-06-05T10:00:00Z'),
      step('action.evidence.add', { evidenceId: 'e1', summary: 'Register of sessions.', date: '2026-06-05' }, '2026-06-05T11:00:00Z'),
      step('action.due-date.change', { dueDate: '2027-06-30', reason: 'Moved again.' }, '2026-06-06T10:00:00Z'),
      step('action.clear-risk', {}, '2026-06-07T10:00:00Z'),
    ];
    const t = createTracker({ plan, events: first });
    const snapshots = t.snapshots();
    const view = t.getAction('a1')!;
    const held = JSON.stringify({ snapshots, view });
    const heldSnapshot = snapshots.find((s) => s.stream === 'a1')!;
    const folded = fold(plan, 'a1', first);
    const heldFold = JSON.stringify(folded);

    for (const e of later.slice(0, 3)) ok(t.send(e));
    // An event from before the others: the item is folded again from its first event.
    t.receive([step('action.progress', { note: 'Venue found.' }, '2026-06-01T09:45:00Z')]);
    for (const e of later.slice(3)) ok(t.send(e));
    // Folded on from the snapshots and the fold's result, as a store and a server do.
    const reloaded = createTracker({ plan, snapshots, events: later });
    const onward = fold(plan, 'a1', later, folded.snapshot);
    createTracker({ plan, events: [...first, ...later] });

    expect(t.getAction('a1')!.evidence).toHaveLength(1);
    expect(reloaded.getAction('a1')!.dueDate).toBe('2027-06-30');
    expect(onward.applied).toHaveLength(later.length);
    expect(JSON.stringify({ snapshots, view })).toBe(held);
    expect(JSON.stringify(folded)).toBe(heldFold);
    expect((heldSnapshot.context as { dueDate: string }).dueDate).toBe('2027-03-31');
    expect(view.lastProgress?.note).toBe('Tutors booked.');
    // Two folds over the same events give equal states, never one shared context.
    const again = fold(plan, 'a1', [...first, ...later]);
    const twice = fold(plan, 'a1', [...first, ...later]);
    expect(again.snapshot.context).toEqual(twice.snapshot.context);
    expect(again.snapshot.context).not.toBe(twice.snapshot.context);
  });

  it('stay as they were when the lifecycle is stepped on from them outside a fold', () => {
    const plan = testPlan();
    const item = plan.actions.find((a) => a.id === 'a1')!;
    let s = startLifecycle(actionLifecycle, item);
    for (const e of [step('action.agree', {}, '2026-06-01T09:00:00Z'), step('action.start', {}, '2026-06-01T09:30:00Z')]) s = stepLifecycle(actionLifecycle, s, e as never);
    const noted = stepLifecycle(actionLifecycle, s, step('action.progress', { note: 'Tutors booked.' }, '2026-06-02T10:00:00Z') as never);
    const held = JSON.stringify(noted);
    const next = stepLifecycle(actionLifecycle, noted, step('action.progress', { note: 'Sessions held.' }, '2026-06-03T10:00:00Z') as never);
    stepLifecycle(actionLifecycle, next, step('action.flag-risk', { reason: 'Staff left.' }, '2026-06-04T10:00:00Z') as never);
    expect(JSON.stringify(noted)).toBe(held);
    expect(next.context).not.toBe(noted.context);
  });

  it('keep no trace of an event the lifecycle would take and the plan refuses (personal data)', () => {
    const plan = testPlan({ privacy: 'refuse' });
    const refused = step('action.progress', { note: 'Met Jo, DOB 03/03/2012, at school.' }, '2026-06-03T10:00:00Z');
    const events = [
      step('action.agree', {}, '2026-06-01T09:00:00Z'),
      step('action.start', {}, '2026-06-01T09:30:00Z'),
      step('action.progress', { note: 'Tutors booked.' }, '2026-06-02T10:00:00Z'),
      refused,
      step('action.flag-risk', { reason: 'Staff left.' }, '2026-06-04T10:00:00Z'),
    ];
    const t = createTracker({ plan, events });
    expect(t.rejected.map((r) => r.event.id)).toEqual([refused.id]);
    const a1 = t.getAction('a1')!;
    expect(a1.state).toBe('atRisk');
    expect(a1.lastProgress?.note).toBe('Tutors booked.');
    const without = createTracker({ plan, events: events.filter((e) => e !== refused) });
    const stateOf = (x: typeof t) => JSON.stringify(x.snapshots().map(({ stream, value, context }) => ({ stream, value, context })));
    expect(stateOf(t)).toBe(stateOf(without));
  });
});
