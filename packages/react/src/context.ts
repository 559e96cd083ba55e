import { createContext, useContext } from 'react';
import type { Actor, Tracker } from '@pledgeflow/core';
import type { Observable, SyncStatus } from '@pledgeflow/sync';

/** The provider's own event ids and times, when it was given them (else the tracker's): read when a step is taken, never while rendering. */
export interface EventClock {
  newEventId?: () => string;
  now?: () => Date;
}

export interface TrackerContextValue {
  tracker: Tracker;
  actor: Actor;
  /** The day queries and BRAG statuses are worked out for (YYYY-MM-DD, UK time). */
  today: string;
  /** Kept current by the provider without changing the context value, so a new inline function re-renders nothing. */
  clock: { readonly current: EventClock };
  /** Where the person's changes are, when the page syncs with a server: what `useSyncStatus()` reads. */
  syncStatus?: Observable<SyncStatus>;
}

export const TrackerContext = createContext<TrackerContextValue | null>(null);
TrackerContext.displayName = 'PledgeflowTracker';

/** The provider's value, or an error that says how to fix a hook used outside one. */
export function useTrackerContext(hook: string): TrackerContextValue {
  const value = useContext(TrackerContext);
  if (!value) {
    throw new Error(
      `${hook}() was called outside a <TrackerProvider>. Wrap the part of the page that shows the plan in <TrackerProvider tracker={tracker} actor={actor}>.`,
    );
  }
  return value;
}
