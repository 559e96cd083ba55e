import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareDates,
  dayOfWeek,
  daysBetween,
  fromDayNumber,
  isWeekend,
  londonDate,
  toDayNumber,
  todayInLondon,
  yearOfDayNumber,
} from '../../src/calendar/dates.js';

describe('day numbers', () => {
  it('counts days from 1 January 1970', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2026-11-23')).toBe(Date.UTC(2026, 10, 23) / 86_400_000);
  });

  it('agrees with Date.UTC and round-trips every day from 1900 to 2200', () => {
    const first = Date.UTC(1900, 0, 1) / 86_400_000;
    const last = Date.UTC(2200, 11, 31) / 86_400_000;
    for (let n = first; n <= last; n++) {
      const date = new Date(n * 86_400_000).toISOString().slice(0, 10);
      if (fromDayNumber(n) !== date || toDayNumber(date) !== n) {
        expect({ n, date: fromDayNumber(n), back: toDayNumber(date) }).toEqual({ n, date, back: n });
      }
    }
  });

  it('knows the year of a day number without writing the date out', () => {
    for (let n = toDayNumber('1890-01-01'); n <= toDayNumber('2110-12-31'); n++) {
      if (yearOfDayNumber(n) !== Number(fromDayNumber(n).slice(0, 4))) expect([n, yearOfDayNumber(n)]).toEqual([n, fromDayNumber(n)]);
    }
    expect(yearOfDayNumber(toDayNumber('0000-01-01'))).toBe(0);
    expect(yearOfDayNumber(toDayNumber('9999-12-31'))).toBe(9999);
    expect(() => yearOfDayNumber(toDayNumber('9999-12-31') + 1)).toThrow(RangeError);
    expect(() => yearOfDayNumber(0.5)).toThrow(RangeError);
  });

  it('writes the earliest and latest four-digit years', () => {
    expect(fromDayNumber(toDayNumber('0001-01-01'))).toBe('0001-01-01');
    expect(fromDayNumber(toDayNumber('9999-12-31'))).toBe('9999-12-31');
    expect(() => fromDayNumber(toDayNumber('9999-12-31') + 1)).toThrow(RangeError);
    expect(() => fromDayNumber(1.5)).toThrow(RangeError);
  });
});

describe('reading dates', () => {
  it.each(['2026-02-30', '2026-02-29', '2100-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-5', '26-01-05', '2026-01-05T00:00:00Z', ' 2026-01-05', ''])(
    'refuses %j with a message saying what was expected',
    (text) => {
      expect(() => toDayNumber(text)).toThrow(RangeError);
      expect(() => toDayNumber(text)).toThrow(`expected a date written YYYY-MM-DD, got ${JSON.stringify(text)}`);
    },
  );

  it('accepts 29 February in a leap year, including 2000', () => {
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2000-02-29', 1)).toBe('2000-03-01');
  });

  it('refuses a value that is not text at all', () => {
    expect(() => toDayNumber(undefined as unknown as string)).toThrow('got undefined');
    expect(() => toDayNumber(20260105 as unknown as string)).toThrow(RangeError);
  });

  it.each(['２０２６-01-05', '2026-01-0５', '2026-01-05\n', '2026/01/05', '2026−01−05', '-026-01-05', '+026-01-05', '2026-0a-05', '2O26-01-05', '2026-01-5 '])(
    'reads only ASCII digits and hyphens: refuses %j',
    (text) => expect(() => toDayNumber(text)).toThrow(RangeError),
  );

  it('reads years 0000 to 9999 with their leap days', () => {
    expect(toDayNumber('0000-02-29')).toBe(toDayNumber('0000-03-01') - 1);
    expect(() => toDayNumber('1900-02-29')).toThrow(RangeError);
    expect(toDayNumber('9999-12-31')).toBe(2_932_896);
  });
});

describe('calendar arithmetic', () => {
  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addDays('2026-11-23', 0)).toBe('2026-11-23');
    expect(addDays('2026-11-23', -21)).toBe('2026-11-02');
    expect(() => addDays('2026-11-23', 0.5)).toThrow(RangeError);
  });

  it('counts days between dates, later minus earlier', () => {
    expect(daysBetween('2026-11-20', '2026-11-23')).toBe(3);
    expect(daysBetween('2026-11-23', '2026-11-20')).toBe(-3);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
  });

  it('names the day of the week from Sunday as 0', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4); // a Thursday
    expect(dayOfWeek('2026-11-22')).toBe(0);
    expect(dayOfWeek('2026-11-23')).toBe(1);
    expect(dayOfWeek('2026-11-28')).toBe(6);
    expect(dayOfWeek('1969-12-28')).toBe(0);
  });

  it('knows a weekend', () => {
    expect(isWeekend('2026-11-21')).toBe(true);
    expect(isWeekend('2026-11-22')).toBe(true);
    expect(isWeekend('2026-11-23')).toBe(false);
    expect(isWeekend('2026-11-27')).toBe(false);
  });

  it('compares dates for sorting', () => {
    expect(compareDates('2026-11-20', '2026-11-23')).toBe(-1);
    expect(compareDates('2026-11-23', '2026-11-23')).toBe(0);
    expect(compareDates('2027-01-01', '2026-12-31')).toBe(1);
    expect(['2027-01-01', '2026-03-05', '2026-12-31'].sort(compareDates)).toEqual(['2026-03-05', '2026-12-31', '2027-01-01']);
    expect(() => compareDates('2026-11-20', '20/11/2026')).toThrow(/got "20\/11\/2026"/);
  });
});

