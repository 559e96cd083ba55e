// Board meetings and scrutiny recommendations from and to a spreadsheet, as a clerk or a
// scrutiny officer would use it: all or nothing, every problem placed by row and column.
import { describe, expect, it } from 'vitest';
import { createTracker } from '@pledgeflow/core';
import {
  formatCsvProblem, importActionsCsv, importMeetingsCsv, importRecommendationsCsv, MAX_ITEM_CSV_CHARACTERS, MAX_ITEM_ROWS, meetingsToCsv,
  parseCsv, recommendationsToCsv,
} from '@pledgeflow/core/formats';
import { afterThePlan, as, ev, ok, testPlan } from '../fixtures.js';
import { BOARD_YEAR_TODAY, boardYear, boardYearInput } from '../queries/board-year.js';

const csv = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;
/** The board year's plan without its meetings and recommendations: what a clerk starts from. */
const bare = () => testPlan({ ...boardYearInput, meetings: [], recommendations: [] });
const lines = (r: { ok: boolean; problems?: { row: number; column?: string; message: string }[] }) => (r.ok ? [] : r.problems!.map(formatCsvProblem));

describe('importMeetingsCsv', () => {
  it('reads dates either way, working groups by name, and makes ids from dates as the plan-file migration does', () => {
    const r = importMeetingsCsv(csv(
      'Date,Theme,Reports from,Title,RAG',
      '11/06/2026,Health,Health and Wellbeing,,green',
      '2026-09-17,Education and work,"education; Health and Wellbeing",Autumn board,',
      '17/09/2026,Extra meeting,,,',
    ), bare());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.items).toEqual([
      { id: 'board-2026-06-11', date: '2026-06-11', theme: 'Health', reports: ['health'] },
      { id: 'board-2026-09-17', date: '2026-09-17', theme: 'Education and work', title: 'Autumn board', reports: ['education', 'health'] },
      { id: 'board-2026-09-17-2', date: '2026-09-17', theme: 'Extra meeting', reports: [] },
    ]);
    expect(r.plan.meetings).toEqual(r.items);
    expect(createTracker({ plan: r.plan }).meetings().map((m) => m.title)).toEqual(['Board meeting, 11 June 2026', 'Autumn board', 'Board meeting, 17 September 2026']);
  });

  it('never makes an id that the plan or a later row already uses', () => {
    const plan = testPlan({ ...boardYearInput, meetings: [{ id: 'board-2026-06-11', date: '2026-06-11', theme: 'Health' }], recommendations: [] });
    const r = importMeetingsCsv(csv('Date,Theme,ID', '11/06/2026,Health,', '11/06/2026,Health,board-2026-06-11-2'), plan);
    expect(r.ok && r.items.map((m) => m.id)).toEqual(['board-2026-06-11-3', 'board-2026-06-11-2']);
  });

  it('says what is wrong and where, row by row and left to right, and imports nothing', () => {
    const plan = bare();
    const r = importMeetingsCsv(csv(
      'ID,Date,Theme,Reports from',
      'm1,31/02/2027,Health,Helth and Wellbeing',
      'm1,2027-03-11,,',
      'a1,2027-06-10,Housing,',
      'm4,03/11/27,Health,,extra',
    ), plan);
    expect(lines(r)).toEqual([
      'row 2, Date: "31/02/2027" is not a real date: February 2027 has 28 days',
      'row 2, Reports from: there is no workstream called "Helth and Wellbeing" in this plan; did you mean "Health and Wellbeing"?',
      'row 3, Theme: is blank, but every meeting needs a theme',
      'row 4, ID: the id "a1" is already used by an action in the plan ("Train designated teachers"); leave the id blank to have one made, or choose another',
      'row 5, Date: write the year in full, like 31/03/2027, got "03/11/27"',
      'row 5, E: there is a value in column E, which has no header. If a value contains a comma, put it in quotes; otherwise add a header or move the value',
    ]);
    expect(plan.meetings).toEqual([]);
  });

  it('reports an id used on two rows, and a missing column once, at row 1', () => {
    expect(lines(importMeetingsCsv(csv('ID,Date,Theme', 'm1,2027-03-11,A', 'm1,2027-06-10,B'), bare()))).toEqual([
      'row 3, ID: the id "m1" is also used on row 2; each meeting needs its own id',
    ]);
    expect(lines(importMeetingsCsv(csv('Date,Subject', '2027-03-11,Health'), bare()))).toEqual([
      'row 1: there is no "Theme" column: add a column headed "Theme" giving each meeting a theme',
    ]);
    expect(lines(importMeetingsCsv('', bare()))[0]).toMatch(/^row 1: the file is empty: the first row should be the headers, such as Date and Theme/);
    expect(lines(importMeetingsCsv(csv('Date,Theme', ',', ''), bare()))).toEqual(['row 2: there are no meetings below the header row']);
  });

  it('passes each meeting through the plan schema, naming the column', () => {
    expect(lines(importMeetingsCsv(csv('Date,Theme,ID', `2027-03-11,${'x'.repeat(201)},bad id`), bare()))).toEqual([
      expect.stringMatching(/^row 2, Theme: .*200/),
      expect.stringMatching(/^row 2, ID: /),
    ]);
  });

  it('warns about text that looks like personal data, or refuses it when the plan says so', () => {
    const text = csv('Date,Theme', '2027-03-11,Jo Bloggs DOB 01/02/2015');
    const warned = importMeetingsCsv(text, bare());
    expect(warned.ok && warned.warnings.map(formatCsvProblem)[0]).toMatch(/^row 2, Theme: /);
    const refused = importMeetingsCsv(text, testPlan({ ...boardYearInput, meetings: [], recommendations: [], privacy: 'refuse' }));
    expect(lines(refused)[0]).toMatch(/^row 2, Theme: .*does not accept text that looks like a child's personal data\.$/);
  });

  it('limits the size of a file: rows and characters, each said once', () => {
    const many = `Date,Theme\r\n${'2027-03-11,Health\r\n'.repeat(MAX_ITEM_ROWS + 1)}`;
    expect(lines(importMeetingsCsv(many, bare()))).toEqual([`row ${MAX_ITEM_ROWS + 2}: a file may hold at most 5,000 meetings, and this one has 5,001; split it into smaller files`]);
    const huge = `Date,Theme\r\n2027-03-11,${'a'.repeat(MAX_ITEM_CSV_CHARACTERS)}\r\n`;
    expect(lines(importMeetingsCsv(huge, bare()))).toEqual([expect.stringMatching(/^row 1: the file has 5,000,0\d\d characters, more than the 5,000,000 a file of meetings may have/)]);
  });

  it('reads 5,000 meetings on one date, and hostile cells, in time proportional to their length', () => {
    const start = performance.now();
    const sameDay = importMeetingsCsv(`Date,Theme\r\n${'11/03/2027,Health\r\n'.repeat(5000)}`, bare());
    expect(sameDay.ok && new Set(sameDay.items.map((m) => m.id)).size).toBe(5000);
    const hostile = [' '.repeat(100_000), '1/'.repeat(50_000), '1'.repeat(100_000), `promise ${' '.repeat(100_000)}x`, '-'.repeat(100_000)];
    const bad = importMeetingsCsv(csv('Date,Theme,Reports from', ...hostile.map((h) => `${h.includes(' ') ? '1/1/1' : h},t,${h}`)), bare());
    expect(bad.ok).toBe(false);
    // A quadratic pattern took 40 seconds here; linear ones take well under one.
    expect(performance.now() - start).toBeLessThan(10_000);
  });
});

