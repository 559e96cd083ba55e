import { describe, expect, it } from 'vitest';
import { bankHolidays, easterSunday, isBankHoliday } from '../../src/calendar/bank-holidays.js';
import { dayOfWeek } from '../../src/calendar/dates.js';

// The England and Wales list as published on GOV.UK (https://www.gov.uk/bank-holidays), written
// out in full so that a rule change shows up as a difference here, not as a silent new answer.
const PUBLISHED: Record<number, [string, string][]> = {
  2018: [
    ['2018-01-01', "New Year's Day"],
    ['2018-03-30', 'Good Friday'],
    ['2018-04-02', 'Easter Monday'],
    ['2018-05-07', 'Early May bank holiday'],
    ['2018-05-28', 'Spring bank holiday'],
    ['2018-08-27', 'Summer bank holiday'],
    ['2018-12-25', 'Christmas Day'],
    ['2018-12-26', 'Boxing Day'],
  ],
  2019: [
    ['2019-01-01', "New Year's Day"],
    ['2019-04-19', 'Good Friday'],
    ['2019-04-22', 'Easter Monday'],
    ['2019-05-06', 'Early May bank holiday'],
    ['2019-05-27', 'Spring bank holiday'],
    ['2019-08-26', 'Summer bank holiday'],
    ['2019-12-25', 'Christmas Day'],
    ['2019-12-26', 'Boxing Day'],
  ],
  2020: [
    ['2020-01-01', "New Year's Day"],
    ['2020-04-10', 'Good Friday'],
    ['2020-04-13', 'Easter Monday'],
    ['2020-05-08', 'Early May bank holiday (VE Day)'],
    ['2020-05-25', 'Spring bank holiday'],
    ['2020-08-31', 'Summer bank holiday'],
    ['2020-12-25', 'Christmas Day'],
    ['2020-12-28', 'Boxing Day (substitute day)'],
  ],
  2021: [
    ['2021-01-01', "New Year's Day"],
    ['2021-04-02', 'Good Friday'],
    ['2021-04-05', 'Easter Monday'],
    ['2021-05-03', 'Early May bank holiday'],
    ['2021-05-31', 'Spring bank holiday'],
    ['2021-08-30', 'Summer bank holiday'],
    ['2021-12-27', 'Christmas Day (substitute day)'],
    ['2021-12-28', 'Boxing Day (substitute day)'],
  ],
  2022: [
    ['2022-01-03', "New Year's Day (substitute day)"],
    ['2022-04-15', 'Good Friday'],
    ['2022-04-18', 'Easter Monday'],
    ['2022-05-02', 'Early May bank holiday'],
    ['2022-06-02', 'Spring bank holiday'],
    ['2022-06-03', 'Platinum Jubilee of Queen Elizabeth II'],
    ['2022-08-29', 'Summer bank holiday'],
    ['2022-09-19', 'State Funeral of Queen Elizabeth II'],
    ['2022-12-26', 'Boxing Day'],
    ['2022-12-27', 'Christmas Day (substitute day)'],
  ],
  2023: [
    ['2023-01-02', "New Year's Day (substitute day)"],
    ['2023-04-07', 'Good Friday'],
    ['2023-04-10', 'Easter Monday'],
    ['2023-05-01', 'Early May bank holiday'],
    ['2023-05-08', 'Coronation of King Charles III'],
    ['2023-05-29', 'Spring bank holiday'],
    ['2023-08-28', 'Summer bank holiday'],
    ['2023-12-25', 'Christmas Day'],
    ['2023-12-26', 'Boxing Day'],
  ],
  2024: [
    ['2024-01-01', "New Year's Day"],
    ['2024-03-29', 'Good Friday'],
    ['2024-04-01', 'Easter Monday'],
    ['2024-05-06', 'Early May bank holiday'],
    ['2024-05-27', 'Spring bank holiday'],
    ['2024-08-26', 'Summer bank holiday'],
    ['2024-12-25', 'Christmas Day'],
    ['2024-12-26', 'Boxing Day'],
  ],
  2025: [
    ['2025-01-01', "New Year's Day"],
    ['2025-04-18', 'Good Friday'],
    ['2025-04-21', 'Easter Monday'],
    ['2025-05-05', 'Early May bank holiday'],
    ['2025-05-26', 'Spring bank holiday'],
    ['2025-08-25', 'Summer bank holiday'],
    ['2025-12-25', 'Christmas Day'],
    ['2025-12-26', 'Boxing Day'],
  ],
  2026: [
    ['2026-01-01', "New Year's Day"],
    ['2026-04-03', 'Good Friday'],
    ['2026-04-06', 'Easter Monday'],
    ['2026-05-04', 'Early May bank holiday'],
    ['2026-05-25', 'Spring bank holiday'],
    ['2026-08-31', 'Summer bank holiday'],
    ['2026-12-25', 'Christmas Day'],
    ['2026-12-28', 'Boxing Day (substitute day)'],
  ],
  2027: [
    ['2027-01-01', "New Year's Day"],
    ['2027-03-26', 'Good Friday'],
    ['2027-03-29', 'Easter Monday'],
    ['2027-05-03', 'Early May bank holiday'],
    ['2027-05-31', 'Spring bank holiday'],
    ['2027-08-30', 'Summer bank holiday'],
    ['2027-12-27', 'Christmas Day (substitute day)'],
    ['2027-12-28', 'Boxing Day (substitute day)'],
  ],
};

