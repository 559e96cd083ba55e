import type { RejectedEvent } from '../decide/fold.js';
import { compareEvents } from '../events/order.js';
import { readEvent } from '../events/parse.js';
import type { ItemSnapshot } from '../items/snapshot.js';
import { restoreLifecycle } from '../machines/lifecycle.js';
import type { PledgeEvent } from '../schema/events.js';
import type { Entry } from './entry.js';

/**
 * Loading from a store's snapshots, reading the events they cover only when needed (an
 * item's history, the whole log, the first step taken or received): loading then costs the
 * number of items, not the length of the log.
 */
export class CoveredItems {
  readonly #coveredEvents: (stream: string) => readonly PledgeEvent[];
  /** How many items still have events covered by their snapshot and not read. */
  #unread = 0;

  constructor(coveredEvents: (stream: string) => readonly PledgeEvent[]) {
    this.#coveredEvents = coveredEvents;
  }

  get unread(): number {
    return this.#unread;
  }

  /**
   * Starts each item whose snapshot fits (and has no events after it in `after`) from that
   * snapshot, its events unread. Gives back what must be loaded now, from the start: the
   * covered events of every other item, the events after the snapshots, and those snapshots.
   */
  restore(entries: ReadonlyMap<string, Entry>, after: readonly unknown[], snapshots: readonly ItemSnapshot[]): { events: unknown[]; snapshots: ItemSnapshot[] } {
    const touched = new Set<string>();
    // Read once here; what is handed on is the parsed event, which the load recognises at once.
    const read = after.map((event) => {
      const parsed = readEvent(event);
      if (!parsed.ok) return event;
      touched.add(parsed.event.stream);
      return parsed.event;
    });
    for (const snap of snapshots) {
      const entry = entries.get(snap.stream);
      if (!entry) continue;
      const accepted = snap.eventCount - (snap.refused?.length ?? 0);
      const restored =
        snap.kind === entry.kind.kind && snap.machineVersion === entry.kind.version && !touched.has(snap.stream) &&
        // Refused events are shown to their authors, and a view needs the time of the last change: read those now.
        !snap.refused?.length && (accepted === 0 || snap.updatedAt !== undefined)
          ? restoreLifecycle(entry.kind.lifecycle, snap.value, snap.context)
          : undefined;
      if (restored && snap.eventCount > 0) {
        entry.snapshot = restored;
        entry.covered = snap;
        this.#unread++;
      }
    }
    // Everything else is loaded from the start, over its covered events and the events after
    // them (items with no snapshot have all their events in `after`; events of an item no
    // longer in the plan are read now too, to be shown in `rejected`).
    const events: unknown[] = [];
    const readNow: ItemSnapshot[] = [];
    for (const snap of snapshots) {
      const entry = entries.get(snap.stream);
      if (!entry || (!entry.covered && snap.eventCount > 0)) {
        events.push(...this.#coveredEvents(snap.stream));
        readNow.push(snap);
      }
    }
    for (const event of read) events.push(event);
    return { events, snapshots: readNow };
  }

  /**
   * The events `entry`'s snapshot covers, read in full and in canonical order, and whether
   * they are still what the snapshot covered (`fits`); undefined when they were read already.
   */
  read(entry: Entry): { events: PledgeEvent[]; damaged: RejectedEvent[]; fits: boolean } | undefined {
    const snap = entry.covered;
    if (!snap) return undefined;
    entry.covered = undefined;
    this.#unread--;
    const events: PledgeEvent[] = [];
    const damaged: RejectedEvent[] = [];
    for (const stored of this.#coveredEvents(snap.stream)) {
      const read = readEvent(stored);
      if (read.ok) events.push(read.event);
      else damaged.push({ event: stored as PledgeEvent, reasons: read.reasons });
    }
    events.sort(compareEvents);
    return { events, damaged, fits: events.length === snap.eventCount && events.at(-1)?.id === snap.lastEventId };
  }
}
