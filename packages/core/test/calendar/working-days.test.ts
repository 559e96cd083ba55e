import { describe, expect, it } from 'vitest';
import { prng } from '../prng.js';
import { addDays, dayOfWeek, toDayNumber } from '../../src/calendar/dates.js';
import { isBankHoliday } from '../../src/calendar/bank-holidays.js';
import {
  addWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  workingDaysBetween,
  type CalendarOptions,
} from '../../src/calendar/working-days.js';

// The council shuts between Christmas and New Year in 2026.
const WINTER_CLOSURE: CalendarOptions = { closures: ['2026-12-29', '2026-12-30', '2026-12-31'] };

describe('isWorkingDay', () => {
  it('counts Monday to Friday as working days', () => {
    for (const date of ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']) {
      expect(isWorkingDay(date), date).toBe(true);
    }
  });

  it('does not count a Saturday or a Sunday', () => {
    expect(isWorkingDay('2026-11-21')).toBe(false);
    expect(isWorkingDay('2026-11-22')).toBe(false);
  });

  it('does not count a bank holiday or its substitute day', () => {
    expect(isWorkingDay('2026-04-03')).toBe(false); // Good Friday
    expect(isWorkingDay('2026-08-31')).toBe(false); // Summer bank holiday
    expect(isWorkingDay('2026-12-28')).toBe(false); // Boxing Day (substitute day)
  });

  it("does not count one of the council's own closure days", () => {
    expect(isWorkingDay('2026-12-30')).toBe(true);
    expect(isWorkingDay('2026-12-30', WINTER_CLOSURE)).toBe(false);
  });

  it('says which closure day is wrong', () => {
    expect(() => isWorkingDay('2026-12-30', { closures: ['2026-12-32'] })).toThrow(
      /closure day .*expected a date written YYYY-MM-DD, got "2026-12-32"/,
    );
  });
});

describe('addWorkingDays', () => {
  it('returns the date itself, unchanged, for zero working days, even at a weekend', () => {
    expect(addWorkingDays('2026-11-21', 0)).toBe('2026-11-21');
    expect(addWorkingDays('2026-11-23', 0)).toBe('2026-11-23');
  });

  it('steps over the weekend from a Friday', () => {
    expect(addWorkingDays('2026-11-20', 1)).toBe('2026-11-23');
    expect(addWorkingDays('2026-11-20', 5)).toBe('2026-11-27');
    expect(addWorkingDays('2026-11-20', 6)).toBe('2026-11-30');
  });

  it('treats the Monday as the first working day after a Saturday', () => {
    expect(addWorkingDays('2026-11-21', 1)).toBe('2026-11-23');
    expect(addWorkingDays('2026-11-21', -1)).toBe('2026-11-20');
  });

  it('counts backwards for a negative number of working days', () => {
    expect(addWorkingDays('2026-11-23', -1)).toBe('2026-11-20');
    expect(addWorkingDays('2026-11-27', -10)).toBe('2026-11-13');
  });

  it('steps over Easter', () => {
    expect(addWorkingDays('2026-04-02', 1)).toBe('2026-04-07'); // Thursday to the Tuesday after Easter Monday
    expect(addWorkingDays('2026-04-07', -1)).toBe('2026-04-02');
  });

  it('carries on across New Year, past bank holidays and closures', () => {
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
    expect(addWorkingDays('2026-12-24', 1, WINTER_CLOSURE)).toBe('2027-01-04');
    expect(addWorkingDays('2027-01-04', -1, WINTER_CLOSURE)).toBe('2026-12-24');
    expect(addWorkingDays('2027-12-24', 2)).toBe('2027-12-30'); // Christmas on a Saturday: 27 and 28 are holidays
  });

  it('refuses a fractional number of working days', () => {
    expect(() => addWorkingDays('2026-11-23', 1.5)).toThrow(RangeError);
  });
});

describe('nextWorkingDay and previousWorkingDay', () => {
  it('always move strictly, even from a working day', () => {
    expect(nextWorkingDay('2026-11-24')).toBe('2026-11-25');
    expect(previousWorkingDay('2026-11-24')).toBe('2026-11-23');
  });

  it('skip a bank holiday weekend', () => {
    expect(nextWorkingDay('2026-05-22')).toBe('2026-05-26');
    expect(previousWorkingDay('2026-05-26')).toBe('2026-05-22');
  });

  it('skip closures', () => {
    expect(previousWorkingDay('2027-01-04', WINTER_CLOSURE)).toBe('2026-12-24');
    expect(nextWorkingDay('2026-12-24', WINTER_CLOSURE)).toBe('2027-01-04');
  });
});