describe('bank holidays in England and Wales', () => {
  for (const [year, expected] of Object.entries(PUBLISHED)) {
    it(`matches the published list for ${year}`, () => {
      expect(bankHolidays(Number(year))).toEqual(expected.map(([date, name]) => ({ date, name })));
    });
  }

  it('puts every bank holiday on a Monday to Friday, in date order, from 1978 to 2100', () => {
    for (let year = 1978; year <= 2100; year++) {
      const list = bankHolidays(year);
      expect(list.length, `${year}`).toBeGreaterThanOrEqual(8);
      for (const { date } of list) {
        expect(date.startsWith(`${year}-`), date).toBe(true);
        expect([1, 2, 3, 4, 5], date).toContain(dayOfWeek(date));
      }
      const dates = list.map((h) => h.date);
      expect([...dates].sort(), `${year}`).toEqual(dates);
      expect(new Set(dates).size, `${year}`).toBe(dates.length);
    }
  });

  it('has eight bank holidays in a year with no one-off changes', () => {
    expect(bankHolidays(2031)).toHaveLength(8);
  });

  it('keeps the one-off changes of earlier years', () => {
    const names = (year: number) => Object.fromEntries(bankHolidays(year).map((h) => [h.date, h.name]));
    expect(names(1981)['1981-07-29']).toBe('Royal wedding');
    expect(names(1995)['1995-05-08']).toBe('Early May bank holiday (VE Day)');
    expect(names(1995)['1995-05-01']).toBeUndefined();
    expect(names(1999)['1999-12-31']).toBe('Millennium celebrations');
    expect(names(1999)['1999-12-27']).toBe('Christmas Day (substitute day)');
    expect(names(2002)).toMatchObject({
      '2002-06-03': 'Golden Jubilee of Queen Elizabeth II',
      '2002-06-04': 'Spring bank holiday',
    });
    expect(names(2002)['2002-05-27']).toBeUndefined();
    expect(names(2011)['2011-04-29']).toBe('Royal wedding');
    expect(names(2012)).toMatchObject({
      '2012-06-04': 'Spring bank holiday',
      '2012-06-05': 'Diamond Jubilee of Queen Elizabeth II',
    });
    expect(names(2012)['2012-05-28']).toBeUndefined();
  });

  it('gives the New Year substitute on Monday 3 January when New Year falls on a Saturday', () => {
    expect(bankHolidays(2033)[0]).toEqual({ date: '2033-01-03', name: "New Year's Day (substitute day)" });
  });

  it('gives Boxing Day on Monday 26 and Christmas on Tuesday 27 when Christmas falls on a Sunday', () => {
    expect(bankHolidays(2033).slice(-2)).toEqual([
      { date: '2033-12-26', name: 'Boxing Day' },
      { date: '2033-12-27', name: 'Christmas Day (substitute day)' },
    ]);
  });

  it('hands out copies, so changing a returned list does not change the next answer', () => {
    const list = bankHolidays(2026);
    list.pop();
    list[0]!.name = 'changed';
    expect(bankHolidays(2026)).toEqual(PUBLISHED[2026]!.map(([date, name]) => ({ date, name })));
  });

  it('refuses years it has no reliable list for', () => {
    expect(() => bankHolidays(1977)).toThrow(RangeError);
    expect(() => bankHolidays(2101)).toThrow(/1978 to 2100, got 2101/);
    expect(() => bankHolidays(2026.5)).toThrow(RangeError);
  });
});

describe('isBankHoliday', () => {
  it('knows the substitute day, not the weekend day it stands in for', () => {
    expect(isBankHoliday('2027-12-25')).toBe(false);
    expect(isBankHoliday('2027-12-27')).toBe(true);
    expect(isBankHoliday('2027-12-28')).toBe(true);
  });

  it('knows moved and one-off holidays', () => {
    expect(isBankHoliday('2022-05-30')).toBe(false); // the usual spring bank holiday, moved that year
    expect(isBankHoliday('2022-06-02')).toBe(true);
    expect(isBankHoliday('2022-09-19')).toBe(true);
    expect(isBankHoliday('2023-05-08')).toBe(true);
  });

  it('is false on an ordinary working day and on a weekend', () => {
    expect(isBankHoliday('2026-11-23')).toBe(false);
    expect(isBankHoliday('2026-11-21')).toBe(false);
  });

  it('refuses a malformed date', () => {
    expect(() => isBankHoliday('2026-02-30')).toThrow(/expected a date written YYYY-MM-DD, got "2026-02-30"/);
  });
});

describe('easterSunday', () => {
  it.each([
    [1818, '1818-03-22'], // the earliest possible date
    [1943, '1943-04-25'], // the latest possible date
    [1981, '1981-04-19'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('falls in %i on %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('is always a Sunday between 22 March and 25 April', () => {
    for (let year = 1583; year <= 3000; year++) {
      const date = easterSunday(year);
      expect(dayOfWeek(date), date).toBe(0);
      expect(date.slice(5) >= '03-22' && date.slice(5) <= '04-25', date).toBe(true);
    }
  });

  it('refuses years before the Gregorian calendar', () => {
    expect(() => easterSunday(1582)).toThrow(RangeError);
  });
});
