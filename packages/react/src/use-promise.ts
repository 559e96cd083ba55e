import { useMemo } from 'react';
import { STATE_LABELS } from '@pledgeflow/core';
import type { Decision, HistoryEntry, NextStep, PromiseEventType, PromiseView, SendResult } from '@pledgeflow/core';
import { useItem, type StepData } from './use-item.js';

/** A promise as it stands, with what the signed-in person may do to it. */
export interface PromiseHandle {
  view: PromiseView;
  /** The state in plain words: "Adopted", "At risk". */
  stateLabel: string;
  nextSteps: readonly (NextStep & { type: PromiseEventType })[];
  history: readonly HistoryEntry[];
  can<T extends PromiseEventType>(type: T, data?: StepData<T>): Decision;
  send<T extends PromiseEventType>(type: T, data?: StepData<T>): SendResult;
}

/**
 * One promise. Re-renders only when that promise changes (or the person does). For the
 * actions that deliver it, use `useQuery`. `undefined` when the plan has no promise with this id.
 */
export function usePromise(id: string): PromiseHandle | undefined {
  const { view, nextSteps, history, can, send } = useItem<PromiseView>('usePromise', id, 'promise');
  return useMemo(
    () =>
      view
        ? {
            view,
            stateLabel: STATE_LABELS[view.state],
            nextSteps: nextSteps as PromiseHandle['nextSteps'],
            history,
            can: can as PromiseHandle['can'],
            send: send as PromiseHandle['send'],
          }
        : undefined,
    [view, nextSteps, history, can, send],
  );
}
