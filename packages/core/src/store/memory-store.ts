import type { PledgeEvent } from '../schema/events.js';
import type { ItemSnapshot } from '../tracker/snapshot.js';
import type { EventStore, StoredLog } from './event-store.js';

/** An EventStore in memory: for tests, Node scripts and as the fallback when the browser has no storage. */
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
    return { events: structuredClone(this.#events), snapshots: structuredClone([...this.#snapshots.values()]) };
  }

  async append(event: PledgeEvent, snapshot: ItemSnapshot): Promise<void> {
    this.#add(event);
    this.#snapshots.set(snapshot.stream, structuredClone(snapshot));
  }
}
