import { addDays, startOfLondonDay } from '../calendar/dates.js';
import { isCalendarDate, isInstant } from '../schema/checks.js';
import { compareEvents, differences, sameEvent } from '../events/order.js';
import { parseEvent, readEvent } from '../events/parse.js';
import { actionChecks } from '../machines/action.guards.js';
import { ACTION_MACHINE_VERSION, actionLifecycle } from '../machines/action.lifecycle.js';
import type { ActionContext } from '../machines/action.context.js';
import {
  explainRefusal, lifecycleAccepts, restoreLifecycle, startLifecycle, stepLifecycle, type Lifecycle, type LifecycleSnapshot,
} from '../machines/lifecycle.js';
import { PROMISE_MACHINE_VERSION, promiseChecks, promiseLifecycle, type PromiseContext } from '../machines/promise.lifecycle.js';
import { actorProblems, peopleById } from '../policy/actor.js';
import { may, stepName, type PolicyTarget } from '../policy/policy.js';
import { scanEvent } from '../privacy/event-text.js';
import { ActorSchema, EVENT_FIELDS, type Actor, type EventInput, type EventType, type PledgeEvent } from '../schema/events.js';
import { formatProblem, problemsFromZod } from '../schema/issues.js';
import type { ActionItem, Plan, PledgePromise } from '../schema/plan.js';
import { ROLE_LABELS } from '../schema/roles.js';
import type { EventStore } from '../store/event-store.js';
import { describeEvent } from './describe.js';
import { createEventId } from './event-id.js';
import type { ItemSnapshot } from './snapshot.js';
import { MAX_CLOCK_AHEAD_MS, outsideWindow, stepWindow } from './time-limits.js';
import { STATE_LABELS, type ActionView, type ItemView, type PromiseView } from './views.js';

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

/** An event that the log holds but the engine would not apply, and why. */
export interface RejectedEvent {
  event: PledgeEvent;
  reasons: string[];
  /** Set when another event with the same id and other content was recorded first: that event. */
  conflictsWith?: PledgeEvent;
}

/** Two events with one id and different content: the later one is refused, with both kept. */
function conflict(event: PledgeEvent, recorded: PledgeEvent): RejectedEvent {
  return {
    event,
    conflictsWith: recorded,
    reasons: [`An event with the id ${event.id} was already recorded with different content (${differences(recorded, event).join(', ')} differ).`],
  };
}

/** One line of an item's audit trail. */
export interface HistoryEntry {
  eventId: string;
  at: string;
  type: EventType;
  actor: Actor & { name: string; agencyName: string; roleLabel: string };
  /** Who did what, in plain English: "Priya Shah (Virtual School) flagged a risk: ...". */
  summary: string;
  data: Record<string, unknown>;
}

export interface TrackerChange {
  events: PledgeEvent[];
  streams: string[];
}

export type ActionFilter = {
  state?: ActionView['state'] | readonly ActionView['state'][];
  workstream?: string;
  leadAgency?: string;
  /** Lead agency or contributing partner. */
  agency?: string;
  owner?: string;
  promise?: string;
  principle?: number;
};

/** A step someone might take on an item, whether they may, and what it needs from them. */
export interface NextStep {
  type: EventType;
  label: string;
  allowed: boolean;
  reasons: string[];
  /** Data fields the person must fill in. */
  needs: string[];
}

/** A read-only view of the whole plan as it stands: what queries take. */
export interface PlanState {
  plan: Plan;
  actions: readonly ActionView[];
  promises: readonly PromiseView[];
  events: readonly PledgeEvent[];
}

interface Entry {
  kind: 'action' | 'promise';
  item: ActionItem | PledgePromise;
  snapshot: LifecycleSnapshot;
  events: PledgeEvent[];
  /** Events of this item that the log holds but the fold refused, with why. */
  refused: RejectedEvent[];
  view?: ItemView;
  /** The snapshot the item was loaded from while the events it covers are not read yet. */
  covered?: ItemSnapshot;
}

const PREFIXES = { action: 'action.', promise: 'promise.' } as const;
const NO_WARNINGS: string[] = [];
const MACHINES = { action: actionLifecycle, promise: promiseLifecycle } as unknown as Record<Entry['kind'], Lifecycle<unknown, PledgeEvent, unknown>>;
const VERSIONS = { action: ACTION_MACHINE_VERSION, promise: PROMISE_MACHINE_VERSION } as const;
const CHECKS = { action: actionChecks, promise: promiseChecks } as const;

