/**
 * The deadlines around a corporate parenting board meeting: when its papers go out, when
 * reports reach the Children in Care Council, and when the minutes are due.
 */

import { addDays, toDayNumber } from './dates.js';
import { addWorkingDays, isWorkingDay, previousWorkingDay, type CalendarOptions } from './working-days.js';

/** How a council times its board papers; every field has a default. */
export interface BoardDeadlineSettings {
  /** Working days before the meeting that the papers must be sent out. Default 5. */
  papersWorkingDaysBefore?: number;
  /** Calendar days before the meeting that reports must reach the Children in Care Council. Default 21. */
  childrenInCareCouncilDaysBefore?: number;
  /** Calendar days after the meeting that the minutes are due. Default 14. */
  minutesDaysAfter?: number;
  /** The council's own closure days, written `YYYY-MM-DD`, which do not count as working days. */
  closures?: readonly string[];
}

/** The dates around one board meeting, each written `YYYY-MM-DD`. */
export interface BoardDeadlines {
  meeting: string;
  papers: string;
  childrenInCareCouncil: string;
  minutes: string;
}

const DEFAULTS = {
  papersWorkingDaysBefore: 5,
  childrenInCareCouncilDaysBefore: 21,
  minutesDaysAfter: 14,
} as const;

function daysSetting(settings: BoardDeadlineSettings, key: keyof typeof DEFAULTS): number {
  const value = settings[key] ?? DEFAULTS[key];
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`board deadline setting ${key} must be a whole number of days, 0 or more, got ${value}`);
  }
  return value;
}

/** `date` if it is a working day, otherwise the working day before it: a "by" date never moves later. */
function onOrBeforeWorkingDay(date: string, calendar: CalendarOptions): string {
  return isWorkingDay(date, calendar) ? date : previousWorkingDay(date, calendar);
}

/**
 * The deadlines for a board meeting on `meetingDate`. Each is a date something must be done
 * by, so when one lands on a day the council is shut it moves earlier, never later:
 *
 * - `papers`: the meeting date minus `papersWorkingDaysBefore` (5) working days, skipping
 *   weekends, bank holidays and closures;
 * - `childrenInCareCouncil`: the meeting date minus `childrenInCareCouncilDaysBefore` (21)
 *   calendar days, moved back to the previous working day if that is not a working day;
 * - `minutes`: the meeting date plus `minutesDaysAfter` (14) calendar days, moved back to the
 *   previous working day if that is not a working day.
 *
 * For example a meeting on Tuesday 1 September 2026, the day after the summer bank holiday:
 * papers by Monday 24 August, Children in Care Council by Tuesday 11 August, minutes by
 * Tuesday 15 September.
 * @throws RangeError when the meeting date or a closure is malformed, or a setting is not a whole number of days, 0 or more.
 */
export function boardDeadlines(meetingDate: string, settings: BoardDeadlineSettings = {}): BoardDeadlines {
  toDayNumber(meetingDate); // a malformed meeting date is the first thing to report
  const calendar: CalendarOptions = settings.closures ? { closures: settings.closures } : {};
  const papersBefore = daysSetting(settings, 'papersWorkingDaysBefore');
  const councilBefore = daysSetting(settings, 'childrenInCareCouncilDaysBefore');
  const minutesAfter = daysSetting(settings, 'minutesDaysAfter');
  return {
    meeting: meetingDate,
    papers: addWorkingDays(meetingDate, -papersBefore, calendar),
    childrenInCareCouncil: onOrBeforeWorkingDay(addDays(meetingDate, -councilBefore), calendar),
    minutes: onOrBeforeWorkingDay(addDays(meetingDate, minutesAfter), calendar),
  };
}
