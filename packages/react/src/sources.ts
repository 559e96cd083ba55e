import type { ItemView, PlanState, Tracker } from '@pledgeflow/core';
import type { Observable } from '@pledgeflow/sync';

/**
 * What @xstate/react's `useSelector` reads: something with a current snapshot and a way to
 * hear that it changed (the shape of an XState actor). `getSnapshot()` returns the same
 * object until the thing it shows changes, which is what makes `useSyncExternalStore` tear-free.
 */
export interface SnapshotSource<T> {
  subscribe(observer: { next?: (snapshot: T) => void; error?: (error: unknown) => void } | ((snapshot: T) => void)): { unsubscribe(): void };
  getSnapshot(): T;
}

function source<T>(tracker: Tracker, getSnapshot: () => T, concerns: (streams: readonly string[]) => boolean): SnapshotSource<T> {
  return {
    getSnapshot,
    subscribe(observer) {
      const next = typeof observer === 'function' ? observer : observer.next?.bind(observer);
      const unsubscribe = tracker.subscribe((change) => {
        if (next && concerns(change.streams)) next(getSnapshot());
      });
      return { unsubscribe };
    },
  };
}

/** The whole plan as it stands (`tracker.state()`), for queries. Changes whenever anything does. */
export function planSource(tracker: Tracker): SnapshotSource<PlanState> {
  return source(tracker, () => tracker.state(), () => true);
}

/** One promise or action as it stands. Listeners hear only about changes to that item. */
export function itemSource(tracker: Tracker, id: string): SnapshotSource<ItemView | undefined> {
  return source(tracker, () => tracker.get(id), (streams) => streams.includes(id));
}

/** A value that can be read and watched (the sync client's `status`), in the shape `useSelector` reads. */
export function syncStatusSource<T>(observable: Observable<T>): SnapshotSource<T> {
  return {
    getSnapshot: () => observable.value,
    subscribe(observer) {
      const next = typeof observer === 'function' ? observer : observer.next?.bind(observer);
      const unsubscribe = observable.subscribe((value) => next?.(value));
      return { unsubscribe };
    },
  };
}
