/**
 * Working days: Monday to Friday, except bank holidays in England and Wales and any extra
 * days the council closes (its own closures, such as the days between Christmas and New Year).
 */

import { bankHolidayDayNumbers, isBankHolidayDayNumber } from './bank-holidays.js';
import { dayOfWeekOfDayNumber, fromDayNumber, toDayNumber, yearOfDayNumber } from './dates.js';

/** How a council's calendar differs from the national one. */
export interface CalendarOptions {
  /** Extra days the council is closed, written `YYYY-MM-DD` (weekends and bank holidays here are harmless). */
  closures?: readonly string[];
}

const EMPTY: ReadonlySet<number> = new Set();

function closureDays(options: CalendarOptions | undefined): ReadonlySet<number> {
  const closures = options?.closures;
  if (!closures || closures.length === 0) return EMPTY;
  const days = new Set<number>();
  for (const closure of closures) {
    try {
      days.add(toDayNumber(closure));
    } catch (error) {
      throw new RangeError(`a closure day in the calendar options is wrong: ${(error as Error).message}`);
    }
  }
  return days;
}

function isWeekendDay(n: number): boolean {
  const d = dayOfWeekOfDayNumber(n);
  return d === 0 || d === 6;
}

function isWorkingDayNumber(n: number, closures: ReadonlySet<number>): boolean {
  // Ask about bank holidays first so that an unsupported year is reported even on a weekend.
  return !isBankHolidayDayNumber(n) && !isWeekendDay(n) && !closures.has(n);
}

/**
 * True on a Monday to Friday that is neither a bank holiday in England and Wales nor one of
 * the council's `closures`.
 * @throws RangeError when a date is malformed or its year has no bank holiday list (before 1978, after 2100).
 */
export function isWorkingDay(date: string, options?: CalendarOptions): boolean {
  return isWorkingDayNumber(toDayNumber(date), closureDays(options));
}

/**
 * The date `n` working days after `date`, or before it when `n` is negative: with n = 1 the
 * next working day, with n = -1 the previous one. `date` itself need not be a working day
 * (from a Saturday, n = 1 is the Monday). n = 0 returns `date` unchanged, even on a weekend.
 *
 * Steps a day at a time, O(|n| × 7/5): deadlines ask for a handful of working days, not years.
 * @throws RangeError when `n` is not a whole number or a date is malformed.
 */
export function addWorkingDays(date: string, n: number, options?: CalendarOptions): string {
  if (!Number.isInteger(n)) throw new RangeError(`expected a whole number of working days, got ${n}`);
  let day = toDayNumber(date);
  if (n === 0) return date;
  const closures = closureDays(options);
  const step = n > 0 ? 1 : -1;
  for (let left = Math.abs(n); left > 0; ) {
    day += step;
    if (isWorkingDayNumber(day, closures)) left--;
  }
  return fromDayNumber(day);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: string, options?: CalendarOptions): string {
  return addWorkingDays(date, 1, options);
}

/** The last working day strictly before `date`. */
export function previousWorkingDay(date: string, options?: CalendarOptions): string {
  return addWorkingDays(date, -1, options);
}

/**
 * Weekdays among day numbers below `n` + 1, counted from a fixed Monday. Only differences of
 * this are meaningful. Day 0 (1970-01-01) was a Thursday, so day n is weekday (n + 3) mod 7
 * counting Monday as 0; shifting by one more counts days up to and including n.
 */
function weekdaysUpTo(n: number): number {
  const k = n + 4;
  const weeks = Math.floor(k / 7);
  return weeks * 5 + Math.min(k - weeks * 7, 5);
}

/** Working days d with a < d <= b, for day numbers a < b. */
function countWorkingDays(a: number, b: number, closures: ReadonlySet<number>): number {
  // Whole weeks by arithmetic, then take off the few holidays and closures in range, so a
  // year-long span costs a dozen comparisons rather than 365 look-ups.
  let count = weekdaysUpTo(b) - weekdaysUpTo(a);
  const firstYear = yearOfDayNumber(a + 1);
  const lastYear = yearOfDayNumber(b);
  for (let year = firstYear; year <= lastYear; year++) {
    for (const h of bankHolidayDayNumbers(year)) {
      if (h > a && h <= b && !isWeekendDay(h)) count--;
    }
  }
  for (const c of closures) {
    if (c > a && c <= b && !isWeekendDay(c) && !isBankHolidayDayNumber(c)) count--;
  }
  return count;
}

/**
 * The number of working days d with `from` < d <= `to`: the day after `from` counts, `from`
 * itself does not, `to` does. So an action due on Friday 2026-11-20 is 1 working day overdue on
 * Monday 2026-11-23, and 0 on the Saturday and Sunday between. 0 when the dates are equal;
 * negative when `to` is before `from` (`workingDaysBetween(a, b) === -workingDaysBetween(b, a)`).
 *
 * Counts whole weeks by arithmetic and then subtracts bank holidays and closures in range, so
 * the cost grows with the number of years spanned, not the number of days.
 * @throws RangeError when a date is malformed or the span reaches a year with no bank holiday list.
 */
export function workingDaysBetween(from: string, to: string, options?: CalendarOptions): number {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  if (a === b) return 0;
  const closures = closureDays(options);
  // 0 - x rather than -x, so a weekend-only span back in time gives 0, not -0.
  return a < b ? countWorkingDays(a, b, closures) : 0 - countWorkingDays(b, a, closures);
}
