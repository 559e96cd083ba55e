import type { PledgeEvent } from '../schema/events.js';
import type { ItemSnapshot } from '../items/snapshot.js';
import { splitAtSnapshots } from './covered.js';
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
    // Split what is stored (nothing is changed by splitting), then copy only what is handed out:
    // the events after the snapshots now, each item's covered events when they are read.
    const log = splitAtSnapshots(this.#events, [...this.#snapshots.values()]);
    return {
      events: structuredClone(log.events),
      snapshots: structuredClone(log.snapshots),
      coveredEvents: (stream) => structuredClone(log.coveredEvents(stream)),
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
