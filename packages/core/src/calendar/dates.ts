/**
 * Calendar dates as people in an English council work to them: strings written
 * `YYYY-MM-DD`, meaning a day on the UK calendar, never an instant. Arithmetic is done on
 * day numbers (days since 1970-01-01, the same numbers as `Date.UTC(y, m - 1, d) / 86_400_000`),
 * so the time zone of the machine running the code never changes an answer.
 */

// Day numbers outside years 0000..9999 cannot be written back as YYYY-MM-DD.
const FIRST_DAY = -719_528; // 0000-01-01
const LAST_DAY = 2_932_896; // 9999-12-31

function badDate(date: unknown): RangeError {
  const shown = typeof date === 'string' ? JSON.stringify(date) : String(date);
  return new RangeError(`expected a date written YYYY-MM-DD, got ${shown}`);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** @internal True when `year` (a whole number), `month` (1 to 12) and `day` make a real date. */
export function isRealDay(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

// Howard Hinnant's days_from_civil: whole-number arithmetic, so no Date object per call in the
// working-day loops, and no Date.UTC quirk that reads years 0..99 as 1900..1999.
function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * The day number of a calendar date: whole days since 1970-01-01 (negative before it).
 * @throws RangeError when `date` is not a real date written `YYYY-MM-DD` (such as 2026-02-30).
 */
export function toDayNumber(date: string): number {
  const n = dayNumberOrNaN(date);
  if (Number.isNaN(n)) throw badDate(date);
  return n;
}

/** @internal The value of the ASCII digits from `start` up to `end` in `text`, or NaN when any is not a digit. */
export function digitsAt(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return Number.NaN;
    value = value * 10 + d;
  }
  return value;
}

/**
 * @internal The day number of a date written `YYYY-MM-DD`, or NaN when it is not a real date.
 * Read by character codes rather than a regular expression: reports turn thousands of dates
 * into day numbers.
 */
export function dayNumberOrNaN(date: unknown): number {
  if (typeof date !== 'string' || date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return Number.NaN;
  const year = digitsAt(date, 0, 4);
  const month = digitsAt(date, 5, 7);
  const day = digitsAt(date, 8, 10);
  if (!isRealDay(year, month, day)) return Number.NaN;
  return dayNumberOf(year, month, day);
}

/**
 * Hinnant's civil_from_days, the inverse of dayNumberOf, in years that start on 1 March (so
 * that a leap day ends the year): that year, and the day of it (0 is 1 March).
 */
function marchYearOf(n: number): [year: number, dayOfYear: number] {
  if (!Number.isInteger(n) || n < FIRST_DAY || n > LAST_DAY) {
    throw new RangeError(`expected a whole day number for a date in years 0000 to 9999, got ${n}`);
  }
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  return [yearOfEra + era * 400, dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))];
}

// Day 306 of a year from 1 March is 1 January of the next calendar year.
const FIRST_OF_JANUARY = 306;

/**
 * The calendar date, written `YYYY-MM-DD`, of a day number (whole days since 1970-01-01).
 * @throws RangeError when `n` is not a whole number or falls outside years 0000 to 9999.
 */
export function fromDayNumber(n: number): string {
  const [marchYear, dayOfYear] = marchYearOf(n);
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = marchYear + (dayOfYear >= FIRST_OF_JANUARY ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * @internal The year of a day number, as `fromDayNumber(n).slice(0, 4)` but without writing
 * the date out: working-day counts ask it for every span.
 */
export function yearOfDayNumber(n: number): number {
  const [marchYear, dayOfYear] = marchYearOf(n);
  return marchYear + (dayOfYear >= FIRST_OF_JANUARY ? 1 : 0);
}

/**
 * The date `n` calendar days after `date` (before it when `n` is negative).
 * @throws RangeError when `date` is malformed or `n` is not a whole number.
 */
export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`expected a whole number of days, got ${n}`);
  return fromDayNumber(toDayNumber(date) + n);
}

