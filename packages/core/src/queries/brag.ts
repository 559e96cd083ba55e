import { daysBetween } from '../calendar/dates.js';
import type { CalendarOptions } from '../calendar/working-days.js';
import type { BragSettings } from '../schema/plan.js';
import type { ActionView } from '../items/views.js';
import { CalendarDay } from './calendar-day.js';

export const BRAG = {
  blue: 'blue',
  red: 'red',
  amber: 'amber',
  green: 'green',
  grey: 'grey',
} as const;
export type Brag = (typeof BRAG)[keyof typeof BRAG];

/** The statuses worst first: the order of lists, counts and roll-ups everywhere. */
export const BRAG_WORST_FIRST: readonly Brag[] = ['red', 'amber', 'green', 'blue', 'grey'];

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

/** Each rule of {@link bragStatus}, named, with the status it gives. */
const BRAG_RULES = {
  deferred: 'grey',
  withdrawn: 'grey',
  completed: 'blue',
  verified: 'blue',
  late: 'red',
  lateWithinGrace: 'amber',
  flaggedAtRisk: 'amber',
  reviewOverdue: 'amber',
  dueSoon: 'amber',
  onTrack: 'green',
} as const satisfies Record<string, Brag>;

/** @internal Which rule of {@link bragStatus} an action meets. */
export type BragRule = keyof typeof BRAG_RULES;

/** @internal The status a rule gives. */
export function statusOfRule(rule: BragRule): Brag {
  return BRAG_RULES[rule];
}

/**
 * @internal The first rule of {@link bragStatus} that an action meets on `day.today`, for
 * callers that need only the status: queries over every action ask the calendar through one
 * {@link CalendarDay}, so working days are counted once per due date, not once per action.
 */
export function bragRule(action: Pick<ActionView, 'state' | 'dueDate' | 'reviewDate'>, s: BragSettings, day: CalendarDay): BragRule {
  if (action.state === 'deferred' || action.state === 'withdrawn' || action.state === 'completed' || action.state === 'verified') return action.state;
  const { today } = day;
  if (action.dueDate && today > action.dueDate) {
    // With no grace, red from the day after the due date, weekend or not, as the overdue list says.
    const late = day.workingDaysLate(action.dueDate);
    return s.redAfterWorkingDays === 0 || late > s.redAfterWorkingDays ? 'late' : 'lateWithinGrace';
  }
  if (action.state === 'atRisk') return 'flaggedAtRisk';
  if (s.amberWhenReviewOverdue && action.reviewDate && today > action.reviewDate) return 'reviewOverdue';
  if (s.amberWithinWorkingDays > 0 && action.dueDate && action.dueDate <= day.workingDaysAhead(s.amberWithinWorkingDays)) return 'dueSoon';
  return 'onTrack';
}

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
  const grounds = bragGrounds(action, today, settings, calendar);
  const status = BRAG_RULES[grounds.rule];
  return { status, label: BRAG_LABELS[status], why: why(grounds, action) };
}

/** What an action's BRAG status rests on, for words of one's own: which rule, and the days late when it is past due. */
export interface BragGrounds {
  rule: BragRule;
  /** Calendar days and working days past the due date (rules `late` and `lateWithinGrace`). */
  daysLate?: number;
  workingDaysLate?: number;
  /** The red grace in working days (rule `lateWithinGrace`). */
  graceWorkingDays?: number;
}

/** The grounds of an action's BRAG status on `today`: what `bragStatus(...).why` says, as facts. */
export function bragGrounds(
  action: Pick<ActionView, 'state' | 'dueDate' | 'reviewDate'>,
  today: string,
  settings: Partial<BragSettings> = {},
  calendar: CalendarOptions = {},
): BragGrounds {
  const s = { ...DEFAULT_BRAG_SETTINGS, ...settings };
  const day = new CalendarDay(today, calendar);
  const rule = bragRule(action, s, day);
  if (rule !== 'late' && rule !== 'lateWithinGrace') return { rule };
  return {
    rule, daysLate: daysBetween(action.dueDate!, today), workingDaysLate: day.workingDaysLate(action.dueDate!),
    ...(rule === 'lateWithinGrace' ? { graceWorkingDays: s.redAfterWorkingDays } : {}),
  };
}

/** `bragStatus(...).why`: its grounds in words. */
function why(grounds: BragGrounds, action: Pick<ActionView, 'dueDate' | 'reviewDate' | 'reason'>): string {
  const { rule } = grounds;
  switch (rule) {
    case 'late':
    case 'lateWithinGrace': {
      const days = grounds.daysLate!;
      const late = grounds.workingDaysLate!;
      const ago = `due ${action.dueDate}, ${days} day${days === 1 ? '' : 's'} ago (${late} working day${late === 1 ? '' : 's'})`;
      return rule === 'late' ? ago : `${ago}, within the ${grounds.graceWorkingDays} working-day grace`;
    }
    case 'flaggedAtRisk': return action.reason ? `flagged at risk: ${action.reason}` : 'flagged at risk';
    case 'reviewOverdue': return `review was due ${action.reviewDate}`;
    case 'dueSoon': return `due soon, on ${action.dueDate}`;
    case 'onTrack': return action.dueDate ? `due ${action.dueDate}` : 'no due date yet';
    default: return rule;
  }
}
