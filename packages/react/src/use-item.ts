// Shared by useAction and usePromise: one item's view, its audit trail and next steps, and
// sending steps on it. Internal: not exported from the package.
import { useCallback, useMemo } from 'react';
import { useSelector } from '@xstate/react';
import type { Decision, EventType, HistoryEntry, ItemView, NextStep, SendResult, StepInput } from '@pledgeflow/core';
import { useTrackerContext, type TrackerContextValue } from './context.js';
import { itemSource } from './sources.js';

/** The data a step takes, as `tracker.step()` accepts it. */
export type StepData<T extends EventType> = StepInput<T>['data'];

export interface ItemParts<V extends ItemView> {
  context: TrackerContextValue;
  view: V | undefined;
  nextSteps: NextStep[];
  history: HistoryEntry[];
  can: (type: EventType, data?: Record<string, unknown>) => Decision;
  send: (type: EventType, data?: Record<string, unknown>) => SendResult;
}

const sameItem = (view: ItemView | undefined) => view;

export function useItem<V extends ItemView>(hook: string, id: string, kind: V['kind']): ItemParts<V> {
  const context = useTrackerContext(hook);
  const { tracker, actor, clock } = context;
  // @xstate/react's useSelector is useSyncExternalStore with a selector and a comparator (and the
  // server snapshot SSR needs), for React 16.8 to 19: exactly the subscription this hook needs.
  // Its useMachine/useActor do not fit: items are folded by the tracker with pure transitions
  // and checked against policy; running a live actor per item would fork the truth. Imported
  // alone, useSelector leaves XState's interpreter out of an app's bundle (see docs/react.md).
  const source = useMemo(() => itemSource(tracker, id), [tracker, id]);
  const item = useSelector(source, sameItem);
  const view = item?.kind === kind ? (item as V) : undefined;

  // Views stay the same object until the item changes: a cheap key for everything derived from one.
  const nextSteps = useMemo(() => (view ? tracker.nextSteps(actor, id) : []), [tracker, actor, id, view]);
  const history = useMemo(() => (view ? tracker.history(id) : []), [tracker, id, view]);

  // The provider's clock and ids when it was given them; otherwise the tracker's.
  const can = useCallback(
    (type: EventType, data: Record<string, unknown> = {}) => {
      const at = clock.current.now?.().toISOString();
      return tracker.can(actor, { stream: id, type, data, ...(at ? { at } : {}) });
    },
    [tracker, actor, id, clock],
  );
  const send = useCallback(
    (type: EventType, data: Record<string, unknown> = {}) => {
      const { newEventId, now } = clock.current;
      const eventId = newEventId?.(); // before the time, as a host's id factory and clock may share a counter
      return tracker.step(actor, { stream: id, type, data }, { id: eventId, at: now?.().getTime() });
    },
    [tracker, actor, id, clock],
  );
  return { context, view, nextSteps, history, can, send };
}
