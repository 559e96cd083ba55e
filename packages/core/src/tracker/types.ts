import type { ItemSnapshot } from '../items/snapshot.js';
import type { ActionView, MeetingView, PromiseView, RecommendationView } from '../items/views.js';
import type { EventInput, EventType, PledgeEvent } from '../schema/events.js';
import type { Plan } from '../schema/plan.js';
import type { EventStore } from '../store/event-store.js';

// What a tracker takes and gives: its options, a step, the result of a step, a change, the plan's state.

export interface TrackerOptions {
  plan: Plan;
  /** The event log, in any order: it is put in canonical order (server `seq`, then `at`, then `id`). */
  events?: readonly PledgeEvent[];
  /** Per-item snapshots from a store: items whose snapshot matches are not replayed from the start. */
  snapshots?: readonly ItemSnapshot[];
  /**
   * Reads the events an item's snapshot covers (in canonical order, refused ones included),
   * when they are needed: the item's history, `events()`, `at()`, and the first step taken or
   * received (to check ids). With it, `events` holds only the events after the snapshots, and
   * loading costs the number of items, not the length of the log.
   */
  coveredEvents?: (stream: string) => readonly PledgeEvent[];
  /** Where accepted events are written. */
  store?: EventStore;
  /**
   * The clock for steps taken here (`send()`, `step()`): a step dated more than five
   * minutes ahead of it is refused. `Date.now` unless given; never used for the fold.
   */
  now?: () => number;
  /** Makes the id of a step taken with `step()` from its time (ms). `createEventId` unless given. */
  newEventId?: (nowMs: number) => string;
}

/** A step as a person takes it: the tracker adds who (from `step()`'s actor), when and an id. */
export interface StepInput<T extends EventType = EventType> {
  stream: string;
  type: T;
  data?: EventInput<T>['data'];
}

/** For hosts with their own clock or ids (tests, a React provider given `now`): otherwise the tracker's. */
export interface StepOptions {
  /** When the step was taken, in ms since 1970. */
  at?: number;
  /** The event's id. */
  id?: string;
}

export type SendResult =
  | {
      ok: true;
      event: PledgeEvent;
      /** True when this event id was already recorded: nothing changed. */
      duplicate: boolean;
      /** Things the person should look at, such as text that looks like personal data. */
      warnings: string[];
      /** Settles once the store has written the event (at once without a store). */
      saved: Promise<void>;
    }
  | { ok: false; reasons: string[] };

export type Decision = { ok: true; warnings: string[] } | { ok: false; reasons: string[] };

export interface TrackerChange {
  events: PledgeEvent[];
  streams: string[];
}

/** A read-only view of the whole plan as it stands: what queries take. */
export interface PlanState {
  plan: Plan;
  actions: readonly ActionView[];
  promises: readonly PromiseView[];
  /** Board meetings, soonest date first. */
  meetings: readonly MeetingView[];
  /** Scrutiny recommendations, by review and number. */
  recommendations: readonly RecommendationView[];
  events: readonly PledgeEvent[];
}
