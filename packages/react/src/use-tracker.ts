import type { Actor, Tracker } from '@pledgeflow/core';
import { useTrackerContext } from './context.js';

/** The tracker the nearest `<TrackerProvider>` holds. Reading it does not subscribe: use the other hooks to show data. */
export function useTracker(): Tracker {
  return useTrackerContext('useTracker').tracker;
}

/** The signed-in person the provider was given. The same object while their id, agency and role stay the same. */
export function useActor(): Actor {
  return useTrackerContext('useActor').actor;
}

/** The day (YYYY-MM-DD) the provider works BRAG statuses and queries out for. */
export function useToday(): string {
  return useTrackerContext('useToday').today;
}
