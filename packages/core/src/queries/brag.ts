import { daysBetween } from '../calendar/dates.js';
import { addWorkingDays, workingDaysBetween, type CalendarOptions } from '../calendar/working-days.js';
import type { BragSettings } from '../schema/plan.js';
import type { ActionView } from '../tracker/views.js';

export const BRAG = {
  blue: 'blue',
  red: 'red',
  amber: 'amber',
  green: 'green',
  grey: 'grey',
} as const;
export type Brag = (typeof BRAG)[keyof typeof BRAG];

/** The word that always stands beside the colour. */
export const BRAG_LABELS: Record<Brag, string> = {
  blue: 'Done',
  red: 'Overdue',
  amber: 'At risk',
  green: 'On track',
  grey: 'Not active',
};

export interface BragResult {
  status: Brag;
  label: string;
  /** Why, in plain English: "due 2026-10-31, 25 days ago". */
  why: string;
}

export const DEFAULT_BRAG_SETTINGS: BragSettings = {
  amberWithinWorkingDays: 0,
  amberWhenReviewOverdue: true,
  redAfterWorkingDays: 0,
};

/**
 * An action's BRAG status on `today`. The rule, first match wins:
 * 1. grey: deferred or withdrawn (no longer being worked on);
 * 2. blue: completed or verified;
 * 3. red: past its due date: from the next day when `redAfterWorkingDays` is 0, otherwise once
 *    more than that many working days have passed;
 * 4. amber: flagged at risk; or its review date has passed (when `amberWhenReviewOverdue`);
 *    or it is past due but within the red grace; or due within `amberWithinWorkingDays`;
 * 5. green: everything else, including drafts that are not yet due.
 */
export function bragStatus(
  action: Pick<ActionView, 'state' | 'dueDate' | 'reviewDate' | 'reason'>,
  today: string,
  settings: Partial<BragSettings> = {},
  calendar: CalendarOptions = {},
): BragResult {
  const s = { ...DEFAULT_BRAG_SETTINGS, ...settings };
  const result = (status: Brag, why: string): BragResult => ({ status, label: BRAG_LABELS[status], why });
  if (action.state === 'deferred' || action.state === 'withdrawn') return result('grey', action.state === 'deferred' ? 'deferred' : 'withdrawn');
  if (action.state === 'completed' || action.state === 'verified') return result('blue', action.state);
  if (action.dueDate && today > action.dueDate) {
    const late = workingDaysBetween(action.dueDate, today, calendar);
    const days = daysBetween(action.dueDate, today);
    const ago = `due ${action.dueDate}, ${days} day${days === 1 ? '' : 's'} ago (${late} working day${late === 1 ? '' : 's'})`;
    // With no grace, red from the day after the due date, weekend or not, as the overdue list says.
    if (s.redAfterWorkingDays === 0 || late > s.redAfterWorkingDays) return result('red', ago);
    return result('amber', `${ago}, within the ${s.redAfterWorkingDays} working-day grace`);
  }
  if (action.state === 'atRisk') return result('amber', action.reason ? `flagged at risk: ${action.reason}` : 'flagged at risk');
  if (s.amberWhenReviewOverdue && action.reviewDate && today > action.reviewDate) {
    return result('amber', `review was due ${action.reviewDate}`);
  }
  if (s.amberWithinWorkingDays > 0 && action.dueDate && action.dueDate <= addWorkingDays(today, s.amberWithinWorkingDays, calendar)) {
    return result('amber', `due soon, on ${action.dueDate}`);
  }
  return result('green', action.dueDate ? `due ${action.dueDate}` : 'no due date yet');
}
