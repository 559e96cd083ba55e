import { assign, setup } from 'xstate';
import type { Recommendation } from '../schema/plan.js';
import {
  recommendationGuards, recommendationLifecycleConfig, recommendationUpdates,
  type RecommendationContext, type RecommendationEvent, type Response,
} from './recommendation.lifecycle.js';

type Args = { context: RecommendationContext; event: RecommendationEvent };
const update = (name: keyof typeof recommendationUpdates) =>
  assign<RecommendationContext, RecommendationEvent, undefined, RecommendationEvent, never>(({ context, event }: Args) =>
    (recommendationUpdates[name] as (c: RecommendationContext, e: RecommendationEvent) => Partial<RecommendationContext>)(context, event),
  );

/**
 * A scrutiny recommendation as an XState v5 machine: the lifecycle in
 * `recommendation.lifecycle.ts`. The tracker folds the same configuration without XState's runtime.
 */
export const recommendationMachine = setup({
  types: { context: {} as RecommendationContext, events: {} as RecommendationEvent, input: {} as Recommendation },
  guards: {
    responseIs: ({ context, event }: Args, params: { value: Response }) => recommendationGuards.responseIs(context, event, params),
  },
  actions: {
    recordResponse: update('recordResponse'),
    recordUpdate: update('recordUpdate'),
    recordImplemented: update('recordImplemented'),
    recordSignOff: update('recordSignOff'),
    reopen: update('reopen'),
  },
}).createMachine(recommendationLifecycleConfig);

export type RecommendationMachine = typeof recommendationMachine;
