import { createTracker, describeEvent, MemoryStore, planNames, type Plan, type PledgeEvent, type RejectedEvent, type StoredLog, type Tracker } from '@pledgeflow/core';
import { ReloadNeededError, StorageUnavailableError } from './errors.js';
import { openIdbStore, type IdbStore, type IdbStoreOptions } from './idb-store.js';

export interface IdbTrackerOptions extends Omit<IdbStoreOptions, 'planId'> {
  plan: Plan;
  /** What happened to events from another tab or a backup import: applied, or refused with reasons. */
  onReceive?: (result: { applied: PledgeEvent[]; rejected: RejectedEvent[] }) => void;
  /**
   * What the database holds, when the caller has just written all of it (a first load from a
   * sync server into an empty database): the tracker is made from it without reading it back.
   */
  known?: StoredLog;
}

/** A tracker, where it saves, and plain-English notices for the page to show (empty when all is well). */
export type IdbTracker = { tracker: Tracker; notices: string[] } & (
  | { durable: true; store: IdbStore }
  /** IndexedDB could not be used: changes last only as long as the tab. */
  | { durable: false; store: MemoryStore }
);

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Opens the plan's tracker on IndexedDB: loads it, writes back any snapshots it had to rebuild,
 * and applies other tabs' events as they arrive. If IndexedDB cannot be used, falls back to
 * memory with a notice saying so, rather than failing.
 */
export async function openIdbTracker({ plan, onReceive, known, ...options }: IdbTrackerOptions): Promise<IdbTracker> {
  let store: IdbStore | undefined;
  let log: StoredLog;
  try {
    store = await openIdbStore({ ...options, planId: plan.id });
    log = known ?? (await store.load());
  } catch (error) {
    store?.close();
    const memory = new MemoryStore();
    const tracker = createTracker({ plan, store: memory });
    if (error instanceof ReloadNeededError) {
      // The saved changes are there, but only a newer page can read them: an empty plan here
      // would show none of them, and steps taken on it could not be kept. Show it, take no steps.
      tracker.close(error.message);
      return { tracker, store: memory, durable: false, notices: [error.message] };
    }
    const why =
      error instanceof StorageUnavailableError ? error.message : `The tracker could not read what it saved on this computer (${String(error)}).`;
    return {
      tracker,
      store: memory,
      durable: false,
      notices: [`${why} You can keep working, but your changes are kept only while this tab is open: download a backup before you close it.`],
    };
  }
  const tracker = createTracker({
    plan, events: log.events, snapshots: log.snapshots, store, ...(log.coveredEvents ? { coveredEvents: log.coveredEvents } : {}),
  });
  const notices: string[] = [];
  if (tracker.rebuilt.length) {
    // Snapshots also go stale when two tabs write at once or a backup is imported: only a new machine version is news to the person.
    const before = new Map(log.snapshots.map((s) => [s.stream, s.machineVersion]));
    const fresh = tracker.rebuilt.map((id) => tracker.snapshot(id)!);
    const upgraded = fresh.filter((s) => before.get(s.stream) !== s.machineVersion).length;
    if (upgraded) {
      notices.push(`The tracker has been updated since this plan was last opened here: ${plural(upgraded, 'item was', 'items were')} brought up to date from their history. Nothing was lost.`);
    }
    // A failed write only means the next load replays these items again: say so, but carry on.
    await store.saveSnapshots(fresh).catch((error: unknown) => {
      console.warn('pledgeflow: could not save rebuilt snapshots; they will be rebuilt again next time.', error);
    });
  }
  const names = planNames(plan);
  for (const { event, reasons } of tracker.rejected) {
    const who = names.person(event.actor.userId);
    const item = names.item(event.stream);
    notices.push(`A saved change to "${item}" was not applied because it no longer fits: ${who} ${describeEvent(event, plan)} (${event.at}). ${reasons.join(' ')} It is kept, not deleted.`);
  }
  store.onChange((events) => {
    const result = tracker.receive(events);
    onReceive?.(result);
  });
  // Once this tab cannot save (a newer tab upgraded the database), refuse new steps with the
  // same message rather than accept ones a reload would lose.
  store.onReloadNeeded((message) => tracker.close(message));
  return { tracker, store, durable: true, notices };
}
