import type { DueDateChange } from '../machines/action.context.js';
import type { PlanState } from '../tracker/tracker.js';
import type { ActionView } from '../tracker/views.js';

export interface SlippedDueDate {
  action: ActionView;
  /** The due date the plan first set (or the first one given). */
  originalDueDate?: string;
  currentDueDate?: string;
  /** Every move later in time, with who made it and why. */
  changes: DueDateChange[];
}

/** Actions whose due date was moved later at least once, with every reason given. */
export function slippedDueDates(state: PlanState): SlippedDueDate[] {
  const out: SlippedDueDate[] = [];
  for (const action of state.actions) {
    const later = action.dueDateChanges.filter((c) => !c.from || c.to > c.from);
    if (!later.length) continue;
    const first = action.dueDateChanges[0]!;
    out.push({
      action,
      ...(first.from ? { originalDueDate: first.from } : {}),
      ...(action.dueDate ? { currentDueDate: action.dueDate } : {}),
      changes: action.dueDateChanges,
    });
  }
  return out;
}
