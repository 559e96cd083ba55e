// The fixture plan (plan-fixture.ts) with a board's year and a scrutiny review, for
// <pledge-meetings> and <pledge-recommendations>. Example data only: it describes services and
// meetings, never a child.
import { createTracker, loadPlan, type Actor, type Tracker } from '@pledgeflow/core';
import { fixtureTracker, people as basePeople, planInput, step } from './plan-fixture.js';

export const BOARD_TODAY = '2026-11-25';
export const BOARD_NOW = new Date('2026-11-25T10:00:00Z');

/**
 * A clock from BOARD_NOW that moves on a second each time it is read: two steps on one item
 * dated the same millisecond are ordered by their ids' random part when folded (core's
 * `createEventId` is not monotonic within a millisecond), which a fixed clock would hit.
 */
export function boardClock(): () => Date {
  let ticks = 0;
  return () => new Date(BOARD_NOW.getTime() + 1000 * ticks++);
}

export const boardPeople = {
  ...basePeople,
  clerk: { userId: 'cara-dunn', agencyId: 'csc', role: 'plan-editor' },
  police: { userId: 'nia-shah', agencyId: 'police', role: 'board-member' },
  school: { userId: 'kim-ode', agencyId: 'vs', role: 'board-member' },
  deputy: { userId: 'dan-pike', agencyId: 'police', role: 'partner-contributor' },
  cabinet: { userId: 'eve-hart', agencyId: 'csc', role: 'executive' },
} as const satisfies Record<string, Actor>;

const boardPlanInput = {
  ...planInput,
  version: 2,
  people: [
    ...planInput.people,
    { id: 'cara-dunn', name: 'Cara Dunn', agency: 'csc', role: 'plan-editor' },
    { id: 'nia-shah', name: 'Nia Shah', agency: 'police', role: 'board-member' },
    { id: 'kim-ode', name: 'Kim Ode', agency: 'vs', role: 'board-member' },
    { id: 'dan-pike', name: 'Dan Pike', agency: 'police', role: 'partner-contributor' },
    { id: 'eve-hart', name: 'Cllr Eve Hart', agency: 'csc', role: 'executive' },
  ],
  board: { name: 'Corporate Parenting Board', members: ['bea-fox', 'nia-shah', 'kim-ode'], quorumAgencies: 3, attendanceExpectedPercent: 75 },
  meetings: [
    { id: 'm-apr', date: '2026-04-16', theme: 'Education and training', reports: ['ete'] },
    { id: 'm-jun', date: '2026-06-18', theme: 'Homes', reports: [] },
    { id: 'm-jul', date: '2026-07-16', theme: 'Homes', reports: ['homes'] },
    { id: 'm-oct', date: '2026-10-15', theme: 'What children and young people say', reports: ['homes', 'ete'] },
    { id: 'm-dec', date: '2026-12-10', theme: 'Education and training', reports: ['ete', 'homes'] },
    { id: 'm-feb', date: '2027-02-11', theme: 'Health', reports: [] },
  ],
  scrutiny: { committee: 'Children and Families Scrutiny Committee', responseMonths: 2 },
  reviews: [{ id: 'rv-homes', title: 'Review of homes for care leavers', reportedOn: '2026-05-01' }],
  recommendations: [
    { id: 'rec-1', review: 'rv-homes', number: 1, title: 'Publish the local offer for care leavers in plain words.', madeOn: '2026-05-01', actions: [] },
    { id: 'rec-2', review: 'rv-homes', number: 2, title: 'Agree a protocol for planned moves with every provider.', madeOn: '2026-05-01', actions: ['HOM-2'] },
    { id: 'rec-3', review: 'rv-homes', number: 3, title: 'Open a second supported lodgings scheme this year.', madeOn: '2026-05-01', actions: [] },
    { id: 'rec-4', review: 'rv-homes', number: 4, title: 'End the use of bed and breakfast for care leavers.', madeOn: '2026-05-01', actions: ['HOM-1'] },
    { id: 'rec-5', review: 'rv-homes', number: 5, title: 'Report homes for care leavers to the board twice a year.', madeOn: '2026-05-01', actions: [] },
    { id: 'rec-6', review: 'rv-homes', number: 6, title: 'Ask care leavers to help choose new providers.', madeOn: '2026-10-20', actions: [] },
  ],
};

/**
 * The fixture plan's actions as in plan-fixture.ts, and a board's year by 25 November 2026:
 * - April: held, everyone in person (quorate); minutes published.
 * - June: cancelled with a reason.
 * - July: held with two agencies (not quorate); apologies from Nia Shah; the homes report missing.
 * - October: held, Dan Pike standing in for Nia Shah (quorate); homes report in, education's late;
 *   a question answered, a decision on HOM-1.
 * - December: papers not out yet; homes report in, education's outstanding; a question open.
 * Nia Shah came in person to 1 of 3 meetings held: below the 75% expected.
 * Recommendations: 1 awaiting a response (overdue), 2 accepted with its action done (awaiting
 * sign-off), 3 rejected with a reason, 4 in progress, 5 signed off, 6 awaiting a response (not due yet).
 */
