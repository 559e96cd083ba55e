import { addDays, startOfLondonDay } from '../calendar/dates.js';
import { decide, eventWarnings, type ItemState } from '../decide/decide.js';
import { conflict, noSuchItem, type RejectedEvent } from '../decide/fold.js';
import { MAX_CLOCK_AHEAD_MS } from '../decide/time-limits.js';
import { sameEvent } from '../events/order.js';
import { parseEvent } from '../events/parse.js';
import type { ItemSnapshot } from '../items/snapshot.js';
import type { ActionView, ItemView, MeetingView, PromiseView, RecommendationView } from '../items/views.js';
import { isCalendarDate, isInstant } from '../schema/checks.js';
import type { Actor, EventInput, EventType, PledgeEvent } from '../schema/events.js';
import type { Plan } from '../schema/plan.js';
import type { EventStore } from '../store/event-store.js';
import { actionMatcher, type ActionFilter } from './action-filter.js';
import { createEventId } from './event-id.js';
import { historyOf, type HistoryEntry } from './history.js';
import { ItemLog, type Entry } from './item-log.js';
import { nextStepsFor, type NextStep } from './next-steps.js';
import { Outbox } from './outbox.js';
import { viewOf } from './view-of.js';
import type { Decision, PlanState, SendResult, StepInput, StepOptions, TrackerChange, TrackerOptions } from './types.js';

export type { Decision, PlanState, SendResult, StepInput, StepOptions, TrackerChange, TrackerOptions } from './types.js';

export type { RejectedEvent } from '../decide/fold.js';
export type { ActionFilter } from './action-filter.js';
export type { HistoryEntry } from './history.js';
export type { NextStep } from './next-steps.js';


/**
 * The engine: a plan and its event log, folded through the lifecycles into the state of
 * every promise and action item. Every step, from here or elsewhere, is judged by `decide`;
 * the log of items (`ItemLog`) holds what was taken and refused; the outbox writes to the
 * store. Pure apart from the optional store and the clock for steps taken here.
 */
export class Tracker {
  readonly plan: Plan;
  readonly #log: ItemLog;
  readonly #outbox: Outbox | undefined;
  readonly #listeners = new Set<(change: TrackerChange) => void>();
  readonly #now: () => number;
  readonly #newEventId: (nowMs: number) => string;
  #closed: string | undefined;
  #state: PlanState | undefined;
  #events: PledgeEvent[] | undefined;

  constructor(options: TrackerOptions) {
    this.plan = options.plan;
    this.#now = options.now ?? Date.now;
    this.#newEventId = options.newEventId ?? ((ms) => createEventId(ms));
    this.#outbox = options.store ? new Outbox(options.store) : undefined;
    this.#log = new ItemLog(this.plan, options.coveredEvents, (stream) => this.#changed([], [stream]));
    this.#log.load(options.events ?? [], options.snapshots ?? []);
  }

