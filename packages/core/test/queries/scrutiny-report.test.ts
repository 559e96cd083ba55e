// The scrutiny report works in one pass over compact lines remembered per action view, and
// remembers its rows per plan state and day; these check that it and the queries it is made of
// still give exactly what the plain queries gave (reference.ts), on random plans and logs full
// of the awkward cases: server seq, offsets, 23:xx UTC, no due date, hand-built states.
import { describe, expect, it } from 'vitest';
import {
  bragStatus, changesSince, countChangesSince, createTracker, isCanonicalInstant, evidenceAwaitingReview, overdueActions, principlesWithoutActions,
  promisesWithoutEvidence, reviewsOverdue, rollUp, scrutinyReport, slippedDueDates, type ActionView, type EventInput,
  type PlanState, type PledgeEvent, type Tracker,
} from '@pledgeflow/core';
import { as, ev, planInput, testPlan } from '../fixtures.js';
import { prng } from '../prng.js';
import * as reference from './reference.js';

const DAY = 86_400_000;

/** An instant written as a sync client or server might: mostly UTC, sometimes with an offset, at any hour (23:xx UTC is the next day in BST). */
function stamp(time: number, random: () => number): string {
  const iso = new Date(time).toISOString();
  const roll = random();
  if (roll < 0.1) {
    const local = new Date(time + 3_600_000).toISOString().slice(0, 19);
    return `${local}+01:00`;
  }
  if (roll < 0.15) return `${new Date(time - 5 * 3_600_000).toISOString().slice(0, 19)}-05:00`;
  if (roll < 0.2) return iso.slice(0, 19) + 'Z'; // whole seconds
  if (roll < 0.23) return iso.slice(0, 16) + 'Z'; // minutes only
  return iso;
}

interface Scenario {
  tracker: Tracker;
  /** Days to report on: before, during and after the plan's dates. */
  days: string[];
}