describe('londonDate', () => {
  it.each([
    // Clocks go forward at 01:00 UTC on Sunday 29 March 2026.
    ['2026-03-28T23:30:00Z', '2026-03-28'], // GMT: still Saturday in London
    ['2026-03-29T00:30:00Z', '2026-03-29'], // GMT, half an hour before the change
    ['2026-03-29T23:30:00Z', '2026-03-30'], // BST: already Monday in London
    ['2026-03-30T00:30:00Z', '2026-03-30'],
    // Clocks go back at 01:00 UTC on Sunday 25 October 2026.
    ['2026-10-24T23:30:00Z', '2026-10-25'], // BST: already Sunday in London
    ['2026-10-25T00:30:00Z', '2026-10-25'], // BST, half an hour before the change
    ['2026-10-25T23:30:00Z', '2026-10-25'], // GMT: still Sunday in London
    ['2026-10-26T00:30:00Z', '2026-10-26'],
    // Midsummer and New Year.
    ['2026-06-30T23:30:00Z', '2026-07-01'],
    ['2026-12-31T23:30:00Z', '2026-12-31'],
    ['2027-01-01T00:00:00Z', '2027-01-01'],
  ])('gives the London date at %s as %s', (instant, date) => {
    expect(londonDate(instant)).toBe(date);
    expect(londonDate(new Date(instant))).toBe(date);
  });

  it('reads offsets other than Z', () => {
    expect(londonDate('2026-07-01T00:30:00+01:00')).toBe('2026-07-01');
    expect(londonDate('2026-11-23T08:00:00+09:00')).toBe('2026-11-22');
    expect(londonDate('2026-11-22T20:00:00.123-05:00')).toBe('2026-11-23');
  });

  it('refuses a time with no time zone, which would be read in the machine zone', () => {
    expect(() => londonDate('2026-11-23T10:00:00')).toThrow(RangeError);
    expect(() => londonDate('2026-11-23')).toThrow(/expected a date and time with a time zone/);
    expect(() => londonDate('2026-02-30T10:00:00Z')).toThrow(RangeError);
    expect(() => londonDate(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('gives today in London from the clock it is handed', () => {
    expect(todayInLondon(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(todayInLondon(new Date('2026-11-23T09:00:00Z'))).toBe('2026-11-23');
  });
});

describe('independence from the machine time zone', () => {
  // Starting Node takes most of this test's time, and on a busy machine (a 2-core CI box running
  // the rest of the suite) a start can take seconds: so one child process answers for every zone,
  // and the budget is a minute, far above the 0.3 s it takes on an idle machine.
  it('gives the same answers in a process running in Auckland, Los Angeles or London', () => {
    // Bundle the calendar and run it in a child process with TZ set: that is the only way to
    // change Node's zone for certain (worker threads share their parent's). Node rereads the
    // zone when process.env.TZ is set, and each zone gets a fresh copy of the calendar modules,
    // so nothing they work out when loaded carries over from one zone to the next.
    const entry = fileURLToPath(new URL('../../src/calendar/working-days.ts', import.meta.url));
    const dates = fileURLToPath(new URL('../../src/calendar/dates.ts', import.meta.url));
    const deadlines = fileURLToPath(new URL('../../src/calendar/deadlines.ts', import.meta.url));
    const built = buildSync({
      stdin: {
        contents: `
          import * as d from ${JSON.stringify(dates)};
          import * as w from ${JSON.stringify(entry)};
          import * as b from ${JSON.stringify(deadlines)};
          export const answers = () => [
            new Date(2026, 0, 1).getTimezoneOffset(),
            d.londonDate('2026-03-29T23:30:00Z'), d.londonDate('2026-10-25T23:30:00Z'),
            d.todayInLondon(new Date('2026-06-30T23:30:00Z')), d.addDays('2026-03-28', 1),
            d.dayOfWeek('2026-03-29'), d.toDayNumber('2026-10-25'),
            w.workingDaysBetween('2026-03-20', '2026-11-23'), w.addWorkingDays('2026-10-23', 1),
            b.boardDeadlines('2026-09-01'),
          ];`,
        resolveDir: process.cwd(),
        loader: 'ts',
      },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'node',
      logLevel: 'silent',
    });
    const zones = ['Pacific/Auckland', 'America/Los_Angeles', 'Europe/London'];
    const child = `
      import { readFileSync } from 'node:fs';
      const calendar = readFileSync(0, 'utf8');
      const results = [];
      for (const zone of ${JSON.stringify(zones)}) {
        process.env.TZ = zone;
        const { answers } = await import('data:text/javascript,' + encodeURIComponent(calendar + '\\n// ' + zone));
        results.push(answers());
      }
      process.stdout.write(JSON.stringify(results));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', child], {
      env: { ...process.env, TZ: 'UTC' },
      input: built.outputFiles[0]!.text,
      encoding: 'utf8',
      timeout: 55_000,
    });
    expect(run.error).toBeUndefined();
    expect(run.stderr).toBe('');
    const results = JSON.parse(run.stdout) as unknown[][];
    expect(results.length).toBe(zones.length);
    // The machine zones really were different...
    expect(new Set(results.map((r) => r[0])).size).toBe(3);
    // ...and every calendar answer was the same.
    const answers = results.map((r) => r.slice(1));
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(answers[0]!.slice(0, 3)).toEqual(['2026-03-30', '2026-10-25', '2026-07-01']);
  }, 60_000);
});

describe('londonDate by rule', () => {
  it('agrees with the Europe/London zone every 37 minutes from 1996 to 2040, clock changes included', async () => {
    const { londonDate } = await import('../../src/calendar/dates.js');
    const zone = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
    const start = Date.UTC(1996, 0, 1);
    const end = Date.UTC(2040, 11, 31);
    let mismatches = 0;
    for (let t = start; t < end; t += 37 * 60_000 * 97) {
      if (londonDate(new Date(t)) !== zone.format(t)) mismatches++;
    }
    // And every minute either side of each clock change in 2026.
    for (const change of [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)]) {
      for (let t = change - 120 * 60_000; t < change + 120 * 60_000; t += 60_000) {
        if (londonDate(new Date(t)) !== zone.format(t)) mismatches++;
      }
    }
    expect(mismatches).toBe(0);
  });
});

describe('londonDate read from UTC text', () => {
  const zone = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
  // Every way an instant in UTC may be written, each read without Date.parse where the text settles it.
  const forms = (t: number) => {
    const iso = new Date(t).toISOString();
    return [iso, `${iso.slice(0, 19)}Z`, `${iso.slice(0, 16)}Z`, `${iso.slice(0, 23)}4567Z`, `${iso.slice(0, 10)}t${iso.slice(11, 19)}z`];
  };

  it('agrees with the Europe/London zone around 23:00 UTC near each clock change, midsummer and new year, 1990 to 2105', () => {
    const lastSunday = (year: number, month: number) => {
      const last = new Date(Date.UTC(year, month + 1, 0));
      return last.getTime() - last.getUTCDay() * 86_400_000;
    };
    const mismatches: string[] = [];
    for (let year = 1990; year <= 2105; year++) {
      for (const anchor of [lastSunday(year, 2), lastSunday(year, 9), Date.UTC(year, 5, 30), Date.UTC(year, 11, 31)]) {
        // The day before to the day after, every 7 minutes from 21:00 to 02:00 the next day (the clocks change at 01:00 UTC).
        for (let day = anchor - 86_400_000; day <= anchor + 86_400_000; day += 86_400_000) {
          for (let t = day + 21 * 3_600_000; t < day + 26 * 3_600_000; t += 7 * 60_000 + 1_234) {
            for (const text of forms(t)) if (londonDate(text) !== zone.format(Date.parse(text))) mismatches.push(text);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    // Tens of thousands of Intl formats: about a second alone; a minute allows for a busy two-core machine.
  }, 60_000);

  it('takes 24:00 as midnight starting the next day', () => {
    expect(londonDate('2026-06-30T24:00:00Z')).toBe('2026-07-01');
    expect(londonDate('2026-12-31T24:00Z')).toBe('2027-01-01');
    expect(londonDate('2026-03-28T24:00:00.000Z')).toBe('2026-03-29');
  });

  it.each(['2026-06-30T24:00:01Z', '2026-06-30T25:00:00Z', '2026-06-30T23:60:00Z', '2026-06-30T23:59:60Z', '2026-06-31T12:00:00Z', '2026-06-30 12:00:00Z', '2026-06-30T12:00:00ZZ'])(
    'refuses %j, as Date.parse would',
    (text) => expect(() => londonDate(text)).toThrow(RangeError),
  );
});

describe('startOfLondonDay', () => {
  it('is midnight GMT in winter and 23:00 UTC the day before in summer', async () => {
    const { startOfLondonDay } = await import('../../src/calendar/dates.js');
    expect(new Date(startOfLondonDay('2026-01-15')).toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(new Date(startOfLondonDay('2026-07-01')).toISOString()).toBe('2026-06-30T23:00:00.000Z');
    // The day the clocks go forward starts in GMT; the day after starts in BST.
    expect(new Date(startOfLondonDay('2026-03-29')).toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(new Date(startOfLondonDay('2026-03-30')).toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(new Date(startOfLondonDay('2026-10-25')).toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(new Date(startOfLondonDay('2026-10-26')).toISOString()).toBe('2026-10-26T00:00:00.000Z');
  });
});
