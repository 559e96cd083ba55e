/**
 * Bank holidays in England and Wales, worked out from the rules (Banking and Financial
 * Dealings Act 1971 and the yearly royal proclamations) plus a table of one-off changes.
 * Scotland and Northern Ireland have different lists and are not covered.
 */

import { dayOfWeekOfDayNumber, fromDayNumber, toDayNumber, yearOfDayNumber } from './dates.js';

/** A bank holiday: the day it is observed and its name as people know it. */
export interface BankHoliday {
  /** The day it is observed, written `YYYY-MM-DD` (a substitute day when the usual day is a weekend). */
  date: string;
  name: string;
}

/**
 * The years bankHolidays() knows. 1978 is the first year of today's pattern (the early May
 * bank holiday began then, New Year's Day in 1974), so earlier years would come out wrong
 * rather than merely unconfirmed; 2100 is far enough ahead for any plan.
 */
export const BANK_HOLIDAY_YEARS = { first: 1978, last: 2100 } as const;

/** The regular holidays a one-off can move. */
type MovableHoliday = 'early-may' | 'spring';

type OneOff =
  | { readonly moves: MovableHoliday; readonly to: string; readonly name: string }
  | { readonly adds: string; readonly name: string };

/**
 * One-off changes proclaimed for particular years. A year not listed follows the rules.
 * When a new one is proclaimed (a jubilee, a state funeral), add a row here and a test year.
 */
const ONE_OFFS: readonly OneOff[] = [
  { adds: '1981-07-29', name: 'Royal wedding' },
  { moves: 'early-may', to: '1995-05-08', name: 'Early May bank holiday (VE Day)' },
  { adds: '1999-12-31', name: 'Millennium celebrations' },
  { moves: 'spring', to: '2002-06-04', name: 'Spring bank holiday' },
  { adds: '2002-06-03', name: 'Golden Jubilee of Queen Elizabeth II' },
  { adds: '2011-04-29', name: 'Royal wedding' },
  { moves: 'spring', to: '2012-06-04', name: 'Spring bank holiday' },
  { adds: '2012-06-05', name: 'Diamond Jubilee of Queen Elizabeth II' },
  { moves: 'early-may', to: '2020-05-08', name: 'Early May bank holiday (VE Day)' },
  { moves: 'spring', to: '2022-06-02', name: 'Spring bank holiday' },
  { adds: '2022-06-03', name: 'Platinum Jubilee of Queen Elizabeth II' },
  { adds: '2022-09-19', name: 'State Funeral of Queen Elizabeth II' },
  { adds: '2023-05-08', name: 'Coronation of King Charles III' },
];

function checkYear(year: number, what: string): void {
  if (!Number.isInteger(year)) throw new RangeError(`expected a whole-number year for ${what}, got ${year}`);
}

function dateOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Easter Sunday in the Gregorian calendar (the anonymous algorithm published in Nature, 1876,
 * also known as Meeus/Jones/Butcher), written `YYYY-MM-DD`.
 * @throws RangeError for a year before 1583 (before the Gregorian calendar) or after 9999.
 */
