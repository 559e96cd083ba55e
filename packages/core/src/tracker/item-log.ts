import type { Verdict } from '../decide/decide.js';
import { foldItem, planItems, type Folded, type RejectedEvent } from '../decide/fold.js';
import { compareEvents, differences, sameEvent } from '../events/order.js';
import { isParsedEvent, parseEvent, readEvent } from '../events/parse.js';
import { splitLog, type SplitLog } from '../events/split-log.js';
import { CoveredItems } from './covered-items.js';
import type { Entry } from './entry.js';
import type { ItemKindDescriptor, PlanItem } from '../items/kinds.js';
import type { ItemSnapshot } from '../items/snapshot.js';
import { restoreLifecycle, startLifecycle, type LifecycleSnapshot } from '../machines/lifecycle.js';
import type { PledgeEvent } from '../schema/events.js';
import type { Plan } from '../schema/plan.js';

export type { Entry } from './entry.js';

const noItem = (stream: string) => `There is no promise, action, meeting or recommendation with the id "${stream}" in this plan.`;

/** Two events with one id and different content: the later one is refused, with both kept. */
export function conflict(event: PledgeEvent, recorded: PledgeEvent): RejectedEvent {
  return {
    event,
    conflictsWith: recorded,
    reasons: [`An event with the id ${event.id} was already recorded with different content (${differences(recorded, event).join(', ')} differ).`],
  };
}

/**
 * Every item of a plan with the events it took and refused, and every event id seen: what
 * a tracker folds into. Loads a log (from the start, or from stored snapshots, reading the
 * events they cover only when needed), takes a step folded over everything known for its
 * item, and takes events from elsewhere in any order.
 */
export class ItemLog {
  readonly plan: Plan;
  readonly entries = new Map<string, Entry>();
  /** Events that belong to no item, are malformed or conflict with one seen first. */
  readonly loose: RejectedEvent[] = [];
  /** Items whose stored snapshot did not fit and were rebuilt from events. */
  readonly rebuilt: string[] = [];
  #ids = new Map<string, PledgeEvent>();
  readonly #covered: CoveredItems | undefined;
  readonly #onRebuilt: (stream: string) => void;

  /**
   * `coveredEvents` reads the events a stored snapshot covers, when they are needed;
   * `onRebuilt` hears of an item rebuilt then because the store no longer held what its
   * snapshot covered.
   */
  constructor(plan: Plan, coveredEvents?: (stream: string) => readonly PledgeEvent[], onRebuilt: (stream: string) => void = () => {}) {
    this.plan = plan;
    this.#covered = coveredEvents ? new CoveredItems(coveredEvents) : undefined;
    this.#onRebuilt = onRebuilt;
    for (const { kind, item } of planItems(plan)) this.entries.set(item.id, this.#newEntry(kind, item));
  }

  #newEntry(kind: ItemKindDescriptor, item: PlanItem): Entry {
    return { kind, item, snapshot: startLifecycle(kind.lifecycle, item), events: [], refused: [] };
  }

