import type { PledgeEvent } from '../schema/events.js';
import { compareEvents } from '../tracker/tracker.js';
import type { ItemSnapshot } from '../tracker/snapshot.js';
import type { StoredLog } from './event-store.js';

/**
 * Splits a store's whole log at each item's snapshot, for `load()`: the events after the
 * snapshots (which the tracker folds now) and `coveredEvents(stream)` for the ones they cover
 * (which it reads when it needs them). A snapshot that does not line up with the log (written
 * by a tab that had not seen another tab's event, say) covers nothing, so the tracker rebuilds
 * that item from its events.
 */
export function splitAtSnapshots(
  events: readonly PledgeEvent[],
  snapshots: ItemSnapshot[],
): StoredLog & { coveredEvents: (stream: string) => readonly PledgeEvent[] } {
  const byStream = new Map<string, PledgeEvent[]>();
  for (const event of events) {
    let list = byStream.get(event.stream);
    if (!list) byStream.set(event.stream, (list = []));
    list.push(event);
  }
  const snaps = new Map(snapshots.map((s) => [s.stream, s]));
  const after: PledgeEvent[] = [];
  const covered = new Map<string, PledgeEvent[]>();
  for (const [stream, list] of byStream) {
    list.sort(compareEvents);
    const snap = snaps.get(stream);
    // Covering a prefix of the item's events in canonical order: its count and last id both match.
    const n = snap && snap.eventCount <= list.length && (snap.eventCount === 0 || list[snap.eventCount - 1]!.id === snap.lastEventId) ? snap.eventCount : 0;
    covered.set(stream, list.slice(0, n));
    for (let i = n; i < list.length; i++) after.push(list[i]!);
  }
  return { events: after, snapshots, coveredEvents: (stream) => covered.get(stream) ?? [] };
}