describe('importRecommendationsCsv', () => {
  it('reads reviews, owners, actions and promises by name or number, and takes Made on from the review when blank', () => {
    const r = importRecommendationsCsv(csv(
      'Review,No.,Recommendation,Made on,Owner,Actions,Promises',
      'Review of school stability,1,Name a designated teacher in every school.,,Lee Lead,Train designated teachers,1',
      'rv,2,Report school moves to the board each quarter.,15/05/2026,,,',
    ), bare());
    expect(r.ok && r.items).toEqual([
      { id: 'rv-1', review: 'rv', number: 1, title: 'Name a designated teacher in every school.', madeOn: '2026-05-01', owner: 'lead', actions: ['a1'], promises: ['p1'] },
      { id: 'rv-2', review: 'rv', number: 2, title: 'Report school moves to the board each quarter.', madeOn: '2026-05-15', actions: [], promises: [] },
    ]);
  });

  it('says what is wrong and where, and imports nothing', () => {
    const plan = testPlan(boardYearInput);
    const r = importRecommendationsCsv(csv(
      'Review,Number,Recommendation,Made on,Actions',
      'Review of school stabilty,5,Something,,',
      'rv,2,Already numbered in the plan,,',
      'rv,5,Fine,,Train designated teacher',
      'rv,6,First six,,',
      'rv,6,Second six,,',
      'rv,two,Words,soon,',
    ), plan);
    expect(lines(r)).toEqual([
      'row 2, Review: there is no scrutiny review called "Review of school stabilty" in this plan; did you mean "Review of school stability"?',
      'row 3, Number: recommendation 2 of this review is already in the plan; each recommendation of a review needs its own number',
      'row 4, Actions: there is no action called "Train designated teacher" in this plan; did you mean "Train designated teachers"?',
      'row 6, Number: recommendation 6 of this review is already in row 5; each recommendation of a review needs its own number',
      'row 7, Number: expected a whole number, like 3, got "two"',
      'row 7, Made on: expected a date like 31/03/2027 or 2027-03-31, got "soon"',
    ]);
    expect(plan.recommendations).toHaveLength(4);
  });
});

