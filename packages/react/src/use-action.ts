import { useMemo } from 'react';
import { bragStatus, STATE_LABELS } from '@pledgeflow/core';
import type { ActionEventType, ActionView, BragResult, Decision, Evidence, HistoryEntry, NextStep, SendResult } from '@pledgeflow/core';
import { useItem, type StepData } from './use-item.js';

/** An action-plan item as it stands, with what the signed-in person may do to it. */
export interface ActionHandle {
  view: ActionView;
  /** The state in plain words: "In progress". */
  stateLabel: string;
  /** Blue, red, amber, green or grey for the provider's `today`, with a word and a reason. */
  brag: BragResult;
  evidence: readonly Evidence[];
  /** Steps the signed-in person might take now, allowed or not, with reasons and the data each needs. */
  nextSteps: readonly (NextStep & { type: ActionEventType })[];
  /** Who did what and when, oldest first. */
  history: readonly HistoryEntry[];
  /** Would this step be accepted now? Every reason when not. Sends nothing. */
  can<T extends ActionEventType>(type: T, data?: StepData<T>): Decision;
  /** Records a step by the signed-in person: fills in the event id, the item, the person and the time. */
  send<T extends ActionEventType>(type: T, data?: StepData<T>): SendResult;
}

/**
 * One action-plan item. Re-renders only when that item changes (or the person or day does),
 * not when another item does. `undefined` when the plan has no action with this id.
 */
export function useAction(id: string): ActionHandle | undefined {
  const { context, view, nextSteps, history, can, send } = useItem<ActionView>('useAction', id, 'action');
  const { tracker, today } = context;
  const brag = useMemo(() => (view ? bragStatus(view, today, tracker.plan.brag) : undefined), [view, today, tracker]);
  return useMemo(
    () =>
      view && brag
        ? {
            view,
            stateLabel: STATE_LABELS[view.state],
            brag,
            evidence: view.evidence,
            nextSteps: nextSteps as ActionHandle['nextSteps'],
            history,
            can: can as ActionHandle['can'],
            send: send as ActionHandle['send'],
          }
        : undefined,
    [view, brag, nextSteps, history, can, send],
  );
}