  #entry(id: string): Entry | undefined {
    return this.#log.entries.get(id);
  }

  /**
   * Takes a step as `actor`: the tracker dates it by its clock and gives it a new id, then
   * `send()`s it. What elements and hooks call when a person presses a button.
   */
  step<T extends EventType>(actor: Actor, input: StepInput<T>, options?: StepOptions): SendResult;
  step(actor: Actor, input: { stream: string; type: EventType; data?: Record<string, unknown> }, options?: StepOptions): SendResult;
  step(actor: Actor, input: { stream: string; type: EventType; data?: unknown }, options: StepOptions = {}): SendResult {
    const at = options.at ?? this.#now();
    if (!Number.isFinite(at)) return { ok: false, reasons: [`at: expected the time of the step in milliseconds, got ${at}`] };
    // Checked in full by send(), like any event from outside.
    const event = { id: options.id ?? this.#newEventId(at), stream: input.stream, type: input.type, data: input.data ?? {}, actor, at: new Date(at).toISOString() };
    return this.send(event as EventInput);
  }

  /**
   * Applies one event taken here: schema, policy, machine and privacy checks, then the
   * item's new state, the log, the listeners and the store. A refused event changes nothing.
   * The item is folded over everything known for it, events held back earlier included, as
   * `receive()` folds it, so every tracker that has seen the same events agrees.
   */
  send(input: EventInput | PledgeEvent): SendResult {
    if (this.#closed) return { ok: false, reasons: [this.#closed] };
    if (input && typeof input === 'object' && (input as { seq?: unknown }).seq !== undefined) {
      return { ok: false, reasons: ['seq: only a sync server gives an event its seq, once it has accepted it; send the event without one.'] };
    }
    const parsed = parseEvent(input);
    if (!parsed.ok) return parsed;
    const event = parsed.event;
    if (Date.parse(event.at) > this.#now() + MAX_CLOCK_AHEAD_MS) {
      return { ok: false, reasons: [`at: ${event.at} is more than five minutes ahead of this computer's clock. Check the date and time of the step, or the clock.`] };
    }
    const seen = this.#log.seen(event.id);
    if (seen) {
      return sameEvent(seen, event)
        ? { ok: true, event: seen, duplicate: true, warnings: [], saved: Promise.resolve() }
        : { ok: false, reasons: conflict(event, seen).reasons };
    }
    const entry = this.#entry(event.stream);
    if (!entry) return { ok: false, reasons: [noSuchItem(event.stream)] };
    this.#log.read(entry);
    // An event refused earlier (from a log, or from another tab) may be sent again: it is tried afresh.
    const held = entry.refused.find((r) => r.event.id === event.id);
    if (held && !sameEvent(held.event, event)) return { ok: false, reasons: conflict(event, held.event).reasons };

    const verdict = decide(this.plan, entry, event, { withWarnings: true });
    const taken = this.#log.take(entry, event, verdict);
    if (!taken.ok) return taken;
    // Written before listeners run, so a listener that fails cannot cost the person their step.
    const saved = this.#outbox ? this.#outbox.persist(event, this.#log.snapshot(entry)) : Promise.resolve();
    this.#changed([event], [event.stream]);
    // (A step let in by folding the item again was judged there: its text is scanned here.)
    return { ok: true, event, duplicate: false, warnings: [...(verdict.ok ? verdict.warnings : eventWarnings(event))], saved };
  }

  /**
   * Takes events from elsewhere (another tab, a sync server) in any order, with duplicates.
   * Each touched item is folded again over everything known for it, in canonical order,
   * including events held back earlier because they arrived before what they build on.
   * So once every event has arrived, the state is the same as applying the log in order.
   * An event that does not fit (two tabs completing the same item, say) is kept in
   * `rejected` with its reasons, even one that was applied before.
   */
  receive(events: readonly PledgeEvent[]): { applied: PledgeEvent[]; rejected: RejectedEvent[] } {
    const { applied, rejected, touched } = this.#log.receive(events);
    if (touched.length) this.#changed(applied, touched);
    return { applied, rejected };
  }

  /** May `actor` take this step now? Gives every reason when not, and warnings when yes. */
  can(actor: Actor, step: { stream: string; type: EventType; data?: Record<string, unknown>; at?: string }): Decision {
    if (this.#closed) return { ok: false, reasons: [this.#closed] };
    const entry = this.#entry(step.stream);
    const parsed = parseEvent({ id: 'check-only', at: step.at ?? new Date(this.#now()).toISOString(), ...step, actor });
    if (!parsed.ok) return parsed;
    if (!entry) return { ok: false, reasons: [noSuchItem(step.stream)] };
    // Without a date, the question is whether the step may be taken, not when.
    const verdict = decide(this.plan, entry, parsed.event, { withWarnings: true, checkTime: step.at !== undefined });
    return verdict.ok ? { ok: true, warnings: [...verdict.warnings] } : verdict;
  }

  /** The steps this person might take on an item now, allowed or not, with reasons and the data each needs. */
  nextSteps(actor: Actor, id: string): NextStep[] {
    const entry = this.#entry(id);
    if (!entry || this.#closed) return [];
    return nextStepsFor(this.plan, entry as ItemState, actor);
  }

  /** The item's snapshot as a store keeps it. */
  snapshot(id: string): ItemSnapshot | undefined {
    const entry = this.#entry(id);
    return entry && this.#log.snapshot(entry);
  }

  /** Every item's snapshot, for a store to write after a rebuild. */
  snapshots(): ItemSnapshot[] {
    return [...this.#log.entries.values()].map((entry) => this.#log.snapshot(entry));
  }

  /** An item as it stands. The same object is returned until the item changes. */
  get(id: string): ItemView | undefined {
    const entry = this.#entry(id);
    if (!entry) return undefined;
    if (!entry.view) entry.view = viewOf(this.plan, entry);
    return entry.view;
  }

  getAction(id: string): ActionView | undefined {
    const view = this.get(id);
    return view?.kind === 'action' ? view : undefined;
  }

  getPromise(id: string): PromiseView | undefined {
    const view = this.get(id);
    return view?.kind === 'promise' ? view : undefined;
  }

  getMeeting(id: string): MeetingView | undefined {
    const view = this.get(id);
    return view?.kind === 'meeting' ? view : undefined;
  }

  getRecommendation(id: string): RecommendationView | undefined {
    const view = this.get(id);
    return view?.kind === 'recommendation' ? view : undefined;
  }

  /** Action items, in plan order, that match every field of `filter`. */
  actions(filter: ActionFilter = {}): ActionView[] {
    const matches = actionMatcher(filter);
    const out: ActionView[] = [];
    for (const item of this.plan.actions) {
      const a = this.get(item.id) as ActionView;
      if (matches(a)) out.push(a);
    }
    return out;
  }

  /** Promises in number order. */
  promises(): PromiseView[] {
    return this.plan.promises.map((p) => this.get(p.id) as PromiseView).sort((a, b) => a.number - b.number);
  }

  /** Board meetings by date (as moved, if rescheduled), soonest first. */
  meetings(): MeetingView[] {
    return this.plan.meetings.map((m) => this.get(m.id) as MeetingView).sort((a, b) => a.date.localeCompare(b.date));
  }

  /** Scrutiny recommendations in plan order. */
  recommendations(): RecommendationView[] {
    return this.plan.recommendations.map((r) => this.get(r.id) as RecommendationView);
  }

  /** Items of one kind: `list({ kind: 'action', ...filter })`, or `list({ kind: 'promise' })` and the other kinds. */
  list(filter: { kind: 'action' } & ActionFilter): ActionView[];
  list(filter: { kind: 'promise' }): PromiseView[];
  list(filter: { kind: 'meeting' }): MeetingView[];
  list(filter: { kind: 'recommendation' }): RecommendationView[];
  list(filter: ({ kind: 'action' } & ActionFilter) | { kind: 'promise' | 'meeting' | 'recommendation' }): ItemView[] {
    if (filter.kind === 'promise') return this.promises();
    if (filter.kind === 'meeting') return this.meetings();
    if (filter.kind === 'recommendation') return this.recommendations();
    const { kind: _, ...rest } = filter;
    return this.actions(rest);
  }

  /** The item's audit trail, oldest first: who did what, when, and why. */
  history(id: string): HistoryEntry[] {
    const entry = this.#entry(id);
    if (!entry) return [];
    this.#log.read(entry);
    return historyOf(this.plan, entry.events);
  }

  /** Every accepted event, in canonical order. */
  events(): readonly PledgeEvent[] {
    return (this.#events ??= this.#log.events());
  }

  /** The whole plan as it stands, for queries. Cached until something changes. */
  state(): PlanState {
    if (!this.#state) {
      // `events` is built only when a query asks for it: most views never do, and after a
      // change it means merging and sorting the whole log.
      const tracker = this;
      this.#state = Object.freeze({
        plan: this.plan,
        actions: this.actions(),
        promises: this.promises(),
        meetings: this.meetings(),
        recommendations: this.recommendations(),
        get events() {
          return tracker.events();
        },
      });
    }
    return this.#state;
  }

  /** Calls `listener` after every change; returns a function that stops it. */
  subscribe(listener: (change: TrackerChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #changed(events: PledgeEvent[], streams: string[]) {
    this.#state = undefined;
    this.#events = undefined;
    for (const s of streams) {
      const entry = this.#entry(s);
      if (entry) entry.view = undefined;
    }
    const change = { events, streams };
    for (const listener of this.#listeners) {
      try {
        listener(change);
      } catch (error) {
        // One failing listener must not stop the others or undo the change: report it, unhandled.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  /**
   * The plan as it stood at `when`: an instant (ISO 8601), or a date (`YYYY-MM-DD`,
   * meaning the end of that day in UK time). A new, read-only tracker with no store.
   */
  at(when: string): Tracker {
    const isDate = isCalendarDate(when);
    if (!isDate && !isInstant(when)) {
      throw new RangeError(`expected a date such as 2027-04-01, or a date and time with a time zone such as 2027-04-01T09:00:00Z, got "${when}"`);
    }
    // A date means the end of that day in the UK: everything before the next day began.
    const limit = isDate ? startOfLondonDay(addDays(when, 1)) : Date.parse(when) + 1;
    const events = this.events().filter((e) => Date.parse(e.at) < limit);
    return new Tracker({ plan: this.plan, events });
  }

  /** Events accepted here but not yet written by the store (a full disk, say): they are retried by `flush()`. */
  get unsaved(): readonly PledgeEvent[] {
    return this.#outbox?.unsaved ?? [];
  }

  /** Tries again to write unsaved events. Resolves when all are written; rejects with the store's error. */
  flush(): Promise<void> {
    return this.#outbox?.flush() ?? Promise.resolve();
  }

  /** Events in the log that the engine would not apply, with the reasons: shown to their authors, never dropped. */
  get rejected(): readonly RejectedEvent[] {
    return this.#log.rejected();
  }

  /** Items whose stored snapshot did not fit (an older machine version, a changed log) and were rebuilt from events. */
  get rebuilt(): readonly string[] {
    return this.#log.rebuilt;
  }

  /**
   * Stops taking steps, with the reason people will be given (say, the storage went away and
   * the page must be reloaded): better to refuse a step than to accept one that cannot be kept.
   * Reading goes on as before.
   */
  close(reason: string): void {
    this.#closed = reason;
    this.#changed([], []);
  }

  /** Why the tracker no longer takes steps, if it was closed. */
  get closedReason(): string | undefined {
    return this.#closed;
  }
}

/** A tracker over a plan and (optionally) an event log, synchronously. */
export function createTracker(options: TrackerOptions): Tracker {
  return new Tracker(options);
}

/** A tracker loaded from a store: its snapshots and the events after them. */
export async function openTracker(options: { plan: Plan; store: EventStore; now?: () => number }): Promise<Tracker> {
  const log = await options.store.load();
  return new Tracker({
    plan: options.plan, events: log.events, snapshots: log.snapshots, store: options.store,
    ...(options.now ? { now: options.now } : {}),
    ...(log.coveredEvents ? { coveredEvents: log.coveredEvents } : {}),
  });
}