/** Calendar days from `from` to `to`: positive when `to` is later, 0 on the same day. */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** @internal Day of the week of a day number, 0 = Sunday to 6 = Saturday (1970-01-01 was a Thursday). */
export function dayOfWeekOfDayNumber(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

/** Day of the week of a date: 0 = Sunday, 1 = Monday, … 6 = Saturday (as `Date#getDay`). */
export function dayOfWeek(date: string): number {
  return dayOfWeekOfDayNumber(toDayNumber(date));
}

/** True on a Saturday or a Sunday. */
export function isWeekend(date: string): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

/** -1 when `a` is earlier than `b`, 1 when later, 0 on the same day; ready for `Array#sort`. */
export function compareDates(a: string, b: string): -1 | 0 | 1 {
  const diff = toDayNumber(a) - toDayNumber(b);
  return diff < 0 ? -1 : diff > 0 ? 1 : 0;
}

// A date-time without Z or an offset is read in the machine's own zone by Date.parse,
// which is exactly the dependence this module exists to avoid, so it is refused.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

let londonFormatter: Intl.DateTimeFormat | undefined;

const MS_PER_DAY = 86_400_000;

/** The day number of the last Sunday of `month` (1-12) in `year`. */
function lastSunday(year: number, month: number): number {
  const last = dayNumberOf(year, month, daysInMonth(year, month));
  return last - dayOfWeekOfDayNumber(last);
}

/**
 * The UK date by the British Summer Time rule in force since 1996 (clocks go forward at
 * 01:00 UTC on the last Sunday of March and back at 01:00 UTC on the last Sunday of
 * October): the same answer as the Europe/London zone, without Intl, which is slow in long
 * replays. Outside 1996 to 2099 it gives nothing and the caller asks Intl.
 */
function londonDateByRule(time: number): string | undefined {
  const utcDay = Math.floor(time / MS_PER_DAY);
  const year = new Date(time).getUTCFullYear();
  if (year < 1996 || year > 2099) return undefined;
  const start = lastSunday(year, 3) * MS_PER_DAY + 3_600_000;
  const end = lastSunday(year, 10) * MS_PER_DAY + 3_600_000;
  const inSummerTime = time >= start && time < end;
  return fromDayNumber(inSummerTime ? Math.floor((time + 3_600_000) / MS_PER_DAY) : utcDay);
}

/**
 * The same rule read straight from a UTC date-time's text (`instant` matched INSTANT, and
 * `day` is its date's day number), with no Date.parse: reports date thousands of events.
 * Before 23:00 UTC the UK date is the UTC one, BST or not; from 23:00 it is the next day in
 * BST, which runs from the last Sunday of March to the day before the last Sunday of October.
 * Gives nothing when the text alone does not settle it (an offset, a year outside 1996 to
 * 2099, 24:00, an impossible time) and the caller parses.
 */
function londonDateOfUtcText(instant: string, day: number): string | undefined {
  const last = instant.charCodeAt(instant.length - 1);
  if (last !== 90 && last !== 122) return undefined; // Z or z
  const year = digitsAt(instant, 0, 4);
  if (year < 1996 || year > 2099) return undefined;
  const hour = digitsAt(instant, 11, 13);
  const seconds = instant.charCodeAt(16) === 58 ? digitsAt(instant, 17, 19) : 0;
  if (!(hour < 24 && digitsAt(instant, 14, 16) < 60 && seconds < 60)) return undefined;
  if (hour < 23 || day < lastSunday(year, 3) || day >= lastSunday(year, 10)) return instant.slice(0, 10);
  return fromDayNumber(day + 1);
}

/**
 * The calendar date in Europe/London (GMT in winter, BST in summer) at an instant.
 * For example `2026-03-28T23:30:00Z` is 2026-03-28 (GMT) and `2026-06-30T23:30:00Z` is
 * 2026-07-01 (23:30 UTC is 00:30 BST the next day).
 * @param instant a `Date`, or an ISO 8601 date-time with `Z` or an offset such as `+01:00`.
 * @throws RangeError when the instant is not a valid date-time with a time zone.
 */
export function londonDate(instant: string | Date): string {
  let time: number;
  if (instant instanceof Date) {
    time = instant.getTime();
  } else {
    // Date.parse quietly rolls 30 February over into March, so the date part is checked first.
    const day = typeof instant === 'string' && INSTANT.test(instant) ? dayNumberOrNaN(instant.slice(0, 10)) : Number.NaN;
    const fromText = Number.isNaN(day) ? undefined : londonDateOfUtcText(instant, day);
    if (fromText !== undefined) return fromText;
    time = Number.isNaN(day) ? Number.NaN : Date.parse(instant);
  }
  if (Number.isNaN(time)) {
    const shown = typeof instant === 'string' ? JSON.stringify(instant) : String(instant);
    throw new RangeError(`expected a date and time with a time zone, such as 2026-11-25T10:30:00Z, got ${shown}`);
  }
  const fast = londonDateByRule(time);
  if (fast !== undefined) return fast;
  // Building a formatter is far slower than using one, and the zone rules never change at run time.
  londonFormatter ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  let year = '';
  let month = '';
  let day = '';
  for (const part of londonFormatter.formatToParts(time)) {
    if (part.type === 'year') year = part.value.padStart(4, '0');
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year}-${month}-${day}`;
}

/**
 * Today's date in Europe/London, for callers that are handed the clock (`now`) rather than
 * reading it, so that tests and reports can fix "today".
 */
export function todayInLondon(now: Date): string {
  return londonDate(now);
}

/** The instant (epoch milliseconds) when `date` begins in the UK: midnight GMT or BST. */
export function startOfLondonDay(date: string): number {
  const utcMidnight = toDayNumber(date) * MS_PER_DAY;
  // London is UTC or one hour ahead: midnight there is midnight UTC or an hour before it.
  return londonDate(new Date(utcMidnight - 3_600_000)) === date ? utcMidnight - 3_600_000 : utcMidnight;
}

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** A `YYYY-MM-DD` date as people write it: "12 March 2027". */
export function longDate(date: string): string {
  return `${Number(date.slice(8, 10))} ${MONTH_NAMES[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

/**
 * The date `n` calendar months after `date`; the month's last day when it is shorter
 * (31 December plus two months is 28 or 29 February).
 */
export function addMonths(date: string, n: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + n;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month + 1));
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
