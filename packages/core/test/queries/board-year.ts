// A board's year and a scrutiny review for tests, in our own words: four meetings (one not
// quorate, one member under the expected attendance, reports late and missing) and four
// recommendations (one awaiting sign-off, one rejected, two with responses overdue).
import { createTracker, type Actor, type Tracker } from '@pledgeflow/core';
import { afterThePlan, as, ev, ok, planInput, testPlan } from '../fixtures.js';

export const BOARD_YEAR_TODAY = '2027-01-05';
export const CABINET: Actor = { userId: 'cabinet', agencyId: 'csc', role: 'executive' };

export const boardYearInput = {
  ...planInput,
  people: [
    ...planInput.people!,
    { id: 'cabinet', name: 'Cal Cabinet', agency: 'csc', role: 'executive' as const },
    { id: 'cop', name: 'Chris Constable', agency: 'police', role: 'board-member' as const },
    { id: 'deputy', name: 'Dana Deputy', agency: 'nhs', role: 'partner-contributor' as const },
  ],
  board: { members: ['board', 'board2', 'cop'], quorumAgencies: 3, attendanceExpectedPercent: 75 },
  meetings: [
    { id: 'm-jun', date: '2026-06-11', theme: 'Health', reports: ['health'] },
    { id: 'm-sep', date: '2026-09-17', theme: 'Education and work', reports: ['education'] },
    { id: 'm-dec', date: '2026-12-10', theme: 'Health', reports: ['health', 'education'] },
    { id: 'm-mar', date: '2027-03-11', theme: 'What children say', title: 'Spring board', reports: ['education'] },
  ],
  scrutiny: { committee: 'Children and Families Scrutiny Committee', responseMonths: 2 },
  reviews: [{ id: 'rv', title: 'Review of school stability', reportedOn: '2026-05-01' }],
  recommendations: [
    { id: 'r1', review: 'rv', number: 1, title: 'Name a designated teacher in every school.', madeOn: '2026-05-01', actions: ['a1'] },
    { id: 'r2', review: 'rv', number: 2, title: 'Report school moves to the board each quarter.', madeOn: '2026-05-01', owner: 'lead' },
    { id: 'r3', review: 'rv', number: 3, title: 'Fund a second virtual school officer.', madeOn: '2026-05-01' },
    { id: 'r4', review: 'rv', number: 4, title: 'Publish a guide for carers.', madeOn: '2026-10-01' },
  ],
};

/** A time on `date`, UTC. */
export const at = (date: string, time = '10:00:00') => `${date}T${time}Z`;

/** A meeting held on its date, with these people present ([person] or [person, standing in for]). */
export function hold(t: Tracker, id: string, date: string, present: ([string] | [string, string])[]) {
  ok(t.send(ev(as('editor'), id, 'meeting.hold', {}, at(date))));
  for (const [person, standingInFor] of present) {
    ok(t.send(ev(as('editor'), id, 'meeting.attendance.record', { person, ...(standingInFor ? { standingInFor } : {}) }, at(date, '11:00:00'))));
  }
}

/** The tracker after the year's steps. */
export function boardYear(): Tracker {
  const t = createTracker({ plan: testPlan(boardYearInput), now: afterThePlan });
  ok(t.send(ev(as('board2'), 'm-jun', 'meeting.report.submit', { workstream: 'health' }, at('2026-06-01'))));
  hold(t, 'm-jun', '2026-06-11', [['board'], ['board2'], ['cop']]);
  // Education's report came in after the papers went out (10 September); only two agencies came.
  ok(t.send(ev(as('lead'), 'm-sep', 'meeting.report.submit', { workstream: 'education' }, at('2026-09-15'))));
  hold(t, 'm-sep', '2026-09-17', [['board'], ['editor'], ['deputy', 'board2']]);
  // Health's report for December on time; education's never came.
  ok(t.send(ev(as('board2'), 'm-dec', 'meeting.report.submit', { workstream: 'health' }, at('2026-11-30'))));
  hold(t, 'm-dec', '2026-12-10', [['board'], ['board2'], ['cop']]);
  // r2 implemented and waiting for the committee; r3 rejected; r1 and r4 not answered.
  ok(t.send(ev(CABINET, 'r2', 'recommendation.respond', { response: 'accepted' }, at('2026-06-20'))));
  ok(t.send(ev(CABINET, 'r2', 'recommendation.implement', {}, at('2026-11-02'))));
  ok(t.send(ev(CABINET, 'r3', 'recommendation.respond', { response: 'rejected', reason: 'No budget this year' }, at('2026-06-20'))));
  return t;
}