  /** Loads a log: `events` in any order, with each item's stored snapshot when it still fits. */
  load(events: readonly unknown[], snapshots: readonly ItemSnapshot[]): void {
    if (!this.#covered) return this.#load(events, snapshots);
    const rest = this.#covered.restore(this.entries, events, snapshots);
    this.#load(rest.events, rest.snapshots);
  }

  /** Reads and takes in the events the item's snapshot covers, before anything changes it. */
  read(entry: Entry): void {
    const covered = this.#covered?.read(entry);
    if (!covered) return;
    this.loose.push(...covered.damaged);
    if (covered.fits) {
      for (const event of covered.events) {
        entry.events.push(event);
        this.#ids.set(event.id, event);
      }
      return;
    }
    // The store no longer holds what the snapshot covers: fold what it holds instead.
    this.rebuilt.push(entry.item.id);
    const fresh = covered.events.filter((e) => !this.#ids.has(e.id));
    this.#settle(entry, foldItem(this.plan, entry, fresh));
    entry.view = undefined;
    this.#onRebuilt(entry.item.id);
  }

  /** Reads every item's covered events: for the whole log, and to know every id. */
  readAll(): void {
    if (!this.#covered?.unread) return;
    for (const entry of this.entries.values()) this.read(entry);
  }

  /** The accepted event with this id, reading covered events first if some are not read yet. */
  seen(id: string): PledgeEvent | undefined {
    const found = this.#ids.get(id);
    if (found || !this.#covered?.unread) return found;
    this.readAll();
    return this.#ids.get(id);
  }

  #load(events: readonly unknown[], snapshots: readonly ItemSnapshot[]) {
    const split = this.#ids.size === 0 ? splitLog(events) : undefined;
    if (split) this.#loadByItem(split, events, snapshots);
    else this.#loadInOrder(events, snapshots);
  }

  /**
   * Loads a log whose event ids are all different, item by item: each item's events are
   * read in full, put in canonical order and folded while they are still in the processor's
   * cache. (Reading 100,000 events in one pass and folding them in another fetches each from
   * memory twice.) What it leaves is what `#loadInOrder` leaves.
   */
  #loadByItem(split: SplitLog, events: readonly unknown[], snapshots: readonly ItemSnapshot[]) {
    const ids = (this.#ids = split.ids as Map<string, PledgeEvent>);
    const malformed: { input: unknown; reasons: string[] }[] = [];
    // Inputs with no id or item id as text are never events: read for the reasons.
    for (const input of split.unnamed) this.#read(input, malformed);
    const snaps = new Map(snapshots.map((s) => [s.stream, s]));
    const orphans: PledgeEvent[][] = [];
    const rebuilt = this.rebuilt.length;
    for (const [stream, inputs] of split.byStream) {
      const list: PledgeEvent[] = [];
      let sorted = true;
      for (const input of inputs) {
        const event = this.#read(input, malformed);
        if (!event) {
          ids.delete((input as PledgeEvent).id);
          continue;
        }
        if (event !== input) ids.set(event.id, event);
        if (sorted && list.length && compareEvents(list[list.length - 1]!, event) > 0) sorted = false;
        list.push(event);
      }
      if (!sorted) list.sort(compareEvents);
      const entry = this.entries.get(stream);
      if (entry) this.#foldFrom(entry, list, snaps.get(stream));
      else if (list.length) orphans.push(list);
    }
    // In the order a load of the whole log gives: malformed inputs as they came, then events
    // of no item, and items rebuilt, in canonical order.
    if (malformed.length === 1) this.loose.push({ event: malformed[0]!.input as PledgeEvent, reasons: malformed[0]!.reasons });
    else if (malformed.length > 1) {
      const reasons = new Map(malformed.map((m) => [m.input, m.reasons]));
      for (const input of events) {
        const why = reasons.get(input);
        if (why) this.loose.push({ event: input as PledgeEvent, reasons: why });
      }
    }
    orphans.sort((a, b) => compareEvents(a[0]!, b[0]!));
    for (const list of orphans) for (const event of list) this.loose.push({ event, reasons: [noItem(event.stream)] });
    if (this.rebuilt.length - rebuilt > 1) {
      const first = (stream: string) => this.entries.get(stream)!.events[0] ?? this.entries.get(stream)!.refused[0]!.event;
      this.rebuilt.splice(rebuilt, Infinity, ...this.rebuilt.slice(rebuilt).sort((a, b) => compareEvents(first(a), first(b))));
    }
    for (const [stream, snap] of snaps) {
      if (!split.byStream.has(stream) && snap.eventCount > 0) this.rebuilt.push(stream);
    }
  }

  /** `input` read in full (`readEvent`); undefined, with `malformed` told why, when it is not an event. */
  #read(input: unknown, malformed: { input: unknown; reasons: string[] }[]): PledgeEvent | undefined {
    if (isParsedEvent(input)) return input;
    const read = parseEvent(input);
    if (read.ok) return read.event;
    malformed.push({ input, reasons: read.reasons });
    return undefined;
  }

  /** Loads a log as a whole: every event read, put in canonical order and checked for ids seen before, then each item folded. */
  #loadInOrder(events: readonly unknown[], snapshots: readonly ItemSnapshot[]) {
    // Every event is read in full (schema, links, `at` in its one form); one that fails is
    // kept in `loose` with its reasons.
    const wellFormed: PledgeEvent[] = [];
    let sorted = true;
    for (const input of events) {
      // (The quick check first, without `readEvent`'s result object: a replay reads 100,000.)
      let event: PledgeEvent;
      if (isParsedEvent(input)) event = input;
      else {
        const read = parseEvent(input);
        if (!read.ok) {
          this.loose.push({ event: input as PledgeEvent, reasons: read.reasons });
          continue;
        }
        event = read.event;
      }
      if (sorted && wellFormed.length && compareEvents(wellFormed[wellFormed.length - 1]!, event) > 0) sorted = false;
      wellFormed.push(event);
    }
    if (!sorted) wellFormed.sort(compareEvents);
    const byStream = new Map<string, PledgeEvent[]>();
    for (const event of wellFormed) {
      const seen = this.#ids.get(event.id);
      if (seen) {
        if (!sameEvent(seen, event)) this.loose.push(conflict(event, seen));
        continue;
      }
      this.#ids.set(event.id, event);
      let list = byStream.get(event.stream);
      if (!list) byStream.set(event.stream, (list = []));
      list.push(event);
    }
    const snaps = new Map(snapshots.map((s) => [s.stream, s]));
    for (const [stream, list] of byStream) {
      const entry = this.entries.get(stream);
      if (!entry) {
        for (const event of list) this.loose.push({ event, reasons: [noItem(stream)] });
        continue;
      }
      this.#foldFrom(entry, list, snaps.get(stream));
    }
    for (const [stream, snap] of snaps) {
      if (!byStream.has(stream) && snap.eventCount > 0) this.rebuilt.push(stream);
    }
  }

  /** Brings `entry` up to date with `list` (its whole stream), from a snapshot when it still fits. */
  #foldFrom(entry: Entry, list: PledgeEvent[], snap: ItemSnapshot | undefined) {
    let start = 0;
    if (snap) {
      const fits =
        snap.kind === entry.kind.kind &&
        snap.machineVersion === entry.kind.version &&
        snap.eventCount <= list.length &&
        (snap.eventCount === 0 || list[snap.eventCount - 1]?.id === snap.lastEventId);
      const restored = fits ? restoreLifecycle(entry.kind.lifecycle, snap.value, snap.context) : undefined;
      if (restored) {
        entry.snapshot = restored;
        const refused = new Map((snap.refused ?? []).map((r) => [r.id, r.reasons]));
        for (const event of list.slice(0, snap.eventCount)) {
          const reasons = refused.get(event.id);
          if (reasons) entry.refused.push({ event, reasons });
          else entry.events.push(event);
        }
        start = snap.eventCount;
      } else {
        this.rebuilt.push(entry.item.id);
      }
    }
    const folded = foldItem(this.plan, entry, start ? list.slice(start) : list, entry.snapshot);
    entry.snapshot = folded.snapshot;
    entry.events.push(...folded.applied);
    entry.refused.push(...folded.rejected);
    for (const r of entry.refused) this.#ids.delete(r.event.id);
    entry.view = undefined;
  }