/** For each step, the data fields a person must fill in, worked out once. */
const STEP_NEEDS = Object.fromEntries(
  Object.entries(EVENT_FIELDS).map(([type, fields]) => [type, Object.entries(fields).filter(([, spec]) => !spec.endsWith('?')).map(([k]) => k)]),
) as Record<EventType, string[]>;

export { compareEvents, parseEvent };

/**
 * The engine: a plan and its event log, folded through the machines into the state of
 * every promise and action item. Pure apart from the optional store.
 */
export class Tracker {
  readonly plan: Plan;
  readonly #entries = new Map<string, Entry>();
  readonly #ids = new Map<string, PledgeEvent>();
  readonly #listeners = new Set<(change: TrackerChange) => void>();
  readonly #store: EventStore | undefined;
  /** Accepted but not yet written, in order; each with whoever waits for it (its `saved`, a `flush()`). */
  readonly #unsaved: { event: PledgeEvent; snapshot: ItemSnapshot; waiters: ((e?: unknown) => void)[] }[] = [];
  #draining = false;
  #rejected: RejectedEvent[] = [];
  #closed: string | undefined;
  #rebuilt: string[] = [];
  #state: PlanState | undefined;
  #log: PledgeEvent[] | undefined;
  readonly #coveredEvents: ((stream: string) => readonly PledgeEvent[]) | undefined;
  /** How many items still have events covered by their snapshot and not read. */
  #unread = 0;
  readonly #people: ReadonlyMap<string, Plan['people'][number]>;
  readonly #agencies: ReadonlyMap<string, Plan['agencies'][number]>;
  readonly #now: () => number;
  readonly #newEventId: (nowMs: number) => string;
  readonly #window: { from: string; to: string };
  /** Privacy findings per event, so that each text is scanned once, not at every fold. */
  readonly #scanned = new WeakMap<PledgeEvent, string[]>();

