import { useMemo } from 'react';
import { useSelector } from '@xstate/react';
import type { PlanState } from '@pledgeflow/core';
import { useTrackerContext } from './context.js';
import { structuralEqual } from './equal.js';
import { planSource } from './sources.js';

export interface QueryOptions<T> {
  /**
   * When two results count as the same, so that the component is not re-rendered.
   * Default `structuralEqual` (same data); pass `Object.is` for results you memoise yourself.
   */
  compare?: (previous: T, next: T) => boolean;
}

/**
 * Runs `query` over the plan as it stands and the provider's day, e.g.
 * `useQuery((state, today) => overdueActions(state, today))`. Runs again when anything in the
 * plan changes, but re-renders only when the result is different by `compare`.
 */
export function useQuery<T>(query: (state: PlanState, today: string) => T, options: QueryOptions<T> = {}): T {
  const { tracker, today } = useTrackerContext('useQuery');
  const source = useMemo(() => planSource(tracker), [tracker]);
  // The previous result is kept when `compare` says it is equal: the re-render is skipped and
  // the caller keeps a stable object.
  return useSelector(source, (state) => query(state, today), options.compare ?? structuralEqual);
}
