import { assign, setup } from 'xstate';
import { addDays, londonDate } from '../calendar/dates.js';
import type { PledgeEvent, PromiseEventType } from '../schema/events.js';
import type { PledgePromise } from '../schema/plan.js';

/** Bump when the machine changes in a way that makes stored snapshots stale. */
export const PROMISE_MACHINE_VERSION = 1;

export type PromiseEvent = PledgeEvent<PromiseEventType>;
export type Judgement = 'on-track' | 'at-risk' | 'kept' | 'not-kept';

export { PROMISE_STATES, type PromiseState } from './states.js';

export interface PromiseContext {
  id: string;
  owner: string;
  reviewDate?: string;
  lastReviewedOn?: string;
  /** The board's latest judgement and why. */
  judgement?: { value: Judgement; reason?: string; at: string; by: string };
  retiredReason?: string;
}

/** Days between promise reviews when the board gives no date: a quarter. */
export const PROMISE_REVIEW_DAYS = 91;

type Check = (context: PromiseContext, event: PromiseEvent) => string | undefined;

export const promiseChecks = {
  ownerChanges: (c, e) =>
    c.owner === (e.data as { owner: string }).owner ? 'That person already owns this promise.' : undefined,
} satisfies Record<string, Check>;

const judgementIs = (event: PromiseEvent, value: Judgement) => (event.data as { judgement?: Judgement }).judgement === value;

export const promiseMachine = setup({
  types: {
    context: {} as PromiseContext,
    events: {} as PromiseEvent,
    input: {} as PledgePromise,
  },
  guards: {
    judgementIs: ({ event }, params: { value: Judgement }) => judgementIs(event, params.value),
    ownerChanges: ({ context, event }) => !promiseChecks.ownerChanges(context, event),
  },
  actions: {
    recordJudgement: assign({
      judgement: ({ event }) => {
        const d = event.data as { judgement: Judgement; reason?: string };
        return { value: d.judgement, ...(d.reason ? { reason: d.reason } : {}), at: event.at, by: event.actor.userId };
      },
    }),
    recordReview: assign(({ event }) => {
      const on = londonDate(event.at);
      const next = (event.data as { nextReviewDate?: string }).nextReviewDate ?? addDays(on, PROMISE_REVIEW_DAYS);
      return { lastReviewedOn: on, reviewDate: next };
    }),
    setOwner: assign({ owner: ({ event }) => (event.data as { owner: string }).owner }),
    retire: assign({ retiredReason: ({ event }) => (event.data as { reason: string }).reason }),
    restore: assign({ retiredReason: undefined }),
  },
}).createMachine({
  id: 'promise',
  context: ({ input }) => ({
    id: input.id,
    owner: input.owner,
    ...(input.reviewDate ? { reviewDate: input.reviewDate } : {}),
  }),
  initial: 'drafted',
  on: {
    'promise.owner.change': { guard: 'ownerChanges', actions: 'setOwner' },
  },
  states: {
    drafted: {
      on: {
        'promise.adopt': { target: 'adopted' },
        'promise.retire': { target: 'retired', actions: 'retire' },
      },
    },
    adopted: {
      initial: 'unjudged',
      on: {
        'promise.judge': [
          { target: '.onTrack', guard: { type: 'judgementIs', params: { value: 'on-track' } }, actions: 'recordJudgement' },
          { target: '.kept', guard: { type: 'judgementIs', params: { value: 'kept' } }, actions: 'recordJudgement' },
          { target: '.atRisk', guard: { type: 'judgementIs', params: { value: 'at-risk' } }, actions: 'recordJudgement' },
          { target: '.notKept', guard: { type: 'judgementIs', params: { value: 'not-kept' } }, actions: 'recordJudgement' },
        ],
        'promise.review': { actions: 'recordReview' },
        'promise.retire': { target: 'retired', actions: 'retire' },
      },
      states: {
        unjudged: {},
        onTrack: {},
        atRisk: {},
        kept: {},
        notKept: {},
      },
    },
    retired: {
      on: {
        'promise.restore': { target: 'adopted', actions: 'restore' },
      },
    },
  },
});

export type PromiseMachine = typeof promiseMachine;