export function boardTracker(): Tracker {
  const tracker = createTracker({ plan: loadPlan(boardPlanInput), events: fixtureTracker().events() });
  const { clerk, lead, board, police, school, deputy, cabinet, scrutiny } = boardPeople;
  const at = (date: string, time = '10:00:00') => `${date}T${time}Z`;
  const steps = [
    step(clerk, 'm-apr', 'meeting.papers.send', {}, at('2026-04-08')),
    step(lead, 'm-apr', 'meeting.report.submit', { workstream: 'ete' }, at('2026-04-07')),
    step(clerk, 'm-apr', 'meeting.hold', {}, at('2026-04-16')),
    step(clerk, 'm-apr', 'meeting.attendance.record', { person: 'bea-fox' }, at('2026-04-16', '11:00:00')),
    step(clerk, 'm-apr', 'meeting.attendance.record', { person: 'nia-shah' }, at('2026-04-16', '11:01:00')),
    step(clerk, 'm-apr', 'meeting.attendance.record', { person: 'kim-ode' }, at('2026-04-16', '11:02:00')),
    step(clerk, 'm-apr', 'meeting.minutes.publish', { link: 'https://intranet.example.org/board/minutes-april' }, at('2026-04-28')),
    step(clerk, 'm-jun', 'meeting.cancel', { reason: 'Too few members could come; the items move to July.' }, at('2026-06-01')),
    step(police, 'm-jul', 'meeting.apologies.record', { person: 'nia-shah', note: 'On a course.' }, at('2026-07-10')),
    step(clerk, 'm-jul', 'meeting.hold', {}, at('2026-07-16')),
    step(clerk, 'm-jul', 'meeting.attendance.record', { person: 'bea-fox' }, at('2026-07-16', '11:00:00')),
    step(clerk, 'm-jul', 'meeting.attendance.record', { person: 'kim-ode' }, at('2026-07-16', '11:01:00')),
    step(board, 'm-oct', 'meeting.report.submit', { workstream: 'homes', summary: 'Two new providers signed up.' }, at('2026-10-05')),
    step(lead, 'm-oct', 'meeting.report.submit', { workstream: 'ete' }, at('2026-10-13')),
    step(clerk, 'm-oct', 'meeting.question.ask', { questionId: 'q-1', question: 'Why do some of us still move school in year 11?' }, at('2026-10-01')),
    step(clerk, 'm-oct', 'meeting.hold', {}, at('2026-10-15')),
    step(clerk, 'm-oct', 'meeting.attendance.record', { person: 'bea-fox' }, at('2026-10-15', '11:00:00')),
    step(clerk, 'm-oct', 'meeting.attendance.record', { person: 'kim-ode' }, at('2026-10-15', '11:01:00')),
    step(clerk, 'm-oct', 'meeting.attendance.record', { person: 'dan-pike', standingInFor: 'nia-shah' }, at('2026-10-15', '11:02:00')),
    step(clerk, 'm-oct', 'meeting.question.answer', { questionId: 'q-1', answer: 'The Virtual School now checks every year 11 move first.' }, at('2026-10-15', '12:00:00')),
    step(clerk, 'm-oct', 'meeting.decision.record', { decisionId: 'd-1', decision: 'Ask the police to join the housing panel.', action: 'HOM-1' }, at('2026-10-15', '12:10:00')),
    step(board, 'm-dec', 'meeting.report.submit', { workstream: 'homes' }, at('2026-11-20')),
    step(clerk, 'm-dec', 'meeting.question.ask', { questionId: 'q-1', question: 'When will the new lodgings open?' }, at('2026-11-18')),
    step(cabinet, 'rec-2', 'recommendation.respond', { response: 'accepted' }, at('2026-06-20')),
    step(cabinet, 'rec-3', 'recommendation.respond', { response: 'rejected', reason: 'No provider can open a scheme before next year.' }, at('2026-06-20')),
    step(cabinet, 'rec-4', 'recommendation.respond', { response: 'partly-accepted', reason: 'Emergency nights stay possible.' }, at('2026-06-20')),
    step(cabinet, 'rec-4', 'recommendation.start', {}, at('2026-07-01')),
    step(cabinet, 'rec-5', 'recommendation.respond', { response: 'accepted' }, at('2026-06-20')),
    step(cabinet, 'rec-5', 'recommendation.implement', {}, at('2026-09-01')),
    step(scrutiny, 'rec-5', 'recommendation.sign-off', { note: 'Seen at the September meeting.' }, at('2026-09-20')),
  ];
  void school;
  void deputy;
  for (const s of steps) {
    const result = tracker.send(s);
    if (!result.ok) throw new Error(`board fixture step ${s.type} on ${s.stream} refused: ${result.reasons.join(' ')}`);
  }
  return tracker;
}