/** A plan of 30 to 60 actions with random settings, and a few hundred random steps that the engine accepted. */
function scenario(seed: number): Scenario {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const date = (from: string, days: number) => new Date(Date.parse(from) + Math.floor(random() * days) * DAY).toISOString().slice(0, 10);
  const owners = ['owner', 'lead', 'board2', 'nurse', 'ghost'];
  const workstreams = ['education', 'health', 'housing'];
  const actions = Array.from({ length: 30 + Math.floor(random() * 30) }, (_, i) => ({
    id: `x${i}`,
    title: `Action ${i}`,
    leadAgency: pick(['csc', 'vs', 'nhs', 'police', 'unlisted']),
    ...(random() < 0.85 ? { owner: pick(owners) } : {}),
    partners: random() < 0.5 ? [pick(['csc', 'vs', 'nhs', 'police'])] : [],
    workstream: pick(workstreams),
    promises: random() < 0.2 ? [] : random() < 0.1 ? ['p1', 'p1'] : [pick(['p1', 'p2', 'p3'])],
    principles: Array.from({ length: Math.floor(random() * 3) }, () => 1 + Math.floor(random() * 6)),
    ...(random() < 0.8 ? { dueDate: date('2026-06-01', 500) } : {}),
    ...(random() < 0.7 ? { reviewDate: date('2026-05-01', 400) } : {}),
  }));
  const plan = testPlan({
    actions,
    promises: [
      ...planInput.promises!,
      { id: 'p3', number: 3, title: 'A home', childFriendly: 'We will help you find a home.', owner: 'ghost', principles: [6], reviewDate: '2027-01-15' },
    ],
    brag: { redAfterWorkingDays: pick([0, 0, 3]), amberWithinWorkingDays: pick([0, 0, 10]), amberWhenReviewOverdue: random() < 0.7 },
    board: { closures: random() < 0.5 ? ['2026-12-29', '2026-12-30', '2026-12-31', '2027-04-06'] : [] },
    meetings: random() < 0.8 ? [{ id: 'board-2026-09-17', date: '2026-09-17', theme: 'Health' }, { id: 'board-2027-01-21', date: '2027-01-21', theme: 'Homes' }, { id: 'board-2026-12-10', date: '2026-12-10', theme: 'Education' }] : [],
  });
  // The scenario's steps run through 2027, whatever day the tests run.
  const t = createTracker({ plan, now: () => Date.parse('2029-01-01T00:00:00Z') });
  let time = Date.parse('2026-04-02T08:00:00Z');
  let evidence = 0;
  const people = ['editor', 'editor', 'lead', 'owner', 'nurse'];
  // Deferring and withdrawing end most of an action's story, so they are rare.
  const rarely: [EventInput['type'], Record<string, unknown>][] = [['action.defer', { reason: 'Next year.' }], ['action.resume', {}], ['action.withdraw', { reason: 'No longer needed.' }]];
  const evidenceOf = new Map<string, string[]>();
  const someEvidence = (stream: string) => pick(evidenceOf.get(stream) ?? ['none']);
  // Most work gets going in the first weeks; a few actions stay drafts.
  for (const a of actions) {
    if (random() < 0.9) t.send(ev(as('editor'), a.id, 'action.agree', {}, stamp((time += 600_000), random)));
    if (random() < 0.8) t.send(ev(as('editor'), a.id, 'action.start', {}, stamp((time += 600_000), random)));
  }
  for (const p of ['p1', 'p2']) t.send(ev(as('board'), p, 'promise.adopt', {}, stamp((time += 600_000), random)));
  for (let i = 0; i < 1200; i++) {
    // Mostly minutes apart, now and then days; a third of the steps land in the hour before midnight UTC.
    time += random() < 0.9 ? Math.floor(random() * 90) * 60_000 : Math.floor(random() * 20) * DAY;
    const at = random() < 0.3 ? Math.floor(time / DAY) * DAY + 23 * 3_600_000 + Math.floor(random() * 3_600_000) : time;
    const stream = random() < 0.08 ? pick(['p1', 'p2', 'p3']) : pick(actions).id;
    const steps: [EventInput['type'], Record<string, unknown>][] = stream.startsWith('p')
      ? [['promise.adopt', {}], ['promise.review', {}], ['promise.review', {}], ['promise.retire', { reason: 'Merged.' }], ['promise.restore', {}]]
      : [
          ['action.agree', {}], ['action.start', {}], ['action.progress', { note: 'n' }], ['action.progress', { note: 'n' }],
          ['action.flag-risk', { reason: 'Staff left.' }], ['action.clear-risk', {}], ['action.complete', {}], ['action.complete', {}],
          ['action.verify', {}], ['action.reopen', { reason: 'Not done after all.' }], ['action.review', {}], ['action.review', {}],
          ['action.owner.change', { owner: pick(owners) }], ['action.due-date.change', { dueDate: date('2026-05-01', 600), reason: 'Moved by the board.' }],
          ['action.due-date.change', { dueDate: date('2026-05-01', 600), reason: 'Moved again.' }],
          ['action.evidence.add', { evidenceId: `e${++evidence}`, summary: 'Delivered.', date: '2026-06-01' }],
          ['action.evidence.add', { evidenceId: `e${++evidence}`, summary: 'Delivered.', date: '2026-06-01' }],
          ['action.evidence.accept', { evidenceId: someEvidence(stream) }],
          ['action.evidence.accept', { evidenceId: someEvidence(stream) }],
          ['action.evidence.return', { evidenceId: someEvidence(stream), reason: 'Too thin.' }],
          ...(random() < 0.1 ? rarely : []),
        ];
    const [type, data] = pick(steps);
    // The board checks evidence and verifies; someone else does the rest.
    const actor = type === 'action.evidence.accept' || type === 'action.evidence.return' || type === 'action.verify' || stream.startsWith('p') ? pick(['board', 'board2']) : pick(people);
    const sent = t.send(ev(as(actor), stream, type, data, stamp(at, random)));
    if (sent.ok && type === 'action.evidence.add') evidenceOf.set(stream, [...(evidenceOf.get(stream) ?? []), data['evidenceId'] as string]);
  }
  return { tracker: t, days: ['2026-04-01', '2026-09-18', '2026-12-31', '2027-01-04', date('2026-06-01', 500), '2028-06-30'] };
}

