import { londonDate } from '../calendar/dates.js';
import type { PledgeEvent, RecommendationEventType } from '../schema/events.js';
import type { RESPONSES } from '../schema/event-fields.js';
import type { EventOf } from '../schema/is-event.js';
import type { Recommendation } from '../schema/plan.js';
import { forSteps } from './for-steps.js';
import type { Lifecycle } from './lifecycle.js';

/** Bump when the machine changes in a way that makes stored snapshots stale. */
export const RECOMMENDATION_MACHINE_VERSION = 1;

export type RecommendationEvent = PledgeEvent<RecommendationEventType>;
export type Response = (typeof RESPONSES)[number];

export interface RecommendationContext {
  id: string;
  owner?: string;
  madeOn: string;
  /** The executive's latest answer, and why. */
  response?: { value: Response; reason?: string; on: string; by: string };
  /** When the committee last asked again, and why: the executive's answer is due again from then. */
  reopened?: { on: string; reason: string; by: string };
  lastUpdate?: { note: string; on: string; by: string };
  implementedOn?: string;
  signedOff?: { on: string; by: string; note?: string };
}

const NO_CHANGE: Partial<RecommendationContext> = {};
const reading = <T extends RecommendationEventType>(
  steps: T | readonly T[],
  update: (context: RecommendationContext, event: EventOf<T>) => Partial<RecommendationContext>,
) => forSteps(steps, update, NO_CHANGE);

/** The recommendation machine's guards: allowed when true. `responseIs` takes the response as a param. */
export const recommendationGuards = {
  responseIs: forSteps('recommendation.respond', (_c: RecommendationContext, e, params) => e.data.response === params?.['value'], false),
};

/** What each named action of the machine does to the recommendation: an `assign` in the XState machine. */
export const recommendationUpdates = {
  recordResponse: reading('recommendation.respond', (_c, e) => {
    const { response, reason } = e.data;
    return { response: { value: response, ...(reason ? { reason } : {}), on: londonDate(e.at), by: e.actor.userId } };
  }),
  recordUpdate: reading('recommendation.update', (_c, e) => ({ lastUpdate: { note: e.data.note, on: londonDate(e.at), by: e.actor.userId } })),
  recordImplemented: (_c: RecommendationContext, e: RecommendationEvent) => ({ implementedOn: londonDate(e.at) }),
  recordSignOff: reading('recommendation.sign-off', (_c, e) => ({
    signedOff: { on: londonDate(e.at), by: e.actor.userId, ...(e.data.note ? { note: e.data.note } : {}) },
  })),
  reopen: reading('recommendation.reopen', (_c, e) => ({
    reopened: { on: londonDate(e.at), reason: e.data.reason, by: e.actor.userId },
    implementedOn: undefined,
  })),
} satisfies Record<string, (context: RecommendationContext, event: RecommendationEvent) => Partial<RecommendationContext>>;

const responded = (value: Response, target: string) => ({ target, guard: { type: 'responseIs', params: { value } }, actions: 'recordResponse' }) as const;
/** The executive's answer, from `made` or `reopened`. */
const respond = [responded('accepted', 'accepted'), responded('partly-accepted', 'partlyAccepted'), responded('rejected', 'rejected')];
/** Delivering an accepted (or partly accepted) recommendation. */
const delivering = {
  'recommendation.start': { target: 'inProgress' },
  'recommendation.update': { actions: 'recordUpdate' },
  'recommendation.implement': { target: 'implemented', actions: 'recordImplemented' },
} as const;

/**
 * The lifecycle of a scrutiny recommendation: the configuration of the XState machine
 * (`recommendationMachine`, in `@pledgeflow/core/xstate`), which the tracker folds directly.
 * The executive answers (accepted, partly accepted, rejected); accepted ones are delivered;
 * the committee signs each off, or asks again (reopened), and then the executive answers again.
 */
export const recommendationLifecycleConfig = {
  id: 'recommendation',
  context: ({ input }: { input: Recommendation }): RecommendationContext => ({
    id: input.id,
    madeOn: input.madeOn,
    ...(input.owner ? { owner: input.owner } : {}),
  }),
  initial: 'made',
  states: {
    made: { on: { 'recommendation.respond': respond } },
    accepted: { on: delivering },
    partlyAccepted: { on: delivering },
    inProgress: {
      on: {
        'recommendation.update': { actions: 'recordUpdate' },
        'recommendation.implement': { target: 'implemented', actions: 'recordImplemented' },
      },
    },
    implemented: {
      on: {
        'recommendation.sign-off': { target: 'signedOff', actions: 'recordSignOff' },
        'recommendation.reopen': { target: 'reopened', actions: 'reopen' },
      },
    },
    rejected: {
      on: {
        // The committee accepts the executive's reasons, or asks again.
        'recommendation.sign-off': { target: 'signedOff', actions: 'recordSignOff' },
        'recommendation.reopen': { target: 'reopened', actions: 'reopen' },
      },
    },
    reopened: { on: { 'recommendation.respond': respond } },
    signedOff: { type: 'final' },
  },
} as const;

export const recommendationLifecycle: Lifecycle<RecommendationContext, RecommendationEvent, Recommendation> = {
  config: recommendationLifecycleConfig,
  implementations: { guards: recommendationGuards, updates: recommendationUpdates },
};

/** No guard of this machine can refuse for a reason a person must read: each is a choice of transition. */
export const recommendationChecks = {};
