import type { PledgeEvent } from '../schema/events.js';
import { compareEvents } from '../tracker/tracker.js';
import type { ItemSnapshot } from '../tracker/snapshot.js';
import type { EventStore, StoredLog } from './event-store.js';

/**
 * An EventStore in memory: for tests, Node scripts and as the fallback when the browser has
 * no storage. Like a real store, it hands a tracker each item's snapshot and only the events
 * after it; the tracker reads the covered ones when it needs them.
 */
export class MemoryStore implements EventStore {
  readonly #events: PledgeEvent[] = [];
  readonly #ids = new Set<string>();
  readonly #snapshots = new Map<string, ItemSnapshot>();

  constructor(initial?: Partial<StoredLog>) {
    for (const e of initial?.events ?? []) this.#add(e);
    for (const s of initial?.snapshots ?? []) this.#snapshots.set(s.stream, structuredClone(s));
  }

  #add(event: PledgeEvent) {
    if (this.#ids.has(event.id)) return;
    this.#ids.add(event.id);
    this.#events.push(structuredClone(event));
  }

  async load(): Promise<StoredLog> {
    const byStream = new Map<string, PledgeEvent[]>();
    for (const event of this.#events) {
      let list = byStream.get(event.stream);
      if (!list) byStream.set(event.stream, (list = []));
      list.push(event);
    }
    const after: PledgeEvent[] = [];
    const covered = new Map<string, PledgeEvent[]>();
    for (const [stream, list] of byStream) {
      list.sort(compareEvents);
      const snap = this.#snapshots.get(stream);
      // A snapshot that does not line up with the log covers nothing: the tracker rebuilds the item.
      const fits = snap && snap.eventCount <= list.length && (snap.eventCount === 0 || list[snap.eventCount - 1]!.id === snap.lastEventId);
      const n = fits ? snap.eventCount : 0;
      covered.set(stream, list.slice(0, n));
      after.push(...list.slice(n));
    }
    return {
      events: structuredClone(after),
      snapshots: structuredClone([...this.#snapshots.values()]),
      coveredEvents: (stream) => structuredClone(covered.get(stream) ?? []),
    };
  }

  /** Every stored event, in the order written (for scripts, tests and exports). */
  events(): PledgeEvent[] {
    return structuredClone(this.#events);
  }

  async append(event: PledgeEvent, snapshot: ItemSnapshot): Promise<void> {
    this.#add(event);
    this.#snapshots.set(snapshot.stream, structuredClone(snapshot));
  }
}