/** The same log as a sync server would hand it back: the first events carry its `seq`, the rest are still local. */
function withServerSeq(tracker: Tracker, seed: number): Tracker {
  const random = prng(seed);
  const log = tracker.events();
  const sent = Math.floor(log.length * random());
  const events = log.map((e, i): PledgeEvent => (i < sent ? { ...e, seq: i + 1 } : e));
  const reloaded = createTracker({ plan: tracker.plan, events: events.reverse() });
  expect(reloaded.rejected).toEqual([]);
  return reloaded;
}

/** Same answers, same keys in the same order (JSON), as the plain queries. */
function expectSameAnswers(state: PlanState, today: string) {
  const expected = JSON.stringify(reference.scrutinyReport(state, today));
  expect(JSON.stringify(scrutinyReport(state, today))).toBe(expected);
  expect(JSON.stringify(scrutinyReport(state, today)), 'asked again').toBe(expected);
  const calendar = { closures: state.plan.board.closures };
  expect(overdueActions(state, today)).toEqual(reference.overdueActions(state, today));
  expect(overdueActions(state, today, calendar)).toEqual(reference.overdueActions(state, today, calendar));
  expect(reviewsOverdue(state, today)).toEqual(reference.reviewsOverdue(state, today));
  expect(evidenceAwaitingReview(state, today)).toEqual(reference.evidenceAwaitingReview(state, today));
  for (const by of ['promise', 'workstream', 'agency', 'owner', 'principle'] as const) {
    expect(rollUp(state, today, by)).toEqual(reference.rollUp(state, today, by));
  }
  for (const a of state.actions) {
    expect(bragStatus(a, today, state.plan.brag, calendar)).toEqual(reference.bragStatus(a, today, state.plan.brag, calendar));
  }
}