export function easterSunday(year: number): string {
  checkYear(year, 'Easter');
  if (year < 1583 || year > 9999) throw new RangeError(`Easter is worked out for years 1583 to 9999, got ${year}`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dateOf(year, month, day);
}

/** The first `weekday` (0 = Sunday … 6 = Saturday) on or after day number `n`. */
function onOrAfter(n: number, weekday: number): number {
  return n + ((weekday - dayOfWeekOfDayNumber(n) + 7) % 7);
}

/** The last `weekday` on or before day number `n`. */
function onOrBefore(n: number, weekday: number): number {
  return n - ((dayOfWeekOfDayNumber(n) - weekday + 7) % 7);
}

const MONDAY = 1;
const SATURDAY = 6;
const SUNDAY = 0;

interface Holiday {
  readonly day: number;
  readonly name: string;
  readonly movable?: MovableHoliday;
}

function regularHolidays(year: number): Holiday[] {
  const day = (month: number, d: number) => toDayNumber(dateOf(year, month, d));
  const list: Holiday[] = [];

  // New Year's Day moves to the Monday after when it falls at a weekend.
  const newYear = day(1, 1);
  const newYearWeekday = dayOfWeekOfDayNumber(newYear);
  if (newYearWeekday === SATURDAY || newYearWeekday === SUNDAY) {
    list.push({ day: onOrAfter(newYear, MONDAY), name: "New Year's Day (substitute day)" });
  } else {
    list.push({ day: newYear, name: "New Year's Day" });
  }

  const easter = toDayNumber(easterSunday(year));
  list.push({ day: easter - 2, name: 'Good Friday' });
  list.push({ day: easter + 1, name: 'Easter Monday' });
  list.push({ day: onOrAfter(day(5, 1), MONDAY), name: 'Early May bank holiday', movable: 'early-may' });
  list.push({ day: onOrBefore(day(5, 31), MONDAY), name: 'Spring bank holiday', movable: 'spring' });
  list.push({ day: onOrBefore(day(8, 31), MONDAY), name: 'Summer bank holiday' });

  // Christmas Day and Boxing Day each get a weekday: the next free Monday or Tuesday.
  const christmas = day(12, 25);
  switch (dayOfWeekOfDayNumber(christmas)) {
    case SATURDAY: // Sat 25, Sun 26: Mon 27 and Tue 28 stand in for both.
      list.push({ day: christmas + 2, name: 'Christmas Day (substitute day)' });
      list.push({ day: christmas + 3, name: 'Boxing Day (substitute day)' });
      break;
    case SUNDAY: // Sun 25, Mon 26: Boxing Day keeps its day, Christmas moves to Tue 27.
      list.push({ day: christmas + 1, name: 'Boxing Day' });
      list.push({ day: christmas + 2, name: 'Christmas Day (substitute day)' });
      break;
    case 5: // Fri 25, Sat 26: Boxing Day moves to Mon 28.
      list.push({ day: christmas, name: 'Christmas Day' });
      list.push({ day: christmas + 3, name: 'Boxing Day (substitute day)' });
      break;
    default:
      list.push({ day: christmas, name: 'Christmas Day' });
      list.push({ day: christmas + 1, name: 'Boxing Day' });
  }
  return list;
}

interface YearOfHolidays {
  readonly list: readonly Readonly<BankHoliday>[];
  /** Day numbers, ascending, for range counts. */
  readonly days: readonly number[];
  readonly set: ReadonlySet<number>;
}

// Working-day arithmetic asks about the same few years thousands of times per report.
const byYear = new Map<number, YearOfHolidays>();

function holidaysOf(year: number): YearOfHolidays {
  const cached = byYear.get(year);
  if (cached) return cached;
  checkYear(year, 'bank holidays');
  if (year < BANK_HOLIDAY_YEARS.first || year > BANK_HOLIDAY_YEARS.last) {
    throw new RangeError(
      `bank holidays for England and Wales are known for ${BANK_HOLIDAY_YEARS.first} to ${BANK_HOLIDAY_YEARS.last}, got ${year}`,
    );
  }
  let holidays = regularHolidays(year);
  for (const oneOff of ONE_OFFS) {
    const date = 'moves' in oneOff ? oneOff.to : oneOff.adds;
    if (!date.startsWith(`${year}-`)) continue;
    if ('moves' in oneOff) holidays = holidays.filter((h) => h.movable !== oneOff.moves);
    holidays.push({ day: toDayNumber(date), name: oneOff.name });
  }
  holidays.sort((a, b) => a.day - b.day);
  const entry: YearOfHolidays = {
    list: Object.freeze(holidays.map((h) => Object.freeze({ date: fromDayNumber(h.day), name: h.name }))),
    days: Object.freeze(holidays.map((h) => h.day)),
    set: new Set(holidays.map((h) => h.day)),
  };
  byYear.set(year, entry);
  return entry;
}

/**
 * The bank holidays in England and Wales in `year`, in date order, each on the day it is
 * observed: New Year's Day, Good Friday, Easter Monday, the early May, spring and summer bank
 * holidays, Christmas Day and Boxing Day, with substitute days for weekends and the one-off
 * changes proclaimed so far (VE Day, jubilees, royal weddings, the 2022 state funeral, the 2023
 * coronation). Every day returned is a Monday to Friday.
 * @throws RangeError for a year outside 1978 to 2100 (see {@link BANK_HOLIDAY_YEARS}).
 */
export function bankHolidays(year: number): BankHoliday[] {
  // Copies, so a caller that edits the list cannot change the cached one.
  return holidaysOf(year).list.map((h) => ({ date: h.date, name: h.name }));
}

/**
 * True when `date` is a bank holiday in England and Wales.
 * @throws RangeError when `date` is malformed or its year is outside 1978 to 2100.
 */
export function isBankHoliday(date: string): boolean {
  const n = toDayNumber(date);
  return holidaysOf(Number(date.slice(0, 4))).set.has(n);
}

/** @internal Bank holidays of `year` as ascending day numbers; not part of the package API. */
export function bankHolidayDayNumbers(year: number): readonly number[] {
  return holidaysOf(year).days;
}

/** @internal True when day number `n` is a bank holiday; not part of the package API. */
export function isBankHolidayDayNumber(n: number): boolean {
  return holidaysOf(yearOfDayNumber(n)).set.has(n);
}
