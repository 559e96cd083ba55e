import type { DueDateChange } from '../machines/action.context.js';
import type { PlanState } from '../tracker/tracker.js';
import type { ActionView } from '../tracker/views.js';

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
    // Setting a first due date is not a slip; moving one later is.
    if (!action.dueDateChanges.some((c) => c.from !== undefined && c.to > c.from)) continue;
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
