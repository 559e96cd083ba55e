import type { CalendarOptions } from '../calendar/working-days.js';
import type { ActionView } from '../items/views.js';
import type { BragSettings } from '../schema/plan.js';
import { bragRule, DEFAULT_BRAG_SETTINGS } from './brag.js';
import { CalendarDay } from './calendar-day.js';

/**
 * The word shown, with its own shape, for an action whose BRAG status is amber only because
 * its review date has passed. Its BRAG status stays amber (docs/queries.md): this word tells it
 * apart from an action flagged at risk, which the scrutiny report's "at risk" list counts.
 */
export const REVIEW_OVERDUE_LABEL = 'Review overdue';

/**
 * Why an action is amber: `flagged` (someone flagged it at risk), `review` (only its review date
 * has passed), `due` (due soon, or past due within the red grace); undefined when it is not amber.
 */
export type AmberReason = 'flagged' | 'review' | 'due';

/** Why `action` is amber on `today` under `settings` (the plan's `brag`), or undefined when it is not. */
export function amberReason(
  action: Pick<ActionView, 'state' | 'dueDate' | 'reviewDate'>,
  today: string,
  settings: Partial<BragSettings> = {},
  calendar: CalendarOptions = {},
): AmberReason | undefined {
  const rule = bragRule(action, { ...DEFAULT_BRAG_SETTINGS, ...settings }, new CalendarDay(today, calendar));
  switch (rule) {
    case 'flaggedAtRisk': return 'flagged';
    case 'reviewOverdue': return 'review';
    case 'dueSoon':
    case 'lateWithinGrace': return 'due';
    default: return undefined;
  }
}
