import type { PledgeEvent } from '../schema/events.js';
import type { ItemSnapshot } from '../tracker/snapshot.js';

/** Everything a store holds for one plan. */
export interface StoredLog {
  events: PledgeEvent[];
  snapshots: ItemSnapshot[];
}

/**
 * Where a tracker keeps its events. `append` writes the event and the item's new snapshot
 * together (all or nothing); a rejected promise means neither was written.
 */
export interface EventStore {
  load(): Promise<StoredLog>;
  append(event: PledgeEvent, snapshot: ItemSnapshot): Promise<void>;
}
