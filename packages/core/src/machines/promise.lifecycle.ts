import { addDays, londonDate } from '../calendar/dates.js';
import type { PledgeEvent, PromiseEventType } from '../schema/events.js';
import type { PledgePromise } from '../schema/plan.js';
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
  ownerChanges: (c, e) =>
    c.owner === (e.data as { owner: string }).owner ? 'That person already owns this promise.' : undefined,
} satisfies Record<string, Check>;

/** The promise machine's guards: allowed when true. `judgementIs` takes the judgement as a param. */
export const promiseGuards = {
  judgementIs: (_c: PromiseContext, event: PromiseEvent, params?: Readonly<Record<string, unknown>>) =>
    (event.data as { judgement?: Judgement }).judgement === params?.['value'],
  ownerChanges: (c: PromiseContext, event: PromiseEvent) => !promiseChecks.ownerChanges(c, event),
};

/** What each named action of the machine does to the promise: an `assign` in the XState machine. */
export const promiseUpdates = {
  recordJudgement: (_c, event) => {
    const d = event.data as { judgement: Judgement; reason?: string };
    return { judgement: { value: d.judgement, ...(d.reason ? { reason: d.reason } : {}), at: event.at, by: event.actor.userId } };
  },
  recordReview: (_c, event) => {
    const on = londonDate(event.at);
    const next = (event.data as { nextReviewDate?: string }).nextReviewDate ?? addDays(on, PROMISE_REVIEW_DAYS);
    return { lastReviewedOn: on, reviewDate: next };
  },
  setOwner: (_c, event) => ({ owner: (event.data as { owner: string }).owner }),
  retire: (_c, event) => ({ retiredReason: (event.data as { reason: string }).reason }),
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
