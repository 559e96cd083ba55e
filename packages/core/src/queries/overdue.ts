import { daysBetween } from '../calendar/dates.js';
import { addWorkingDays, workingDaysBetween, type CalendarOptions } from '../calendar/working-days.js';
import type { PlanState } from '../tracker/tracker.js';
import { CLOSED_ACTION_STATES, type ActionView } from '../tracker/views.js';

export interface OverdueAction {
  action: ActionView;
  daysOverdue: number;
  workingDaysOverdue: number;
}

/** True when an action still needs work (not completed, verified, deferred or withdrawn). */
export function isOpen(action: Pick<ActionView, 'state'>): boolean {
  return !CLOSED_ACTION_STATES.includes(action.state);
}

/** Open actions whose due date is before `today`, most overdue first. */
export function overdueActions(state: PlanState, today: string, calendar: CalendarOptions = {}): OverdueAction[] {
  const out: OverdueAction[] = [];
  for (const action of state.actions) {
    if (!action.dueDate || !(today > action.dueDate) || !isOpen(action)) continue;
    out.push({
      action,
      daysOverdue: daysBetween(action.dueDate, today),
      workingDaysOverdue: workingDaysBetween(action.dueDate, today, calendar),
    });
  }
  return out.sort((a, b) => b.daysOverdue - a.daysOverdue || a.action.id.localeCompare(b.action.id));
}

/** Open actions due from `today` up to `workingDays` working days ahead, soonest first. */
export function dueSoon(state: PlanState, today: string, workingDays: number, calendar: CalendarOptions = {}): ActionView[] {
  const until = addWorkingDays(today, workingDays, calendar);
  return state.actions
    .filter((a) => a.dueDate && a.dueDate >= today && a.dueDate <= until && isOpen(a))
    .sort((a, b) => a.dueDate!.localeCompare(b.dueDate!));
}

export interface ReviewOverdue {
  action: ActionView;
  daysOverdue: number;
}

/** Open actions whose next review date is before `today`, longest waiting first. */
export function reviewsOverdue(state: PlanState, today: string): ReviewOverdue[] {
  return state.actions
    .filter((a) => a.reviewDate && today > a.reviewDate && isOpen(a))
    .map((action) => ({ action, daysOverdue: daysBetween(action.reviewDate!, today) }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue);
}
