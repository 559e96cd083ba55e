import { conflict, foldItem, noSuchItem, type RejectedEvent } from '../decide/fold.js';
import { compareEvents, sameEvent } from '../events/order.js';
import { isParsedEvent, parseEvent } from '../events/parse.js';
import { splitLog, type SplitLog } from '../events/split-log.js';
import type { ItemSnapshot } from '../items/snapshot.js';
import { restoreLifecycle } from '../machines/lifecycle.js';
import type { PledgeEvent } from '../schema/events.js';
import type { Plan } from '../schema/plan.js';
import type { Entry } from './entry.js';

/** What loading a log leaves besides each item's state. */
export interface LoadedLog {
  /** Every event id taken or seen, with its event (refused events' ids are free again). */
  ids: Map<string, PledgeEvent>;
  /** Malformed inputs, conflicts and events of no item, with why. */
  loose: RejectedEvent[];
  /** Items whose stored snapshot did not fit and were rebuilt from events. */
  rebuilt: string[];
}

/**
 * Loads `events` (in any order, any form) into `entries` (each at its first state), from each
 * item's stored snapshot when it still fits. `ids` are the event ids known before: a first
 * load with none, and whose ids all differ, goes item by item; any other goes as a whole.
 */
export function loadLog(plan: Plan, entries: ReadonlyMap<string, Entry>, ids: Map<string, PledgeEvent>, events: readonly unknown[], snapshots: readonly ItemSnapshot[]): LoadedLog {
  const split = ids.size === 0 ? splitLog(events) : undefined;
  const loaded: LoadedLog = { ids: split ? (split.ids as Map<string, PledgeEvent>) : ids, loose: [], rebuilt: [] };
  if (split) loadByItem(plan, entries, loaded, split, events, snapshots);
  else loadInOrder(plan, entries, loaded, events, snapshots);
  return loaded;
}

type Malformed = { input: unknown; reasons: string[] };

/**
 * Loads a log whose event ids are all different, item by item: each item's events are
 * read in full, put in canonical order and folded while they are still in the processor's
 * cache. (Reading 100,000 events in one pass and folding them in another fetches each from
 * memory twice.) What it leaves is what `loadInOrder` leaves.
 */
function loadByItem(plan: Plan, entries: ReadonlyMap<string, Entry>, loaded: LoadedLog, split: SplitLog, events: readonly unknown[], snapshots: readonly ItemSnapshot[]) {
  const { ids, loose, rebuilt } = loaded;
  const malformed: Malformed[] = [];
  // Inputs with no id or item id as text are never events: read for the reasons.
  for (const input of split.unnamed) read(input, malformed);
  const snaps = new Map(snapshots.map((s) => [s.stream, s]));
  const orphans: PledgeEvent[][] = [];
  for (const [stream, inputs] of split.byStream) {
    const list: PledgeEvent[] = [];
    let sorted = true;
    for (const input of inputs) {
      const event = read(input, malformed);
      if (!event) {
        ids.delete((input as PledgeEvent).id);
        continue;
      }
      if (event !== input) ids.set(event.id, event);
      if (sorted && list.length && compareEvents(list[list.length - 1]!, event) > 0) sorted = false;
      list.push(event);
    }
    if (!sorted) list.sort(compareEvents);
    const entry = entries.get(stream);
    if (entry) foldFrom(plan, loaded, entry, list, snaps.get(stream));
    else if (list.length) orphans.push(list);
  }
  // In the order a load of the whole log gives: malformed inputs as they came, then events
  // of no item, and items rebuilt, in canonical order.
  if (malformed.length === 1) loose.push({ event: malformed[0]!.input as PledgeEvent, reasons: malformed[0]!.reasons });
  else if (malformed.length > 1) {
    const reasons = new Map(malformed.map((m) => [m.input, m.reasons]));
    for (const input of events) {
      const why = reasons.get(input);
      if (why) loose.push({ event: input as PledgeEvent, reasons: why });
    }
  }
  orphans.sort((a, b) => compareEvents(a[0]!, b[0]!));
  for (const list of orphans) for (const event of list) loose.push({ event, reasons: [noSuchItem(event.stream)] });
  if (rebuilt.length > 1) {
    const first = (stream: string) => entries.get(stream)!.events[0] ?? entries.get(stream)!.refused[0]!.event;
    rebuilt.sort((a, b) => compareEvents(first(a), first(b)));
  }
  for (const [stream, snap] of snaps) {
    if (!split.byStream.has(stream) && snap.eventCount > 0) rebuilt.push(stream);
  }
}

/** `input` read in full (`readEvent`, without its result object: a replay reads 100,000); undefined, with `malformed` told why, when it is not an event. */
function read(input: unknown, malformed: Malformed[]): PledgeEvent | undefined {
  if (isParsedEvent(input)) return input;
  const parsed = parseEvent(input);
  if (parsed.ok) return parsed.event;
  malformed.push({ input, reasons: parsed.reasons });
  return undefined;
}

/** Loads a log as a whole: every event read, put in canonical order and checked for ids seen before, then each item folded. */
function loadInOrder(plan: Plan, entries: ReadonlyMap<string, Entry>, loaded: LoadedLog, events: readonly unknown[], snapshots: readonly ItemSnapshot[]) {
  const { ids, loose, rebuilt } = loaded;
  // Every event is read in full (schema, links, `at` in its one form); one that fails is
  // kept in `loose` with its reasons.
  const wellFormed: PledgeEvent[] = [];
  const malformed: Malformed[] = [];
  let sorted = true;
  for (const input of events) {
    const event = read(input, malformed);
    if (!event) continue;
    if (sorted && wellFormed.length && compareEvents(wellFormed[wellFormed.length - 1]!, event) > 0) sorted = false;
    wellFormed.push(event);
  }
  if (!sorted) wellFormed.sort(compareEvents);
  for (const { input, reasons } of malformed) loose.push({ event: input as PledgeEvent, reasons });
  const byStream = new Map<string, PledgeEvent[]>();
  for (const event of wellFormed) {
    const seen = ids.get(event.id);
    if (seen) {
      if (!sameEvent(seen, event)) loose.push(conflict(event, seen));
      continue;
    }
    ids.set(event.id, event);
    let list = byStream.get(event.stream);
    if (!list) byStream.set(event.stream, (list = []));
    list.push(event);
  }
  const snaps = new Map(snapshots.map((s) => [s.stream, s]));
  for (const [stream, list] of byStream) {
    const entry = entries.get(stream);
    if (!entry) {
      for (const event of list) loose.push({ event, reasons: [noSuchItem(stream)] });
      continue;
    }
    foldFrom(plan, loaded, entry, list, snaps.get(stream));
  }
  for (const [stream, snap] of snaps) {
    if (!byStream.has(stream) && snap.eventCount > 0) rebuilt.push(stream);
  }
}

/** Brings `entry` up to date with `list` (its whole stream), from a snapshot when it still fits. */
function foldFrom(plan: Plan, loaded: LoadedLog, entry: Entry, list: PledgeEvent[], snap: ItemSnapshot | undefined) {
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
      loaded.rebuilt.push(entry.item.id);
    }
  }
  const folded = foldItem(plan, entry, start ? list.slice(start) : list, entry.snapshot);
  entry.snapshot = folded.snapshot;
  entry.events.push(...folded.applied);
  entry.refused.push(...folded.rejected);
  for (const r of entry.refused) loaded.ids.delete(r.event.id);
  entry.view = undefined;
}