describe('workingDaysBetween', () => {
  it('counts the Monday after a Friday due date as one working day overdue', () => {
    expect(workingDaysBetween('2026-11-20', '2026-11-23')).toBe(1);
  });

  it('counts nothing overdue over the weekend after a Friday due date', () => {
    expect(workingDaysBetween('2026-11-20', '2026-11-21')).toBe(0);
    expect(workingDaysBetween('2026-11-20', '2026-11-22')).toBe(0);
  });

  it('is zero on the due date itself', () => {
    expect(workingDaysBetween('2026-11-20', '2026-11-20')).toBe(0);
  });

  it('is plain zero, not minus zero, counting back over a weekend', () => {
    expect(workingDaysBetween('2026-11-22', '2026-11-21')).toBe(0);
  });

  it('is negative when the second date is earlier, the mirror of the other way round', () => {
    expect(workingDaysBetween('2026-11-23', '2026-11-20')).toBe(-1);
    expect(workingDaysBetween('2026-12-24', '2027-01-04', WINTER_CLOSURE)).toBe(1);
    expect(workingDaysBetween('2027-01-04', '2026-12-24', WINTER_CLOSURE)).toBe(-1);
  });

  it('leaves out bank holidays and closures across New Year', () => {
    // 29, 30, 31 December and 4 January; 25 and 28 December and 1 January are bank holidays.
    expect(workingDaysBetween('2026-12-24', '2027-01-04')).toBe(4);
    expect(workingDaysBetween('2026-12-24', '2027-01-04', WINTER_CLOSURE)).toBe(1);
  });

  it('does not take a closure off twice when it is also a bank holiday or a weekend', () => {
    const closures = { closures: ['2026-12-28', '2026-12-26', '2026-12-29', '2026-12-29'] };
    expect(workingDaysBetween('2026-12-24', '2027-01-04', closures)).toBe(3);
  });

  it('finds 253 working days in 2026', () => {
    // 261 weekdays less the 8 bank holidays.
    expect(workingDaysBetween('2025-12-31', '2026-12-31')).toBe(253);
  });

  it('agrees with counting day by day over random spans', () => {
    const random = prng(20261123);
    const pick = (from: string, span: number) => addDays(from, Math.floor(random() * span));
    for (let i = 0; i < 400; i++) {
      const from = pick('2018-01-01', 12 * 365);
      const to = pick(addDays(from, -500), 1000);
      const closures = Array.from({ length: Math.floor(random() * 6) }, () => pick(addDays(from, -30), 560));
      const options = { closures };
      const [lo, hi] = toDayNumber(from) <= toDayNumber(to) ? [from, to] : [to, from];
      let count = 0;
      for (let d = addDays(lo, 1); toDayNumber(d) <= toDayNumber(hi); d = addDays(d, 1)) {
        const weekday = dayOfWeek(d) !== 0 && dayOfWeek(d) !== 6;
        if (weekday && !isBankHoliday(d) && !closures.includes(d)) count++;
      }
      const expected = lo === from ? count : 0 - count;
      expect(workingDaysBetween(from, to, options), `${from} to ${to}, closures ${closures.join(' ')}`).toBe(expected);
    }
  });

  it('undoes addWorkingDays', () => {
    for (const start of ['2026-11-20', '2026-12-24', '2027-03-25', '2022-06-01']) {
      for (const n of [1, 2, 5, 10, 21, 60]) {
        expect(workingDaysBetween(start, addWorkingDays(start, n, WINTER_CLOSURE), WINTER_CLOSURE)).toBe(n);
        // Counting back from a working day lands the same distance away.
        expect(workingDaysBetween(start, addWorkingDays(start, -n, WINTER_CLOSURE), WINTER_CLOSURE)).toBe(-n);
      }
    }
  });

  it('refuses a span reaching a year with no bank holiday list', () => {
    expect(() => workingDaysBetween('2100-12-01', '2101-01-10')).toThrow(/1978 to 2100/);
  });
});