  constructor(options: TrackerOptions) {
    this.plan = options.plan;
    this.#store = options.store;
    this.#coveredEvents = options.coveredEvents;
    this.#people = peopleById(this.plan);
    this.#now = options.now ?? Date.now;
    this.#newEventId = options.newEventId ?? ((ms) => createEventId(ms));
    this.#window = stepWindow(this.plan);
    this.#agencies = new Map(this.plan.agencies.map((a) => [a.id, a]));
    for (const item of this.plan.actions) this.#entries.set(item.id, this.#newEntry('action', item));
    for (const item of this.plan.promises) this.#entries.set(item.id, this.#newEntry('promise', item));
    if (this.#coveredEvents) this.#loadFromSnapshots(options.events ?? [], options.snapshots ?? []);
    else this.#load(options.events ?? [], options.snapshots ?? []);
  }

  /**
   * Loading when the store reads covered events on demand: each item starts from its
   * snapshot, and only items with events after it (or a snapshot that does not fit) are
   * read and folded now.
   */
  #loadFromSnapshots(after: readonly PledgeEvent[], snapshots: readonly ItemSnapshot[]) {
    const touched = new Set<string>();
    for (const event of after) {
      const read = readEvent(event);
      if (read.ok) touched.add(read.event.stream);
    }
    for (const snap of snapshots) {
      const entry = this.#entries.get(snap.stream);
      if (!entry) continue;
      const accepted = snap.eventCount - (snap.refused?.length ?? 0);
      const restored =
        snap.kind === entry.kind && snap.machineVersion === VERSIONS[entry.kind] && !touched.has(snap.stream) &&
        // Refused events are shown to their authors, and a view needs the time of the last change: read those now.
        !snap.refused?.length && (accepted === 0 || snap.updatedAt !== undefined)
          ? restoreLifecycle(MACHINES[entry.kind], snap.value, snap.context)
          : undefined;
      if (restored && snap.eventCount > 0) {
        entry.snapshot = restored;
        entry.covered = snap;
        this.#unread++;
      }
    }
    // Everything else is loaded as before, over its covered events and the events after them.
    // (Items with no snapshot have all their events in `after`.)
    const rest: PledgeEvent[] = [];
    const readNow: ItemSnapshot[] = [];
    for (const snap of snapshots) {
      const entry = this.#entries.get(snap.stream);
      // (Events of an item no longer in the plan are read now too: they are shown in `rejected`.)
      if (!entry || (!entry.covered && snap.eventCount > 0)) {
        rest.push(...this.#coveredEvents!(snap.stream));
        readNow.push(snap);
      }
    }
    for (const event of after) rest.push(event);
    this.#load(rest, readNow);
  }

  /** Reads and takes in the events the item's snapshot covers, before anything changes it. */
  #read(entry: Entry) {
    const snap = entry.covered;
    if (!snap) return;
    entry.covered = undefined;
    this.#unread--;
    const list: PledgeEvent[] = [];
    for (const stored of this.#coveredEvents!(snap.stream)) {
      const read = readEvent(stored);
      if (read.ok) list.push(read.event);
      else this.#rejected.push({ event: stored, reasons: read.reasons });
    }
    list.sort(compareEvents);
    const fits = list.length === snap.eventCount && list.at(-1)?.id === snap.lastEventId;
    if (fits) {
      for (const event of list) {
        entry.events.push(event);
        this.#ids.set(event.id, event);
      }
    } else {
      // The store no longer holds what the snapshot covers: fold what it holds instead.
      entry.snapshot = startLifecycle(MACHINES[entry.kind], entry.item);
      this.#rebuilt.push(entry.item.id);
      for (const event of list) {
        if (this.#ids.has(event.id)) continue;
        this.#ids.set(event.id, event);
        entry.events.push(event);
      }
      const outcome = this.#fold(entry, entry.events);
      entry.snapshot = outcome.snapshot;
      entry.events = outcome.applied;
      entry.refused = outcome.rejected;
      for (const r of outcome.rejected) this.#ids.delete(r.event.id);
      entry.view = undefined;
      this.#changed([], [entry.item.id]);
    }
  }

  /** Reads every item's covered events: for the whole log, and to know every id. */
  #readAll() {
    if (this.#unread === 0) return;
    for (const entry of this.#entries.values()) this.#read(entry);
  }

  /** The accepted event with this id, reading covered events first if some are not read yet. */
  #seen(id: string): PledgeEvent | undefined {
    const found = this.#ids.get(id);
    if (found || this.#unread === 0) return found;
    this.#readAll();
    return this.#ids.get(id);
  }

  #newEntry(kind: Entry['kind'], item: ActionItem | PledgePromise): Entry {
    return { kind, item, snapshot: startLifecycle(MACHINES[kind], item), events: [], refused: [] };
  }

  #load(events: readonly PledgeEvent[], snapshots: readonly ItemSnapshot[]) {
    const byStream = new Map<string, PledgeEvent[]>();
    // Every event is read in full (schema, links, `at` in its one form); one that fails is
    // kept in `rejected` with its reasons.
    const wellFormed: PledgeEvent[] = [];
    let sorted = true;
    for (const input of events) {
      const read = readEvent(input);
      if (!read.ok) {
        this.#rejected.push({ event: input as PledgeEvent, reasons: read.reasons });
        continue;
      }
      const event = read.event;
      if (sorted && wellFormed.length && compareEvents(wellFormed[wellFormed.length - 1]!, event) > 0) sorted = false;
      wellFormed.push(event);
    }
    if (!sorted) wellFormed.sort(compareEvents);
    for (const event of wellFormed) {
      const seen = this.#ids.get(event.id);
      if (seen) {
        if (!sameEvent(seen, event)) this.#rejected.push(conflict(event, seen));
        continue;
      }
      this.#ids.set(event.id, event);
      let list = byStream.get(event.stream);
      if (!list) byStream.set(event.stream, (list = []));
      list.push(event);
    }
    const snaps = new Map(snapshots.map((s) => [s.stream, s]));
    for (const [stream, list] of byStream) {
      const entry = this.#entries.get(stream);
      if (!entry) {
        for (const event of list) this.#rejected.push({ event, reasons: [`There is no promise or action with the id "${stream}" in this plan.`] });
        continue;
      }
      this.#foldFrom(entry, list, snaps.get(stream));
    }
    for (const [stream, snap] of snaps) {
      if (!byStream.has(stream) && snap.eventCount > 0) this.#rebuilt.push(stream);
    }
  }

