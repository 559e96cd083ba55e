import { describe, expect, it } from 'vitest';
import { boardDeadlines } from '../../src/calendar/deadlines.js';

describe('boardDeadlines', () => {
  it('works back from a meeting the day after the summer bank holiday, with the default settings', () => {
    // Tuesday 1 September 2026; Monday 31 August is the summer bank holiday.
    expect(boardDeadlines('2026-09-01')).toEqual({
      meeting: '2026-09-01',
      papers: '2026-08-24', // Fri 28, Thu 27, Wed 26, Tue 25, Mon 24: five working days back
      childrenInCareCouncil: '2026-08-11', // 21 days before, a Tuesday
      minutes: '2026-09-15', // 14 days after, a Tuesday
    });
  });

  it('counts the Friday before a Monday meeting as the first working day before it', () => {
    expect(boardDeadlines('2026-11-23', { papersWorkingDaysBefore: 1 }).papers).toBe('2026-11-20');
  });

  it('skips Good Friday and Easter Monday when counting working days for the papers', () => {
    // Tuesday 7 April 2026, the day after Easter Monday.
    expect(boardDeadlines('2026-04-07').papers).toBe('2026-03-27');
  });

  it('moves the Children in Care Council deadline back past Easter when it lands on Easter Monday', () => {
    // 21 days before Monday 27 April 2026 is Easter Monday; Good Friday is shut too, so Thursday 2 April.
    const deadlines = boardDeadlines('2026-04-27');
    expect(deadlines.childrenInCareCouncil).toBe('2026-04-02');
    expect(deadlines.papers).toBe('2026-04-20');
  });

  it('moves the minutes deadline earlier, never later, when it lands on a bank holiday', () => {
    // 14 days after Monday 11 May 2026 is the spring bank holiday, Monday 25 May.
    const deadlines = boardDeadlines('2026-05-11');
    expect(deadlines.minutes).toBe('2026-05-22');
    expect(deadlines.papers).toBe('2026-05-01'); // the early May bank holiday, Monday 4 May, does not count
  });

  it('moves a deadline that lands on a weekend back to the Friday', () => {
    // A Wednesday meeting with minutes due 10 days later would land on a Saturday.
    expect(boardDeadlines('2026-11-18', { minutesDaysAfter: 10 }).minutes).toBe('2026-11-27');
    expect(boardDeadlines('2026-11-18', { childrenInCareCouncilDaysBefore: 10 }).childrenInCareCouncil).toBe('2026-11-06');
  });

  it("uses the council's own settings and closure days", () => {
    // Thursday 7 January 2027, with the council shut from 29 to 31 December 2026.
    expect(
      boardDeadlines('2027-01-07', {
        papersWorkingDaysBefore: 5,
        childrenInCareCouncilDaysBefore: 8,
        minutesDaysAfter: 7,
        closures: ['2026-12-29', '2026-12-30', '2026-12-31'],
      }),
    ).toEqual({
      meeting: '2027-01-07',
      papers: '2026-12-23', // 6, 5, 4 January, then back past the holidays and closures to 24 and 23 December
      childrenInCareCouncil: '2026-12-24', // 30 December is a closure; 29 too; 28 and 25 are bank holidays
      minutes: '2027-01-14',
    });
  });

  it('puts the papers on the meeting day when no notice is asked for', () => {
    expect(boardDeadlines('2026-11-23', { papersWorkingDaysBefore: 0 }).papers).toBe('2026-11-23');
  });

  it('refuses a setting that is not a whole number of days, 0 or more', () => {
    expect(() => boardDeadlines('2026-11-23', { papersWorkingDaysBefore: -1 })).toThrow(/papersWorkingDaysBefore/);
    expect(() => boardDeadlines('2026-11-23', { minutesDaysAfter: 1.5 })).toThrow(RangeError);
  });

  it('refuses a meeting date that is not a real date', () => {
    expect(() => boardDeadlines('2026-11-31')).toThrow(/expected a date written YYYY-MM-DD, got "2026-11-31"/);
  });
});
