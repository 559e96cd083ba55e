// The tracker folds the lifecycles without XState's runtime. These tests fold random event
// sequences through both the XState machines and the tracker's interpreter and check that
// they agree at every step: same state, same context, same "would it take this event".
import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import {
  actionLifecycle, ActionSchema, lifecycleAccepts, meetingLifecycle, MeetingSchema, promiseLifecycle, PromiseSchema, recommendationLifecycle,
  RecommendationSchema, restoreLifecycle, startLifecycle, stepLifecycle,
  type ActionEvent, type Lifecycle, type LifecycleSnapshot, type MeetingEvent, type PromiseEvent, type RecommendationEvent,
} from '@pledgeflow/core';
import { actionMachine, meetingMachine, promiseMachine, recommendationMachine } from '@pledgeflow/core/xstate';

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const people = [
  { userId: 'alice', agencyId: 'csc', role: 'plan-editor' },
  { userId: 'bob', agencyId: 'nhs', role: 'board-member' },
  { userId: 'cara', agencyId: 'police', role: 'partner-contributor' },
] as const;

const ACTION_STEPS: [ActionEvent['type'], (r: () => number) => Record<string, unknown>][] = [
  ['action.owner.change', (r) => ({ owner: r() < 0.5 ? 'alice' : 'bob' })],
  ['action.due-date.change', (r) => ({ dueDate: r() < 0.5 ? '2027-01-31' : '2027-03-31', reason: 'moved by the group' })],
  ['action.agree', () => ({})],
  ['action.start', () => ({})],
  ['action.progress', () => ({ note: 'Halfway there.' })],
  ['action.flag-risk', () => ({ reason: 'Staff shortage.' })],
  ['action.clear-risk', () => ({})],
  ['action.evidence.add', (r) => ({ evidenceId: `e${Math.floor(r() * 3)}`, summary: 'Training delivered.', date: '2026-05-01', ...(r() < 0.5 ? { link: 'https://intranet.example/e.pdf' } : {}) })],
  ['action.evidence.accept', (r) => ({ evidenceId: `e${Math.floor(r() * 3)}` })],
  ['action.evidence.return', (r) => ({ evidenceId: `e${Math.floor(r() * 3)}`, reason: 'Say how many came.' })],
  ['action.evidence.resubmit', (r) => ({ evidenceId: `e${Math.floor(r() * 3)}`, summary: 'Training for 40.', date: '2026-05-02' })],
  ['action.complete', () => ({})],
  ['action.verify', () => ({})],
  ['action.reopen', () => ({ reason: 'Only half done.' })],
  ['action.defer', (r) => ({ reason: 'Waiting for funding.', ...(r() < 0.5 ? { until: '2027-04-01' } : {}) })],
  ['action.resume', () => ({})],
  ['action.withdraw', () => ({ reason: 'Replaced by a national scheme.' })],
  ['action.review', (r) => (r() < 0.5 ? { nextReviewDate: '2027-02-01' } : {})],
];

const PROMISE_STEPS: [PromiseEvent['type'], (r: () => number) => Record<string, unknown>][] = [
  ['promise.adopt', () => ({})],
  ['promise.judge', (r) => ({ judgement: (['on-track', 'at-risk', 'kept', 'not-kept'] as const)[Math.floor(r() * 4)], reason: 'Said at the board.' })],
  ['promise.review', (r) => (r() < 0.5 ? { nextReviewDate: '2027-02-01' } : {})],
  ['promise.owner.change', (r) => ({ owner: r() < 0.5 ? 'alice' : 'bob' })],
  ['promise.retire', () => ({ reason: 'Merged with promise 2.' })],
  ['promise.restore', () => ({})],
];

const pickOf = <T>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;

// The main path first (papers, a report, a question, held, attendance, an answer, a decision, minutes), then the rest.
const MEETING_STEPS: [MeetingEvent['type'], (r: () => number) => Record<string, unknown>][] = [
  ['meeting.papers.send', () => ({})],
  ['meeting.report.submit', (r) => ({ workstream: pickOf(r, ['education', 'health', 'housing']), ...(r() < 0.5 ? { summary: 'Quarterly report.' } : {}) })],
  ['meeting.question.ask', (r) => ({ questionId: pickOf(r, ['q1', 'q2']), question: 'Why do placements change so often?' })],
  ['meeting.hold', () => ({})],
  ['meeting.attendance.record', (r) => ({ person: pickOf(r, ['alice', 'bob', 'cara']), ...(r() < 0.4 ? { standingInFor: pickOf(r, ['alice', 'bob', 'dev']) } : {}) })],
  ['meeting.question.answer', (r) => ({ questionId: pickOf(r, ['q1', 'q2', 'q3']), answer: 'A new matching team starts in May.' })],
  ['meeting.decision.record', (r) => ({ decisionId: pickOf(r, ['d1', 'd2']), decision: 'Ask housing for a plan.', ...(r() < 0.5 ? { action: 'a1' } : {}) })],
  ['meeting.minutes.publish', (r) => (r() < 0.5 ? { link: 'https://intranet.example/minutes.pdf' } : {})],
  ['meeting.apologies.record', (r) => ({ person: pickOf(r, ['alice', 'bob', 'cara']) })],
  ['meeting.attendance.remove', (r) => ({ person: pickOf(r, ['alice', 'bob', 'cara']), reason: 'Recorded by mistake.' })],
  ['meeting.reschedule', (r) => ({ date: pickOf(r, ['2026-03-15', '2026-05-20']), reason: 'Clashes with the budget meeting.' })],
  ['meeting.cancel', () => ({ reason: 'Not enough papers.' })],
];

