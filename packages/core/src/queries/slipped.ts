import type { DueDateChange } from '../machines/action.context.js';
import type { PlanState } from '../tracker/tracker.js';
import type { ActionView } from '../items/views.js';
import { actionFacts } from '../items/action-facts.js';

export interface SlippedDueDate {
  action: ActionView;
  /** The first due date that was later moved. */
  originalDueDate: string;
  currentDueDate?: string;
  /** Every move later in time, with who made it and why. */
  changes: DueDateChange[];
}

/** Actions whose due date was moved later at least once, with every reason given. */
export function slippedDueDates(state: PlanState): SlippedDueDate[] {
  const out: SlippedDueDate[] = [];
  for (const action of state.actions) {
    if (!actionFacts(action).slipped) continue;
    const first = action.dueDateChanges.find((c) => c.from !== undefined)!;
    out.push({
      action,
      originalDueDate: first.from!,
      ...(action.dueDate ? { currentDueDate: action.dueDate } : {}),
      changes: action.dueDateChanges,
    });
  }
  return out;
}
