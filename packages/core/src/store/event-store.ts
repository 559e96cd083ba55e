import type { PledgeEvent } from '../schema/events.js';
import type { ItemSnapshot } from '../items/snapshot.js';

/** Everything a store holds for one plan. */
export interface StoredLog {
  /** The whole log; or, with `coveredEvents`, only the events after the snapshots. */
  events: PledgeEvent[];
  snapshots: ItemSnapshot[];
  /**
   * Reads the events an item's snapshot covers, in canonical order, refused ones included.
   * A store that gives it hands the tracker only the events after the snapshots, and the
   * tracker reads the rest when it needs them (see `TrackerOptions.coveredEvents`).
   */
  coveredEvents?: (stream: string) => readonly PledgeEvent[];
}

/**
 * Where a tracker keeps its events. `append` writes the event and the item's new snapshot
 * together (all or nothing); a rejected promise means neither was written.
 */
export interface EventStore {
  load(): Promise<StoredLog>;
  append(event: PledgeEvent, snapshot: ItemSnapshot): Promise<void>;
}

/**
 * A step a sync server refused, with its reasons: taken out of a store's outbox and kept to
 * show its author. `event` is there when this computer took the step (a server lists only id,
 * item, type and time for steps taken elsewhere).
 */
export interface RefusedStep {
  id: string;
  stream: string;
  type: string;
  at: string;
  reasons: string[];
  event?: PledgeEvent;
}
