// The one subscription under every hook: React's useSyncExternalStore over a SnapshotSource,
// with a selector and a comparator. This is what @xstate/react's useSelector does, written here
// because a bundler that resolves @xstate/react through its "import" condition gets CommonJS,
// which brings all of XState's interpreter (createActor, SimulatedClock, sendTo) into an app
// that only reads the tracker. Internal: not exported from the package.
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { SnapshotSource } from './sources.js';

/**
 * `select(source.getSnapshot())`, re-rendering when the source changes and the selection is
 * different by `compare`. While `compare` says it is the same, the caller keeps the object it
 * had, even when `select` is a new function on each render. The same on the server.
 */
export function useSelected<S, T>(source: SnapshotSource<S>, select: (snapshot: S) => T, compare: (previous: T, next: T) => boolean = Object.is): T {
  const subscribe = useCallback(
    (onChange: () => void) => source.subscribe({ next: onChange, error: onChange }).unsubscribe,
    [source],
  );
  // The selection last rendered, so that a new `select` (an inline function) can keep it.
  const rendered = useRef<{ value: T } | null>(null);
  const getSelection = useMemo(() => {
    let memo: { snapshot: S; value: T } | undefined;
    return () => {
      const snapshot = source.getSnapshot();
      if (memo && Object.is(memo.snapshot, snapshot)) return memo.value;
      const next = select(snapshot);
      const previous = memo ?? rendered.current;
      const value = previous && compare(previous.value, next) ? previous.value : next;
      memo = { snapshot, value };
      return value;
    };
  }, [source, select, compare]);
  const value = useSyncExternalStore(subscribe, getSelection, getSelection);
  useEffect(() => {
    rendered.current = { value };
  }, [value]);
  return value;
}