describe('meetings and recommendations exported as CSV', () => {
  it('writes meetings as they stand: a rescheduled one at its new date with the first, a cancelled one with why, who came', () => {
    const t = boardYear();
    ok(t.send(ev(as('editor'), 'm-mar', 'meeting.reschedule', { date: '2027-03-18', reason: 'Clashes with the budget meeting.' }, '2026-12-20T10:00:00Z')));
    const { rows } = parseCsv(meetingsToCsv(t.state()));
    expect(rows[0]).toEqual(['ID', 'Date', 'Theme', 'Title', 'Reports from', 'State', 'First set for', 'Why moved or cancelled', 'Present', 'Reports received']);
    expect(rows[2]!.slice(0, 8)).toEqual(['m-sep', '2026-09-17', 'Education and work', '', 'Education and Work', 'Held', '', '']);
    expect(rows[2]![8]!.split('; ').sort()).toEqual(['Bola Board', 'Dana Deputy (for Bryn Board)', 'Erin Editor']);
    expect(rows[2]![9]).toBe('Education and Work (2026-09-15)');
    expect(rows[4]!.slice(0, 8)).toEqual(['m-mar', '2027-03-18', 'What children say', 'Spring board', 'Education and Work', 'Planned', '2027-03-11', 'Clashes with the budget meeting.']);
    ok(t.send(ev(as('editor'), 'm-mar', 'meeting.cancel', { reason: 'Not enough members free.' }, '2026-12-21T10:00:00Z')));
    expect(parseCsv(meetingsToCsv(t.state())).rows[4]!.slice(5, 8)).toEqual(['Cancelled', '2027-03-11', 'Not enough members free.']);
  });

  it('writes recommendations with their state, response, reasons and when a response is due', () => {
    const { rows } = parseCsv(recommendationsToCsv(boardYear().at(BOARD_YEAR_TODAY).state()));
    expect(rows.map((r) => [r[0], r[8], r[9], r[10], r[12]])).toEqual([
      ['ID', 'State', 'Response', 'Reasons given', 'Response due'],
      ['r1', 'Awaiting response', '', '', '2026-07-01'],
      ['r2', 'Implemented', 'Accepted', '', ''],
      ['r3', 'Rejected', 'Rejected', 'No budget this year', ''],
      ['r4', 'Awaiting response', '', '', '2026-12-01'],
    ]);
    expect(rows[1]!.slice(1, 8)).toEqual(['Review of school stability', '1', 'Name a designated teacher in every school.', '2026-05-01', '', 'Train designated teachers', '']);
  });

  it('can be imported again into a plan without them, giving the same meetings and recommendations', () => {
    const t = createTracker({ plan: testPlan(boardYearInput), now: afterThePlan });
    const meetings = importMeetingsCsv(meetingsToCsv(t.state()), bare());
    expect(meetings.ok && meetings.items).toEqual(t.plan.meetings);
    const recs = importRecommendationsCsv(recommendationsToCsv(t.state()), bare());
    expect(recs.ok && recs.items).toEqual(t.plan.recommendations);
  });

  it('is never mistaken for a file of actions, and an action import never takes a meeting id', () => {
    const r = importActionsCsv(csv('ID,Title,Lead agency,Workstream', 'm-jun,A title,vs,education'), testPlan(boardYearInput));
    expect(lines(r as never)).toEqual([expect.stringMatching(/^row 2, ID: the id "m-jun" is already used by a meeting in the plan \(2026-06-11\)/)]);
  });
});