const RECOMMENDATION_STEPS: [RecommendationEvent['type'], (r: () => number) => Record<string, unknown>][] = [
  ['recommendation.respond', (r) => ({ response: pickOf(r, ['accepted', 'partly-accepted', 'rejected'] as const), reason: 'Funding is for one year only.' })],
  ['recommendation.start', () => ({})],
  ['recommendation.update', () => ({ note: 'Two of three schools signed up.' })],
  ['recommendation.implement', () => ({})],
  ['recommendation.sign-off', (r) => (r() < 0.5 ? { note: 'Satisfied.' } : {})],
  ['recommendation.reopen', () => ({ reason: 'Only two schools so far.' })],
];

function agree<E extends { type: string }>(
  name: string,
  machine: typeof actionMachine | typeof promiseMachine | typeof meetingMachine | typeof recommendationMachine,
  lifecycle: Lifecycle<unknown, E, unknown>,
  input: unknown,
  steps: [E['type'], (r: () => number) => Record<string, unknown>][],
  stream: string,
  states: number,
) {
  it(`${name}: the interpreter and XState agree on 200 random sequences of 40 steps`, () => {
    let taken = 0;
    const seen = new Set<string>();
    for (let seq = 0; seq < 200; seq++) {
      const r = random(seq + 1);
      let [x] = initialTransition(machine as typeof actionMachine, input as never) as unknown as [AnyMachineSnapshot];
      let mine = startLifecycle(lifecycle, input);
      expect(mine.value).toEqual(x.value);
      expect(mine.context).toStrictEqual(x.context);
      for (let i = 0; i < 40; i++) {
        // Half the sequences start along the lifecycle's main path, so the later states are reached too.
        const [type, data] = (seq % 2 === 0 && i < steps.length ? steps[i] : undefined) ?? steps[Math.floor(r() * steps.length)]!;
        const event = { id: `${seq}-${i}`, stream, type, data: data(r), actor: people[Math.floor(r() * people.length)], at: `2026-0${1 + (i % 9)}-1${i % 10}T10:00:00Z` } as unknown as E;
        const can = x.can(event as never);
        expect(lifecycleAccepts(lifecycle, mine, event), `sequence ${seq} step ${i} (${type}) from ${JSON.stringify(x.value)}`).toBe(can);
        [x] = transition(machine as typeof actionMachine, x as never, event as never) as unknown as [AnyMachineSnapshot];
        mine = stepLifecycle(lifecycle, mine, event);
        expect(mine.value, `sequence ${seq} step ${i}`).toEqual(x.value);
        expect(mine.context, `sequence ${seq} step ${i}`).toStrictEqual(x.context);
        expect(mine.status).toBe(x.status);
        if (can) taken++;
        seen.add(JSON.stringify(x.value));
      }
    }
    // The sequences must exercise the machine, not bounce off its first state.
    expect(taken).toBeGreaterThan(800);
    expect(seen.size).toBe(states);
  }, 60_000);
}

describe('folding without XState', () => {
  const action = ActionSchema.parse({ id: 'a1', title: 'Model item', leadAgency: 'csc', workstream: 'ws' });
  agree('action', actionMachine, actionLifecycle as never, action, ACTION_STEPS, 'a1', 8);
  const promise = PromiseSchema.parse({ id: 'p1', number: 1, title: 'Help with school', childFriendly: 'We will help.', owner: 'alice', principles: [5] });
  agree('promise', promiseMachine, promiseLifecycle as never, promise, PROMISE_STEPS, 'p1', 7);
  const meeting = MeetingSchema.parse({ id: 'board-2026-03-15', date: '2026-03-15', theme: 'Health', reports: ['education', 'health'] });
  agree('meeting', meetingMachine, meetingLifecycle as never, meeting, MEETING_STEPS, 'board-2026-03-15', 5);
  const recommendation = RecommendationSchema.parse({ id: 'r1', review: 'rv', number: 1, title: 'Every school names a designated teacher.', madeOn: '2026-01-10' });
  agree('recommendation', recommendationMachine, recommendationLifecycle as never, recommendation, RECOMMENDATION_STEPS, 'r1', 8);

  it('gives back the same snapshot when the machine does not take the event', () => {
    const start = startLifecycle(actionLifecycle, action);
    const event = { id: 'x', stream: 'a1', type: 'action.start', data: {}, actor: people[0], at: '2026-01-01T10:00:00Z' } as ActionEvent;
    expect(stepLifecycle(actionLifecycle, start, event)).toBe(start);
  });

  it('takes nothing once an item is verified or withdrawn (final states)', () => {
    const withdrawn = restoreLifecycle(actionLifecycle, 'withdrawn', startLifecycle(actionLifecycle, action).context)!;
    expect(withdrawn.status).toBe('done');
    for (const [type, data] of ACTION_STEPS) {
      const event = { id: 'x', stream: 'a1', type, data: data(random(1)), actor: people[0], at: '2026-01-01T10:00:00Z' } as ActionEvent;
      expect(lifecycleAccepts(actionLifecycle, withdrawn, event), type).toBe(false);
    }
  });

  it('restores only values that are states of the machine', () => {
    const context = startLifecycle(promiseLifecycle, promise).context;
    expect(restoreLifecycle(promiseLifecycle, { adopted: 'kept' }, context)?.value).toEqual({ adopted: 'kept' });
    const bad: unknown[] = ['adopted', { adopted: 'nope' }, 'nope', { drafted: 'x' }, 42, null, { adopted: 'kept', retired: 'x' }, 'constructor'];
    for (const value of bad) expect(restoreLifecycle(promiseLifecycle, value, context), JSON.stringify(value)).toBeUndefined();
    const snapshot: LifecycleSnapshot | undefined = restoreLifecycle(actionLifecycle, 'atRisk', startLifecycle(actionLifecycle, action).context);
    expect(snapshot?.status).toBe('active');
  });
});