describe('the scrutiny report and the queries it is made of', () => {
  for (const seed of [1, 2, 3, 5, 8, 13, 21, 34]) {
    it(`give what the plain queries give, whatever the day (seed ${seed})`, () => {
      const { tracker, days } = scenario(seed);
      expect(tracker.events().length).toBeGreaterThan(150);
      const state = tracker.state();
      for (const today of days) expectSameAnswers(state, today);
      // Back to an earlier day on the same state.
      expectSameAnswers(state, days[0]!);
      expect(slippedDueDates(state)).toEqual(reference.slippedDueDates(state));
      expect(promisesWithoutEvidence(state)).toEqual(reference.promisesWithoutEvidence(state));
      expect(principlesWithoutActions(state)).toEqual(reference.principlesWithoutActions(state));
    });
  }

  it('counts what happened since a day the same way when a server has put its seq on some events', () => {
    for (const seed of [4, 9, 16]) {
      const { tracker, days } = scenario(seed);
      const state = withServerSeq(tracker, seed).state();
      expect(state.events.some((e) => e.seq !== undefined)).toBe(true);
      // The scenario sends times with offsets; the tracker keeps them in one form (UTC, ms, Z).
      // Other forms reach the queries only in states built by hand: see the test of a UK day's edge.
      expect(state.events.every((e) => isCanonicalInstant(e.at))).toBe(true);
      for (const day of [...days, '2026-05-31', '2026-10-24', '2026-10-25', '2026-03-28']) {
        expect(countChangesSince(state, day)).toBe(reference.countChangesSince(state, day));
        expect(changesSince(state, day).map((c) => c.event.id)).toEqual(reference.changesSince(state, day).map((c) => c.event.id));
      }
      expectSameAnswers(state, days[2]!);
    }
  });

  it('stays right as the plan changes, step by step (the unchanged actions\' lines are kept)', () => {
    const { tracker } = scenario(55);
    const today = '2026-12-31';
    const a = tracker.state().actions.find((x) => x.state === 'inProgress' || x.state === 'atRisk')!;
    const steps: [EventInput['type'], Record<string, unknown>][] = [
      ['action.due-date.change', { dueDate: '2027-02-26', reason: 'Venue moved.' }],
      ['action.evidence.add', { evidenceId: 'late-1', summary: 'Photos.', date: '2026-11-01' }],
      ['action.flag-risk', { reason: 'Funding.' }],
      ['action.owner.change', { owner: a.owner === 'nurse' ? 'lead' : 'nurse' }],
      ['action.evidence.accept', { evidenceId: 'late-1' }],
      ['action.complete', {}],
    ];
    let at = Date.parse(tracker.events().at(-1)!.at);
    for (const [type, data] of steps) {
      const before = tracker.state();
      scrutinyReport(before, today);
      // 23:15 UTC: the next day in London in summer, the same day in winter.
      at = Math.floor(at / DAY) * DAY + DAY + 23.25 * 3_600_000;
      const sent = tracker.send(ev(as(type === 'action.evidence.accept' ? 'board' : 'editor'), a.id, type, data, new Date(at).toISOString()));
      expect(sent.ok, `${type}: ${sent.ok ? '' : sent.reasons.join(' ')}`).toBe(true);
      const after = tracker.state();
      expect(after).not.toBe(before);
      expectSameAnswers(after, today);
    }
  });

  it('stays right after every single step, and a report already handed out never changes (rows of unchanged actions are kept from the last report)', () => {
    for (const seed of [3, 14]) {
      const { tracker, days } = scenario(seed);
      const today = days[2]!;
      const t = createTracker({ plan: tracker.plan, now: () => Date.parse('2029-01-01T00:00:00Z') });
      const handedOut: [ReturnType<typeof scrutinyReport>, string][] = [];
      tracker.events().forEach((event, i) => {
        expect(t.send(event).ok).toBe(true);
        const state = t.state();
        const report = scrutinyReport(state, today);
        const json = JSON.stringify(report);
        expect(json, `after step ${i} (${event.type})`).toBe(JSON.stringify(reference.scrutinyReport(state, today)));
        if (i % 10 === 0) handedOut.push([report, json]);
        // Now and then another day, then back: the rows of the first day are made again, not mixed up.
        if (i % 97 === 0) expect(JSON.stringify(scrutinyReport(state, days[4]!))).toBe(JSON.stringify(reference.scrutinyReport(state, days[4]!)));
      });
      expect(handedOut.length).toBeGreaterThan(10);
      for (const [report, json] of handedOut) expect(JSON.stringify(report)).toBe(json);
    }
  });

  it('hands out frozen lists and rows: changing one fails and does not change the next', () => {
    const state = scenario(6).tracker.state();
    const first = scrutinyReport(state, '2026-12-31');
    const expected = JSON.stringify(first);
    expect(first.slippedDueDates.length).toBeGreaterThan(0);
    expect(first.overdue.length).toBeGreaterThan(0);
    expect(() => {
      (first.overdue as unknown[]).length = 0;
    }).toThrow(TypeError);
    expect(() => (first.slippedDueDates[0]!.changes as unknown[]).push({ to: '2099-01-01', reason: 'x', on: 'x', by: 'x' })).toThrow(TypeError);
    expect(() => (first.byWorkstream[0]!.actions as string[]).push('nonsense')).toThrow(TypeError);
    expect(() => {
      (first.counts.byStatus as Record<string, number>)['red'] = -1;
    }).toThrow(TypeError);
    expect(() => {
      (first.overdue[0] as { title: string }).title = 'changed';
    }).toThrow(TypeError);
    expect(JSON.stringify(scrutinyReport(state, '2026-12-31'))).toBe(expected);
  });

  it('reads a state built by hand, whose actions are not frozen, afresh each time', () => {
    const state = scenario(7).tracker.state();
    const actions = state.actions.map((a) => ({ ...a, evidence: [...a.evidence], dueDateChanges: [...a.dueDateChanges] }) as ActionView);
    const byHand: PlanState = { plan: state.plan, actions, promises: state.promises, meetings: state.meetings, recommendations: state.recommendations, events: state.events };
    expectSameAnswers(byHand, '2026-12-31');
    const open = actions.find((a) => a.dueDate && a.state !== 'completed' && a.state !== 'verified' && a.state !== 'deferred' && a.state !== 'withdrawn')!;
    (open as { state: string }).state = 'completed';
    (open as { dueDateChanges: unknown[] }).dueDateChanges.push({ from: '2026-01-01', to: '2030-01-01', reason: 'Later.', at: '2026-12-01T10:00:00Z', by: 'editor' });
    expectSameAnswers(byHand, '2026-12-31');
  });

  it('gives the same answers for actions with no due date, no review date and no owner', () => {
    const plan = testPlan({ actions: [{ id: 'bare', title: 'Nothing set yet', leadAgency: 'csc', workstream: 'education' }] });
    const state = createTracker({ plan }).state();
    for (const today of ['2026-04-01', '2031-01-01']) expectSameAnswers(state, today);
    expect(scrutinyReport(state, '2026-04-01').counts.byStatus.green).toBe(1);
  });

  it('counts changes at the edge of a UK day however their times are written, with or without a server seq', () => {
    // The UK day 2026-07-02 starts at 2026-07-01T23:00Z (BST); 2026-12-02 at 2026-12-02T00:00Z (GMT).
    const times = [
      '2026-07-01T22:59:59.999Z', '2026-07-01T23:00Z', '2026-07-01T23:00:00Z', '2026-07-02T00:00:00+01:00', '2026-07-01T23:59:59-00:00',
      '2026-07-01T24:00:00Z', '2026-07-01T18:59:59-04:00', '2026-12-01T23:59:59.999999Z', '2026-12-01T24:00Z', '2026-12-02T00:00:00.000Z',
      '2026-12-02T00:30:00+01:00', '2026-12-02T00:00:00+00:00',
    ];
    const t = createTracker({ plan: testPlan() });
    expect(t.send(ev(as('lead'), 'a1', 'action.agree', {}, '2026-06-01T09:00:00Z')).ok).toBe(true);
    expect(t.send(ev(as('owner'), 'a1', 'action.start', {}, '2026-06-02T09:00:00Z')).ok).toBe(true);
    for (const at of times) expect(t.send(ev(as('owner'), 'a1', 'action.progress', { note: at }, at)).ok, at).toBe(true);
    const check = (state: PlanState) => {
      for (const since of ['2026-06-30', '2026-07-01', '2026-07-02', '2026-11-30', '2026-12-01', '2026-12-02']) {
        expect(countChangesSince(state, since), since).toBe(reference.countChangesSince(state, since));
        expect(changesSince(state, since).map((c) => c.event.id)).toEqual(reference.changesSince(state, since).map((c) => c.event.id));
      }
    };
    check(t.state());
    expect(countChangesSince(t.state(), '2026-07-01')).toBe(10); // not 22:59:59.999Z, nor 18:59:59-04:00 (22:59:59Z)
    expect(countChangesSince(t.state(), '2026-12-01')).toBe(3); // from 2026-12-01T24:00Z on, less the 00:30+01:00 (23:30Z the day before)
    // A server has sequenced the later events: they come first in canonical order, out of time order.
    const log = t.events().map((e, i, all): PledgeEvent => (i >= all.length - 6 ? { ...e, seq: all.length - i } : e));
    check(createTracker({ plan: testPlan(), events: log }).state());
  });
});
