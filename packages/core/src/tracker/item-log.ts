import type { Verdict } from '../decide/decide.js';
import { conflict, foldItem, noSuchItem, planItems, type Folded, type RejectedEvent } from '../decide/fold.js';
import { compareEvents, sameEvent } from '../events/order.js';
import { readEvent } from '../events/parse.js';
import { CoveredItems } from './covered-items.js';
import type { Entry } from './entry.js';
import { loadLog } from './load-log.js';
import type { ItemKindDescriptor, PlanItem } from '../items/kinds.js';
import type { ItemSnapshot } from '../items/snapshot.js';
import { startLifecycle, type LifecycleSnapshot } from '../machines/lifecycle.js';
import type { PledgeEvent } from '../schema/events.js';
import type { Plan } from '../schema/plan.js';

export type { Entry } from './entry.js';

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
    const loaded = loadLog(this.plan, this.entries, this.#ids, events, snapshots);
    this.#ids = loaded.ids;
    for (const r of loaded.loose) this.loose.push(r);
    for (const stream of loaded.rebuilt) this.rebuilt.push(stream);
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
        if (!this.loose.some((r) => (r.event as PledgeEvent | null)?.id === event.id)) rejected.push({ event, reasons: [noSuchItem(event.stream)] });
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

