import type { PledgeEvent } from '../schema/events.js';
import { compareEvents } from '../events/order.js';
import { readEvent } from '../events/parse.js';
import type { ItemSnapshot } from '../items/snapshot.js';
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
  const after: PledgeEvent[] = [];
  for (const stored of events) {
    const read = readEvent(stored);
    // A damaged event goes to the tracker as it is, which keeps it in `rejected` with why.
    if (!read.ok) {
      after.push(stored);
      continue;
    }
    const event = read.event;
    let list = byStream.get(event.stream);
    if (!list) byStream.set(event.stream, (list = []));
    list.push(event);
  }
  const snaps = new Map(snapshots.map((s) => [s.stream, s]));
  const covered = new Map<string, PledgeEvent[]>();
  for (const [stream, list] of byStream) {
    list.sort(compareEvents);
    const snap = snaps.get(stream);
    // Covering a prefix of the item's events in canonical order: its count and last id both match.
    const n = snap && snap.eventCount <= list.length && (snap.eventCount === 0 || list[snap.eventCount - 1]!.id === snap.lastEventId) ? snap.eventCount : 0;
    covered.set(stream, list.slice(0, n));
    for (let i = n; i < list.length; i++) after.push(list[i]!);
  }
  // A snapshot that covers events the store no longer holds is of no use: the item starts afresh.
  const usable = snapshots.filter((s) => s.eventCount === 0 || byStream.has(s.stream));
  return { events: after, snapshots: usable, coveredEvents: (stream) => covered.get(stream) ?? [] };
}
