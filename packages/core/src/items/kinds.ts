import { actionChecks } from '../machines/action.guards.js';
import { ACTION_MACHINE_VERSION, actionLifecycle } from '../machines/action.lifecycle.js';
import type { Lifecycle } from '../machines/lifecycle.js';
import { MEETING_MACHINE_VERSION, meetingChecks, meetingLifecycle } from '../machines/meeting.lifecycle.js';
import { PROMISE_MACHINE_VERSION, promiseChecks, promiseLifecycle } from '../machines/promise.lifecycle.js';
import { RECOMMENDATION_MACHINE_VERSION, recommendationChecks, recommendationLifecycle } from '../machines/recommendation.lifecycle.js';
import type { PledgeEvent } from '../schema/events.js';
import type { ActionItem, Meeting, PledgePromise, Recommendation } from '../schema/plan.js';
import { itemTitle } from '../schema/titles.js';

export type ItemKind = 'action' | 'promise' | 'meeting' | 'recommendation';
export type PlanItem = ActionItem | PledgePromise | Meeting | Recommendation;

/** Everything the engine needs to know about one kind of item, in one place. */
export interface ItemKindDescriptor {
  readonly kind: ItemKind;
  /** The prefix of the event types that apply to it (`action.agree` to an action). */
  readonly prefix: `${ItemKind}.`;
  /** How people refer to one: "an action", "a promise". */
  readonly named: string;
  /** How one item of this kind is named in messages (its title; a meeting's date when it has none). */
  readonly title: (item: PlanItem) => string;
  readonly lifecycle: Lifecycle<unknown, PledgeEvent, unknown>;
  /** Stored snapshots made by another version are rebuilt from events. */
  readonly version: number;
  /** The lifecycle's guards as reasons a person can read: see `explainRefusal`. */
  readonly checks: Readonly<Record<string, (context: unknown, event: PledgeEvent) => string | undefined>>;
}

/** A kind's descriptor from its lifecycle and checks, typed loosely so that every kind fits one table. */
function describe(kind: ItemKind, named: string, lifecycle: object, version: number, checks: object): ItemKindDescriptor {
  return {
    kind,
    prefix: `${kind}.`,
    named,
    title: (item) => itemTitle(kind, item),
    lifecycle: lifecycle as ItemKindDescriptor['lifecycle'],
    version,
    checks: checks as ItemKindDescriptor['checks'],
  };
}

export const ITEM_KINDS: Readonly<Record<ItemKind, ItemKindDescriptor>> = {
  action: describe('action', 'an action', actionLifecycle, ACTION_MACHINE_VERSION, actionChecks),
  promise: describe('promise', 'a promise', promiseLifecycle, PROMISE_MACHINE_VERSION, promiseChecks),
  meeting: describe('meeting', 'a board meeting', meetingLifecycle, MEETING_MACHINE_VERSION, meetingChecks),
  recommendation: describe('recommendation', 'a scrutiny recommendation', recommendationLifecycle, RECOMMENDATION_MACHINE_VERSION, recommendationChecks),
};