  /** Makes `folded` the item's state: its events and refused events replace the old ones. */
  #settle(entry: Entry, folded: Folded) {
    for (const e of entry.events) this.#ids.delete(e.id);
    entry.snapshot = folded.snapshot;
    entry.events = folded.applied;
    entry.refused = folded.rejected;
    for (const e of folded.applied) this.#ids.set(e.id, e);
  }

  /**
   * Takes `event`, taken here and judged against the item's state as `verdict`: at the end of
   * the item's history when it comes after everything known for the item; otherwise the item
   * is folded again over everything known for it, events held back included (as `receive()`
   * folds it), and the step is taken only if it fits and undoes nothing taken before.
   */
  take(entry: Entry, event: PledgeEvent, verdict: Verdict): { ok: true } | { ok: false; reasons: string[] } {
    const last = entry.events.at(-1);
    const held = entry.refused.filter((r) => r.event.id !== event.id);
    if ((!last || compareEvents(last, event) < 0) && held.length === 0) {
      if (!verdict.ok) return verdict;
      entry.snapshot = verdict.next;
      entry.events.push(event);
      entry.refused = [];
      this.#ids.set(event.id, event);
      return { ok: true };
    }
    const folded = foldItem(this.plan, entry, [...entry.events, ...held.map((r) => r.event), event].sort(compareEvents));
    const refused = new Map(folded.rejected.map((r) => [r.event.id, r]));
    const own = refused.get(event.id);
    if (own) return { ok: false, reasons: [`Taken in date order (${event.at}), this step does not fit the item's history: ${own.reasons.join(' ')}`] };
    const undone = entry.events.find((e) => refused.has(e.id));
    if (undone) {
      return {
        ok: false,
        reasons: [`Taken in date order (${event.at}), this step would undo a later one (${undone.type} on ${undone.at}): ${refused.get(undone.id)!.reasons.join(' ')}`],
      };
    }
    this.#settle(entry, folded);
    return { ok: true };
  }

  /**
   * Takes events from elsewhere (another tab, a sync server) in any order, with duplicates.
   * Each touched item is folded again over everything known for it, in canonical order,
   * including events held back earlier because they arrived before what they build on.
   */
  receive(events: readonly unknown[]): { applied: PledgeEvent[]; rejected: RejectedEvent[]; touched: string[] } {
    const rejected: RejectedEvent[] = [];
    const incoming = new Map<string, PledgeEvent[]>();
    const inBatch = new Map<string, PledgeEvent>();
    for (const input of events) {
      const parsed = readEvent(input);
      if (!parsed.ok) {
        rejected.push({ event: input as PledgeEvent, reasons: parsed.reasons });
        continue;
      }
      const event = parsed.event;
      const seen = this.seen(event.id);
      const entry = this.entries.get(event.stream);
      if (entry) this.read(entry);
      const held = entry?.refused.find((r) => r.event.id === event.id)?.event;
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
      if (seen && (event.seq === undefined || seen.seq === event.seq)) continue;
      if (!entry) {
        // (`loose` holds malformed inputs too: null, text, anything.)
        if (!this.loose.some((r) => (r.event as PledgeEvent | null)?.id === event.id)) rejected.push({ event, reasons: [noItem(event.stream)] });
        continue;
      }
      let list = incoming.get(event.stream);
      if (!list) incoming.set(event.stream, (list = []));
      list.push(event);
    }
    const applied: PledgeEvent[] = [];
    for (const [stream, fresh] of incoming) {
      const entry = this.entries.get(stream)!;
      const before = new Set(entry.events.map((e) => e.id));
      const heldIds = new Set(entry.refused.map((r) => r.event.id));
      const byId = new Map<string, PledgeEvent>();
      // Fresh copies first: they may carry a server `seq` the stored copies lack.
      for (const e of [...fresh, ...entry.events, ...entry.refused.map((r) => r.event)]) if (!byId.has(e.id)) byId.set(e.id, e);
      const folded = foldItem(this.plan, entry, [...byId.values()].sort(compareEvents));
      this.#settle(entry, folded);
      for (const e of folded.applied) if (!before.has(e.id)) applied.push(e);
      rejected.push(...folded.rejected.filter((r) => !heldIds.has(r.event.id)));
      entry.view = undefined;
    }
    for (const r of rejected) if (!this.entries.get(r.event.stream)?.refused.includes(r)) this.loose.push(r);
    return { applied, rejected, touched: [...incoming.keys()] };
  }

  /** The item's snapshot as a store keeps it: it covers every event of the item, refused ones included. */
  snapshot(entry: Entry): ItemSnapshot {
    if (entry.covered) return entry.covered;
    let last = entry.events.at(-1);
    for (const r of entry.refused) if (!last || compareEvents(r.event, last) > 0) last = r.event;
    return {
      stream: entry.item.id,
      kind: entry.kind.kind,
      machineVersion: entry.kind.version,
      value: entry.snapshot.value,
      context: entry.snapshot.context,
      eventCount: entry.events.length + entry.refused.length,
      ...(last ? { lastEventId: last.id } : {}),
      ...(entry.events.length ? { updatedAt: entry.events.at(-1)!.at } : {}),
      ...(entry.refused.length ? { refused: entry.refused.map((r) => ({ id: r.event.id, reasons: r.reasons })) } : {}),
    };
  }

  /** Every accepted event, in canonical order. */
  events(): PledgeEvent[] {
    this.readAll();
    const all: PledgeEvent[] = [];
    for (const entry of this.entries.values()) all.push(...entry.events);
    return all.sort(compareEvents);
  }

  /** Every event held but not applied, with why. */
  rejected(): RejectedEvent[] {
    const out = [...this.loose];
    for (const entry of this.entries.values()) out.push(...entry.refused);
    return out;
  }
}

