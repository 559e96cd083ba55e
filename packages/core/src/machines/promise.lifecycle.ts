import { addDays, londonDate } from '../calendar/dates.js';
import type { PledgeEvent, PromiseEventType } from '../schema/events.js';
import type { EventOf } from '../schema/is-event.js';
import type { PledgePromise } from '../schema/plan.js';
import { forSteps } from './for-steps.js';
import type { Lifecycle } from './lifecycle.js';

/**
 * Bump when the machine, or the checks every event passes, change in a way that makes
 * stored snapshots stale. 2: actors checked against the plan's people, times against the
 * plan's period, every stored event read in full (snapshots made before were made without).
 */
export const PROMISE_MACHINE_VERSION = 2;

export type PromiseEvent = PledgeEvent<PromiseEventType>;
export type Judgement = 'on-track' | 'at-risk' | 'kept' | 'not-kept';

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
  ownerChanges: forSteps('promise.owner.change', (c: PromiseContext, e) => (c.owner === e.data.owner ? 'That person already owns this promise.' : undefined), undefined),
} satisfies Record<string, Check>;

/** The promise machine's guards: allowed when true. `judgementIs` takes the judgement as a param. */
export const promiseGuards = {
  judgementIs: forSteps('promise.judge', (_c: PromiseContext, event, params) => event.data.judgement === params?.['value'], false),
  ownerChanges: (c: PromiseContext, event: PromiseEvent) => !promiseChecks.ownerChanges(c, event),
};

const NO_CHANGE: Partial<PromiseContext> = {};

/** An update that reads the data of `steps`, with its event typed as one of them. */
const reading = <T extends PromiseEventType>(steps: T, update: (context: PromiseContext, event: EventOf<T>) => Partial<PromiseContext>) =>
  forSteps(steps, update, NO_CHANGE);

/** What each named action of the machine does to the promise: an `assign` in the XState machine. */
export const promiseUpdates = {
  recordJudgement: reading('promise.judge', (_c, event) => {
    const d = event.data;
    return { judgement: { value: d.judgement, ...(d.reason ? { reason: d.reason } : {}), at: event.at, by: event.actor.userId } };
  }),
  recordReview: reading('promise.review', (_c, event) => {
    const on = londonDate(event.at);
    const next = event.data.nextReviewDate ?? addDays(on, PROMISE_REVIEW_DAYS);
    return { lastReviewedOn: on, reviewDate: next };
  }),
  setOwner: reading('promise.owner.change', (_c, event) => ({ owner: event.data.owner })),
  retire: reading('promise.retire', (_c, event) => ({ retiredReason: event.data.reason })),
  restore: () => ({ retiredReason: undefined }),
} satisfies Record<string, (context: PromiseContext, event: PromiseEvent) => Partial<PromiseContext>>;

const judged = (value: Judgement, target: string) =>
  ({ target, guard: { type: 'judgementIs', params: { value } }, actions: 'recordJudgement' }) as const;

/**
 * The lifecycle of a promise: the configuration of the XState machine (`promiseMachine`,
 * in `@pledgeflow/core/xstate`), which the tracker folds directly.
 */
export const promiseLifecycleConfig = {
  id: 'promise',
  context: ({ input }: { input: PledgePromise }): PromiseContext => ({
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
        'promise.judge': [judged('on-track', '.onTrack'), judged('kept', '.kept'), judged('at-risk', '.atRisk'), judged('not-kept', '.notKept')],
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
} as const;

export const promiseLifecycle: Lifecycle<PromiseContext, PromiseEvent, PledgePromise> = {
  config: promiseLifecycleConfig,
  implementations: { guards: promiseGuards, updates: promiseUpdates },
};