  /** Brings `entry` up to date with `list` (its whole stream), from a snapshot when it still fits. */
  #foldFrom(entry: Entry, list: PledgeEvent[], snap: ItemSnapshot | undefined) {
    let start = 0;
    if (snap) {
      const fits =
        snap.kind === entry.kind &&
        snap.machineVersion === VERSIONS[entry.kind] &&
        snap.eventCount <= list.length &&
        (snap.eventCount === 0 || list[snap.eventCount - 1]?.id === snap.lastEventId);
      const restored = fits ? restoreLifecycle(MACHINES[entry.kind], snap.value, snap.context) : undefined;
      if (restored) {
        entry.snapshot = restored;
        const refused = new Map((snap.refused ?? []).map((r) => [r.id, r.reasons]));
        entry.events = [];
        for (const event of list.slice(0, snap.eventCount)) {
          const reasons = refused.get(event.id);
          if (reasons) {
            entry.refused.push({ event, reasons });
            this.#ids.delete(event.id);
          } else entry.events.push(event);
        }
        start = snap.eventCount;
      } else {
        this.#rebuilt.push(entry.item.id);
      }
    }
    for (let i = start; i < list.length; i++) {
      const event = list[i]!;
      const outcome = this.#evaluate(entry, entry.snapshot, event, false);
      if ('reasons' in outcome) {
        entry.refused.push({ event, reasons: outcome.reasons });
        this.#ids.delete(event.id);
      } else {
        entry.snapshot = outcome.next;
        entry.events.push(event);
      }
    }
    entry.view = undefined;
  }

  /** Would the engine accept `event` on `entry` from `snapshot`? Gives the next snapshot or every reason not. */
  #evaluate(
    entry: Entry,
    snapshot: LifecycleSnapshot,
    event: PledgeEvent,
    withWarnings: boolean,
    checkTime = true,
  ): { next: LifecycleSnapshot; warnings: string[] } | { reasons: string[] } {
    const title = () => `"${entry.item.title}"`;
    if (!event.type.startsWith(PREFIXES[entry.kind])) {
      return { reasons: [`${title()} is ${entry.kind === 'action' ? 'an action' : 'a promise'}: a ${event.type} step does not apply to it.`] };
    }
    const who = actorProblems(event.actor, this.#people);
    if (who.length) return { reasons: who };
    const when = checkTime ? outsideWindow(event.at, this.#window, this.plan) : undefined;
    if (when) return { reasons: [when] };
    const data = event.data as Record<string, unknown>;
    if (typeof data['owner'] === 'string' && !this.#people.has(data['owner'])) {
      return { reasons: [`data.owner: there is no person with the id "${data['owner']}" in this plan.`] };
    }
    const target = { kind: entry.kind, item: entry.item, context: snapshot.context } as PolicyTarget;
    const decision = may(event.actor, event.type, data, target, this.plan);
    if (!decision.ok) return { reasons: decision.reasons };

    // The machine gives back the same snapshot when it does not take the event.
    const next = stepLifecycle(MACHINES[entry.kind], snapshot, event);
    if (next === snapshot) {
      const why = explainRefusal(MACHINES[entry.kind], snapshot, event, CHECKS[entry.kind] as Record<string, (c: unknown, e: PledgeEvent) => string | undefined>);
      if (why.wrongState) {
        const now = STATE_LABELS[this.#stateOf(snapshot) as keyof typeof STATE_LABELS].toLowerCase();
        const when = why.acceptedIn.map((s) => STATE_LABELS[s as keyof typeof STATE_LABELS]?.toLowerCase() ?? s);
        return {
          reasons: [
            `${title()} is ${now}, so no one can ${stepName(event.type)} on it now` +
              (when.length ? ` (only when it is ${when.join(', ')}).` : '.'),
          ],
        };
      }
      return { reasons: why.reasons.length ? why.reasons : [`${title()} cannot take this step now.`] };
    }

    let warnings = NO_WARNINGS;
    if (withWarnings || this.plan.privacy === 'refuse') {
      warnings = this.#warnings(event);
      if (warnings.length && this.plan.privacy === 'refuse') {
        return { reasons: warnings.map((w) => `${w} This plan does not accept text that looks like a child's personal data.`) };
      }
    }
    return { next, warnings };
  }

  #stateOf(snapshot: LifecycleSnapshot): string {
    const value = snapshot.value as string | Record<string, string>;
    if (typeof value === 'string') return value;
    const [parent, child] = Object.entries(value)[0]!;
    return child === 'unjudged' ? parent : child;
  }

  #changed(events: PledgeEvent[], streams: string[]) {
    this.#state = undefined;
    this.#log = undefined;
    for (const s of streams) {
      const entry = this.#entries.get(s);
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

  #persist(event: PledgeEvent, snapshot: ItemSnapshot): Promise<void> {
    if (!this.#store) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.#unsaved.push({ event, snapshot, waiters: [(e) => (e === undefined ? resolve() : reject(e))] });
      void this.#drain();
    });
  }

  async #drain() {
    if (this.#draining || !this.#store) return;
    this.#draining = true;
    try {
      while (this.#unsaved.length) {
        const next = this.#unsaved[0]!;
        try {
          await this.#store.append(next.event, next.snapshot);
        } catch (error) {
          // Keep it (and everything after it) in memory, in order, for `flush()` to retry; tell
          // everyone waiting, once.
          for (const waiting of this.#unsaved) {
            for (const settle of waiting.waiters.splice(0)) settle(error ?? new Error('The store could not save the event.'));
          }
          return;
        }
        for (const settle of this.#unsaved.shift()!.waiters) settle();
      }
    } finally {
      this.#draining = false;
    }
  }

  /** Events accepted here but not yet written by the store (a full disk, say): they are retried by `flush()`. */
  get unsaved(): readonly PledgeEvent[] {
    return this.#unsaved.map((u) => u.event);
  }

  /** Tries again to write unsaved events. Resolves when all are written; rejects with the store's error. */
  flush(): Promise<void> {
    if (!this.#unsaved.length) return Promise.resolve();
    const last = this.#unsaved.at(-1)!;
    const settled = new Promise<void>((resolve, reject) => {
      last.waiters.push((e) => (e === undefined ? resolve() : reject(e)));
    });
    void this.#drain();
    return settled;
  }

  /** Events in the log that the engine would not apply, with the reasons: shown to their authors, never dropped. */
  get rejected(): readonly RejectedEvent[] {
    const out = [...this.#rejected];
    for (const entry of this.#entries.values()) out.push(...entry.refused);
    return out;
  }

  /** Items whose stored snapshot did not fit (an older machine version, a changed log) and were rebuilt from events. */
  get rebuilt(): readonly string[] {
    return this.#rebuilt;
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

  /** May `actor` take this step now? Gives every reason when not, and warnings when yes. */
  can(actor: Actor, step: { stream: string; type: EventType; data?: Record<string, unknown>; at?: string }): Decision {
    if (this.#closed) return { ok: false, reasons: [this.#closed] };
    const entry = this.#entries.get(step.stream);
    const parsed = parseEvent({ id: 'check-only', at: step.at ?? new Date(this.#now()).toISOString(), ...step, actor });
    if (!parsed.ok) return parsed;
    if (!entry) return { ok: false, reasons: [`There is no promise or action with the id "${step.stream}" in this plan.`] };
    // Without a date, the question is whether the step may be taken, not when.
    const outcome = this.#evaluate(entry, entry.snapshot, parsed.event, true, step.at !== undefined);
    return 'reasons' in outcome ? { ok: false, reasons: outcome.reasons } : { ok: true, warnings: outcome.warnings };
  }

  /** The steps this person might take on an item now, allowed or not, with reasons and the data each needs. */
  nextSteps(actor: Actor, id: string): NextStep[] {
    const entry = this.#entries.get(id);
    if (!entry || this.#closed) return [];
    // Someone the plan does not know, or not as they claim, is offered nothing: each step says why.
    const checked = ActorSchema.safeParse(actor, { reportInput: true });
    const actorReasons = checked.success ? actorProblems(checked.data, this.#people) : problemsFromZod(checked.error, ['actor']).map(formatProblem);
    const out: NextStep[] = [];
    for (const type of Object.keys(EVENT_FIELDS) as EventType[]) {
      if (!type.startsWith(`${entry.kind}.`)) continue;
      const event = { id: 'check-only', stream: id, type, data: {}, actor, at: '1970-01-01T00:00:00.000Z' } as unknown as PledgeEvent;
      const why = explainRefusal(MACHINES[entry.kind], entry.snapshot, event, CHECKS[entry.kind] as never);
      if (why.wrongState) continue; // not a step from this state at all: not offered
      const needs = STEP_NEEDS[type];
      if (actorReasons.length) {
        out.push({ type, label: stepName(type), allowed: false, reasons: actorReasons, needs });
        continue;
      }
      const target = { kind: entry.kind, item: entry.item, context: entry.snapshot.context } as PolicyTarget;
      const decision = may(actor, type, {}, target, this.plan);
      if (!decision.ok) {
        out.push({ type, label: stepName(type), allowed: false, reasons: decision.reasons, needs });
        continue;
      }
      // A step that needs nothing from the person can be checked against the machine's guards now.
      const blocked = needs.length === 0 && !lifecycleAccepts(MACHINES[entry.kind], entry.snapshot, event) ? why.reasons : [];
      out.push({ type, label: stepName(type), allowed: blocked.length === 0, reasons: blocked, needs });
    }
    return out;
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
    const seen = this.#seen(event.id);
    if (seen) {
      return sameEvent(seen, event)
        ? { ok: true, event: seen, duplicate: true, warnings: [], saved: Promise.resolve() }
        : { ok: false, reasons: conflict(event, seen).reasons };
    }
    const entry = this.#entries.get(event.stream);
    if (!entry) return { ok: false, reasons: [`There is no promise or action with the id "${event.stream}" in this plan.`] };
    this.#read(entry);
    // An event refused earlier (from a log, or from another tab) may be sent again: it is tried afresh.
    const held = entry.refused.find((r) => r.event.id === event.id);
    if (held && !sameEvent(held.event, event)) return { ok: false, reasons: conflict(event, held.event).reasons };

    const outcome = this.#evaluate(entry, entry.snapshot, event, true);
    const last = entry.events.at(-1);
    const others = entry.refused.filter((r) => r !== held);
    if ((last && compareEvents(last, event) > 0) || others.length) {
      // Dated before the item's latest change, or with events held back that this step may
      // let in: fold the item again over all it knows, in canonical order.
      const refolded = this.#refold(entry, event);
      if (!refolded.ok) return refolded;
    } else {
      if ('reasons' in outcome) return { ok: false, reasons: outcome.reasons };
      entry.snapshot = outcome.next;
      entry.events.push(event);
      this.#ids.set(event.id, event);
      if (held) entry.refused = others;
    }
    // Written before listeners run, so a listener that fails cannot cost the person their step.
    const saved = this.#persist(event, this.snapshot(event.stream)!);
    this.#changed([event], [event.stream]);
    return { ok: true, event, duplicate: false, warnings: 'warnings' in outcome ? outcome.warnings : this.#warnings(event), saved };
  }

  /**
   * Folds `entry` again over its events, those held back and `event`, in canonical order.
   * Taken only when `event` applies and every event applied before still does; all or nothing.
   */
  #refold(entry: Entry, event: PledgeEvent): { ok: true } | { ok: false; reasons: string[] } {
    const held = entry.refused.filter((r) => r.event.id !== event.id).map((r) => r.event);
    const outcome = this.#fold(entry, [...entry.events, ...held, event].sort(compareEvents));
    const refused = new Map(outcome.rejected.map((r) => [r.event.id, r]));
    const own = refused.get(event.id);
    if (own) return { ok: false, reasons: [`Taken in date order (${event.at}), this step does not fit the item's history: ${own.reasons.join(' ')}`] };
    const undone = entry.events.find((e) => refused.has(e.id));
    if (undone) {
      return {
        ok: false,
        reasons: [`Taken in date order (${event.at}), this step would undo a later one (${stepName(undone.type)} on ${undone.at}): ${refused.get(undone.id)!.reasons.join(' ')}`],
      };
    }
    entry.snapshot = outcome.snapshot;
    entry.events = outcome.applied;
    entry.refused = outcome.rejected;
    for (const e of outcome.applied) this.#ids.set(e.id, e);
    return { ok: true };
  }

  /** Privacy warnings for the free text of an event: scanned once per event. */
  #warnings(event: PledgeEvent): string[] {
    let warnings = this.#scanned.get(event);
    if (!warnings) this.#scanned.set(event, (warnings = scanEvent(event)));
    return warnings;
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
    const rejected: RejectedEvent[] = [];
    const incoming = new Map<string, PledgeEvent[]>();
    const inBatch = new Map<string, PledgeEvent>();
    for (const input of events) {
      const parsed = readEvent(input);
      if (!parsed.ok) {
        rejected.push({ event: input, reasons: parsed.reasons });
        continue;
      }
      const event = parsed.event;
      const seen = this.#seen(event.id);
      const entryOf = this.#entries.get(event.stream);
      if (entryOf) this.#read(entryOf);
      const held = entryOf?.refused.find((r) => r.event.id === event.id)?.event;
      const earlier = seen ?? held ?? inBatch.get(event.id);
      if (earlier && !sameEvent(earlier, event)) {
        rejected.push(conflict(event, earlier));
        continue;
      }
      const twin = inBatch.get(event.id);
      if (twin) {
        // The same event twice in one batch: keep one copy, the server's if one has a `seq`.
        if (event.seq !== undefined && twin.seq === undefined) {
          const list = incoming.get(event.stream);
          if (list) list[list.indexOf(twin)] = event;
          inBatch.set(event.id, event);
        }
        continue;
      }
      inBatch.set(event.id, event);
      // The server's copy of an event we already have brings its `seq`: keep it, and re-sort.
      const newSeq = seen && event.seq !== undefined && seen.seq !== event.seq;
      if (seen && !newSeq) continue;
      if (!entryOf) {
        if (this.#rejected.some((r) => r.event.id === event.id)) continue;
        rejected.push({ event, reasons: [`There is no promise or action with the id "${event.stream}" in this plan.`] });
        continue;
      }
      let list = incoming.get(event.stream);
      if (!list) incoming.set(event.stream, (list = []));
      list.push(event);
    }
    const applied: PledgeEvent[] = [];
    for (const [stream, fresh] of incoming) {
      const entry = this.#entries.get(stream)!;
      const held = entry.refused;
      const before = new Set(entry.events.map((e) => e.id));
      const byId = new Map<string, PledgeEvent>();
      // Fresh copies first: they may carry a server `seq` the stored copies lack.
      for (const e of [...fresh, ...entry.events, ...held.map((r) => r.event)]) if (!byId.has(e.id)) byId.set(e.id, e);
      const outcome = this.#fold(entry, [...byId.values()].sort(compareEvents));
      entry.snapshot = outcome.snapshot;
      entry.events = outcome.applied;
      for (const id of before) this.#ids.delete(id);
      for (const e of outcome.applied) {
        this.#ids.set(e.id, e);
        if (!before.has(e.id)) applied.push(e);
      }
      entry.refused = outcome.rejected;
      const heldIds = new Set(held.map((r) => r.event.id));
      rejected.push(...outcome.rejected.filter((r) => !heldIds.has(r.event.id)));
    }
    for (const r of rejected) if (!this.#entries.get(r.event.stream)?.refused.includes(r)) this.#rejected.push(r);
    const touched = [...incoming.keys()];
    if (touched.length) this.#changed(applied, touched);
    return { applied, rejected };
  }

  /** Folds `list` (in canonical order) from the item's first state; keeps what fits and why the rest does not. */
  #fold(entry: Entry, list: readonly PledgeEvent[]): { snapshot: LifecycleSnapshot; applied: PledgeEvent[]; rejected: RejectedEvent[] } {
    let snapshot = startLifecycle(MACHINES[entry.kind], entry.item);
    const applied: PledgeEvent[] = [];
    const rejected: RejectedEvent[] = [];
    for (const event of list) {
      const outcome = this.#evaluate(entry, snapshot, event, false);
      if ('reasons' in outcome) rejected.push({ event, reasons: outcome.reasons });
      else {
        snapshot = outcome.next;
        applied.push(event);
      }
    }
    return { snapshot, applied, rejected };
  }

  /** The item's snapshot as a store keeps it. */
  snapshot(id: string): ItemSnapshot | undefined {
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    if (entry.covered) return entry.covered;
    // The snapshot covers every event of the item in the log, refused ones included, so
    // that a store's log lines up with it by position.
    let last = entry.events.at(-1);
    for (const r of entry.refused) if (!last || compareEvents(r.event, last) > 0) last = r.event;
    return {
      stream: id,
      kind: entry.kind,
      machineVersion: VERSIONS[entry.kind],
      value: entry.snapshot.value,
      context: entry.snapshot.context,
      eventCount: entry.events.length + entry.refused.length,
      ...(last ? { lastEventId: last.id } : {}),
      ...(entry.events.length ? { updatedAt: entry.events.at(-1)!.at } : {}),
      ...(entry.refused.length ? { refused: entry.refused.map((r) => ({ id: r.event.id, reasons: r.reasons })) } : {}),
    };
  }

  /** Every item's snapshot, for a store to write after a rebuild. */
  snapshots(): ItemSnapshot[] {
    return [...this.#entries.keys()].map((id) => this.snapshot(id)!);
  }

  /** An item as it stands. The same object is returned until the item changes. */
  get(id: string): ItemView | undefined {
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    if (!entry.view) entry.view = this.#view(entry);
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

  #view(entry: Entry): ItemView {
    const covered = entry.covered;
    const updatedAt = covered ? covered.updatedAt : entry.events.at(-1)?.at;
    const eventCount = covered ? covered.eventCount - (covered.refused?.length ?? 0) : entry.events.length;
    const common = { state: this.#stateOf(entry.snapshot), eventCount, ...(updatedAt ? { updatedAt } : {}) };
    if (entry.kind === 'action') {
      const { id: _, ...context } = entry.snapshot.context as ActionContext;
      const { owner: __, dueDate: ___, reviewDate: ____, ...item } = entry.item as ActionItem;
      return Object.freeze({ ...item, ...context, ...common, kind: 'action' }) as ActionView;
    }
    const { id: _, ...context } = entry.snapshot.context as PromiseContext;
    const { owner: __, reviewDate: ___, ...item } = entry.item as PledgePromise;
    return Object.freeze({ ...item, ...context, ...common, kind: 'promise' }) as PromiseView;
  }

  /** Action items, in plan order, that match every field of `filter`. */
  actions(filter: ActionFilter = {}): ActionView[] {
    const states = filter.state === undefined ? undefined : ([] as string[]).concat(filter.state);
    const out: ActionView[] = [];
    for (const item of this.plan.actions) {
      const a = this.get(item.id) as ActionView;
      if (states && !states.includes(a.state)) continue;
      if (filter.workstream && a.workstream !== filter.workstream) continue;
      if (filter.leadAgency && a.leadAgency !== filter.leadAgency) continue;
      if (filter.agency && a.leadAgency !== filter.agency && !a.partners.includes(filter.agency)) continue;
      if (filter.owner && a.owner !== filter.owner) continue;
      if (filter.promise && !a.promises.includes(filter.promise)) continue;
      if (filter.principle && !a.principles.includes(filter.principle)) continue;
      out.push(a);
    }
    return out;
  }

  /** Promises in number order. */
  promises(): PromiseView[] {
    return this.plan.promises.map((p) => this.get(p.id) as PromiseView).sort((a, b) => a.number - b.number);
  }

  /** Items of one kind: `list({ kind: 'action', ...filter })` or `list({ kind: 'promise' })`. */
  list(filter: { kind: 'action' } & ActionFilter): ActionView[];
  list(filter: { kind: 'promise' }): PromiseView[];
  list(filter: ({ kind: 'action' } & ActionFilter) | { kind: 'promise' }): ItemView[] {
    if (filter.kind === 'promise') return this.promises();
    const { kind: _, ...rest } = filter;
    return this.actions(rest);
  }

  /** The item's audit trail, oldest first: who did what, when, and why. */
  history(id: string): HistoryEntry[] {
    const entry = this.#entries.get(id);
    if (!entry) return [];
    this.#read(entry);
    return entry.events.map((event) => {
      const person = this.#people.get(event.actor.userId);
      const agency = this.#agencies.get(event.actor.agencyId);
      const name = person?.name ?? event.actor.userId;
      const agencyName = agency?.name ?? event.actor.agencyId;
      return {
        eventId: event.id,
        at: event.at,
        type: event.type,
        actor: { ...event.actor, name, agencyName, roleLabel: ROLE_LABELS[event.actor.role] },
        summary: `${name} (${agencyName}) ${describeEvent(event, this.plan)}`,
        data: event.data as Record<string, unknown>,
      };
    });
  }

  /** Every accepted event, in canonical order. */
  events(): readonly PledgeEvent[] {
    if (!this.#log) {
      this.#readAll();
      const all: PledgeEvent[] = [];
      for (const entry of this.#entries.values()) all.push(...entry.events);
      this.#log = all.sort(compareEvents);
    }
    return this.#log;
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
