// The board's year and the scrutiny panel's recommendations, as a clerk, a working-group lead,
// the cabinet and the committee would use them through a tracker.
import { describe, expect, it } from 'vitest';
import {
  awaitingSignOff, boardAttendance, createTracker, meetingsNotQuorate, nextMeeting, quorumOf, rejectedRecommendations, reportingSchedule,
  reportsNotReceived, responseDue, responsesOverdue,
} from '@pledgeflow/core';
import { afterThePlan, as, ev, ok, planInput, testPlan } from '../fixtures.js';
import { at, boardYearInput, CABINET, hold } from './board-year.js';

const tracker = () => createTracker({ plan: testPlan(boardYearInput), now: afterThePlan });

describe('board meetings', () => {
  it('says whether a held meeting was quorate, by agencies present, with the reason', () => {
    const t = tracker();
    hold(t, 'm-jun', '2026-06-11', [['board'], ['board2'], ['cop']]);
    hold(t, 'm-sep', '2026-09-17', [['board'], ['editor'], ['deputy', 'board2']]);
    const state = t.state();
    expect(quorumOf(state.plan, t.getMeeting('m-jun')!)).toMatchObject({ quorate: true, agencies: ['csc', 'nhs', 'police'], needed: 3 });
    const sep = quorumOf(state.plan, t.getMeeting('m-sep')!)!;
    expect(sep.quorate).toBe(false);
    expect(sep.reason).toBe("Not quorate: 2 agencies present (Children's Services, Testshire NHS); 3 needed.");
    expect(quorumOf(state.plan, t.getMeeting('m-dec')!)).toBeUndefined();
    expect(meetingsNotQuorate(state).map((q) => q.meeting)).toEqual(['m-sep']);
  });

  it("works out each member's attendance over 12 months against the expectation, counting representatives apart", () => {
    const t = tracker();
    hold(t, 'm-jun', '2026-06-11', [['board'], ['board2'], ['cop']]);
    hold(t, 'm-sep', '2026-09-17', [['board'], ['deputy', 'board2'], ['cop']]);
    hold(t, 'm-dec', '2026-12-10', [['board'], ['board2']]);
    const rows = boardAttendance(t.state(), '2027-01-05');
    expect(rows.map((r) => [r.person, r.held, r.attended, r.represented, r.percent, r.belowExpectation])).toEqual([
      ['board', 3, 3, 0, 100, false],
      ['board2', 3, 2, 1, 67, true],
      ['cop', 3, 2, 0, 67, true],
    ]);
    expect(rows[1]!.reason).toBe('Attended 2 of 3 meetings in the last 12 months (67%), below the expected 75%; sent a representative to the one missed.');
    expect(rows[2]!.reason).toBe('Attended 2 of 3 meetings in the last 12 months (67%), below the expected 75%; no representative came to the one missed.');
    // A year later, June's meeting has dropped out of the 12 months.
    expect(boardAttendance(t.state(), '2027-06-11').map((r) => r.held)).toEqual([2, 2, 2]);
  });

  it('lists reports not received by the papers deadline, and ones that came in late', () => {
    const t = tracker();
    // Education's report for September came in on time; health's for December is late; education's for December is missing.
    ok(t.send(ev(as('lead'), 'm-sep', 'meeting.report.submit', { workstream: 'education' }, at('2026-09-01'))));
    ok(t.send(ev(as('board2'), 'm-dec', 'meeting.report.submit', { workstream: 'health', summary: 'Health checks up to 91%.' }, at('2026-12-08'))));
    const missing = reportsNotReceived(t.state(), '2026-12-09');
    expect(missing.map((r) => [r.meeting, r.workstream, r.status, r.papersDue])).toEqual([
      ['m-jun', 'health', 'missing', '2026-06-04'],
      ['m-dec', 'health', 'late', '2026-12-03'],
      ['m-dec', 'education', 'missing', '2026-12-03'],
    ]);
    expect(missing[2]!.reason).toBe("Education and Work's report for Board meeting, 10 December 2026 was due by 2026-12-03 and has not been received (6 days late).");
    // Before the deadline nothing is missing for that meeting yet.
    expect(reportsNotReceived(t.state(), '2026-12-03').filter((r) => r.meeting === 'm-dec' && r.status === 'missing')).toEqual([]);
  });

  it('refuses a report from a working group not expected at that meeting, or from a lead of another group', () => {
    const t = tracker();
    const wrongGroup = t.send(ev(as('lead'), 'm-sep', 'meeting.report.submit', { workstream: 'health' }, at('2026-09-01')));
    expect(wrongGroup.ok).toBe(false);
    const notTheirs = t.send(ev(as('lead'), 'm-dec', 'meeting.report.submit', { workstream: 'health' }, at('2026-12-01')));
    expect(!notTheirs.ok && notTheirs.reasons).toEqual([
      'A working-group lead can record a working group\'s report to a meeting only for a working group they lead, and "Health and Wellbeing" is led by someone else.',
    ]);
    // Offered the step only where a working group they lead is expected.
    const offered = (who: string, meeting: string) => t.nextSteps(as(who), meeting).find((s) => s.type === 'meeting.report.submit')?.allowed;
    expect(offered('lead', 'm-sep')).toBe(true);
    expect(offered('lead', 'm-jun')).toBe(false);
    expect(offered('board2', 'm-jun')).toBe(true);
    const noSuchGroup = t.send(ev(as('editor'), 'm-dec', 'meeting.report.submit', { workstream: 'housing' }, at('2026-12-01')));
    expect(!noSuchGroup.ok && noSuchGroup.reasons).toEqual(['data.workstream: there is no working group with the id "housing" in this plan.']);
  });

  it('refuses to hold a meeting before its date, or to record attendance before it is held', () => {
    const t = tracker();
    const early = t.send(ev(as('editor'), 'm-dec', 'meeting.hold', {}, at('2026-12-09')));
    expect(!early.ok && early.reasons).toEqual(['This meeting is on 2026-12-10: it cannot be recorded as held before then.']);
    const present = t.send(ev(as('editor'), 'm-dec', 'meeting.attendance.record', { person: 'board' }, at('2026-12-09')));
    expect(!present.ok && present.reasons[0]).toMatch(/^"Board meeting, 10 December 2026" is planned, so no one can record who attended on it now \(only when it is held\)\.$/);
    const stranger = t.send(ev(as('editor'), 'm-jun', 'meeting.apologies.record', { person: 'nobody' }, at('2026-06-01')));
    expect(!stranger.ok && stranger.reasons).toEqual(['data.person: there is no person with the id "nobody" in this plan.']);
  });

  it('gives the annual reporting schedule, and says why it is off track', () => {
    const t = tracker();
    ok(t.send(ev(as('board2'), 'm-jun', 'meeting.report.submit', { workstream: 'health' }, at('2026-06-01'))));
    ok(t.send(ev(as('lead'), 'm-sep', 'meeting.report.submit', { workstream: 'education' }, at('2026-09-15'))));
    ok(t.send(ev(as('editor'), 'm-mar', 'meeting.cancel', { reason: 'Moved to the April meeting.' }, at('2027-01-10'))));
    const s = reportingSchedule(t.state(), '2026-12-01');
    expect(s.rows.map((r) => [r.workstream, r.reports.map((x) => `${x.meeting}:${x.status}`), r.onTrack])).toEqual([
      ['education', ['m-sep:late', 'm-dec:due', 'm-mar:cancelled'], false],
      ['health', ['m-jun:received', 'm-dec:due'], true],
    ]);
    expect(s.meetings).toBe(3);
    expect(s.expectedMeetings).toBe(4);
    expect(s.reason).toBe("Not on track: 3 meetings in the plan's period, fewer than the 4 expected; Education and Work is behind.");
  });

  it('says what is due for the next meeting', () => {
    const t = tracker();
    ok(t.send(ev(as('editor'), 'm-dec', 'meeting.question.ask', { questionId: 'q1', question: 'Can we have wifi in every home?' }, at('2026-11-01'))));
    const next = nextMeeting(t.state(), '2026-11-02')!;
    expect(next.meeting.id).toBe('m-dec');
    expect(next.deadlines).toMatchObject({ papers: '2026-12-03', childrenInCareCouncil: '2026-11-19', minutes: '2026-12-24' });
    expect(next.reportsOutstanding).toEqual(['health', 'education']);
    expect(next.questionsOpen).toEqual(['q1']);
  });

  it('keeps a rescheduled meeting in date order under its new date, with the old one and why', () => {
    const t = tracker();
    ok(t.send(ev(as('editor'), 'm-sep', 'meeting.reschedule', { date: '2027-01-14', reason: 'Clashes with the budget.' }, at('2026-08-01'))));
    expect(t.meetings().map((m) => m.id)).toEqual(['m-jun', 'm-dec', 'm-sep', 'm-mar']);
    expect(t.getMeeting('m-sep')).toMatchObject({ date: '2027-01-14', moved: { from: '2026-09-17', reason: 'Clashes with the budget.' }, title: 'Board meeting, 14 January 2027' });
  });
});

describe('scrutiny recommendations', () => {
  it('lets the executive respond and the committee sign off, and no one else', () => {
    const t = tracker();
    const byLead = t.send(ev(as('lead'), 'r1', 'recommendation.respond', { response: 'accepted' }, at('2026-06-01')));
    expect(!byLead.ok && byLead.reasons).toEqual(['A working-group lead cannot respond to a scrutiny recommendation.']);
    ok(t.send(ev(CABINET, 'r1', 'recommendation.respond', { response: 'accepted' }, at('2026-06-01'))));
    ok(t.send(ev(CABINET, 'r1', 'recommendation.implement', {}, at('2026-08-01'))));
    const panelElsewhere = t.send(ev(as('panel'), 'a1', 'action.agree', {}, at('2026-08-02')));
    expect(!panelElsewhere.ok && panelElsewhere.reasons[0]).toMatch(/^Scrutiny members can see everything but change nothing/);
    const cabinetSignOff = t.send(ev(CABINET, 'r1', 'recommendation.sign-off', {}, at('2026-08-02')));
    expect(!cabinetSignOff.ok && cabinetSignOff.reasons).toEqual(['An executive (cabinet) member cannot sign off a recommendation.']);
    ok(t.send(ev(as('panel'), 'r1', 'recommendation.sign-off', { note: 'Seen in every school.' }, at('2026-09-20'))));
    expect(t.getRecommendation('r1')).toMatchObject({ state: 'signedOff', signedOff: { on: '2026-09-20', by: 'panel', note: 'Seen in every school.' } });
  });

  it("lets a recommendation's named owner deliver it, whatever their role", () => {
    const t = tracker();
    ok(t.send(ev(CABINET, 'r2', 'recommendation.respond', { response: 'partly-accepted', reason: 'Twice a year, not each quarter.' }, at('2026-06-01'))));
    ok(t.send(ev(as('lead'), 'r2', 'recommendation.start', {}, at('2026-06-10'))));
    ok(t.send(ev(as('lead'), 'r2', 'recommendation.update', { note: 'First report went in September.' }, at('2026-09-20'))));
    const notOwner = t.send(ev(as('owner'), 'r2', 'recommendation.implement', {}, at('2026-09-21')));
    expect(notOwner.ok).toBe(false);
  });

  it('needs a reason to reject or partly accept', () => {
    const t = tracker();
    const bare = t.send(ev(CABINET, 'r3', 'recommendation.respond', { response: 'rejected' }, at('2026-06-01')));
    expect(!bare.ok && bare.reasons).toEqual(['data.reason: partly accepting or rejecting a recommendation needs a reason, so that the committee knows why']);
  });

  it('finds responses overdue, counting again from a reopening', () => {
    const t = tracker();
    expect(responseDue(t.plan, t.getRecommendation('r1')!)).toBe('2026-07-01');
    ok(t.send(ev(CABINET, 'r3', 'recommendation.respond', { response: 'rejected', reason: 'No budget this year.' }, at('2026-06-20'))));
    ok(t.send(ev(as('panel'), 'r3', 'recommendation.reopen', { reason: 'Please look again in the new budget.' }, at('2026-10-05'))));
    const overdue = responsesOverdue(t.state(), '2026-12-15');
    expect(overdue.map((o) => [o.recommendation, o.due, o.daysOverdue])).toEqual([
      ['r1', '2026-07-01', 167],
      ['r2', '2026-07-01', 167],
      ['r4', '2026-12-01', 14],
      ['r3', '2026-12-05', 10],
    ]);
    expect(overdue[3]!.reason).toBe("The executive's response was due by 2026-12-05 since the committee reopened it (2 months allowed) and is 10 days overdue.");
    // r4 was made in October: due on 1 December.
    expect(responsesOverdue(t.state(), '2026-12-01').map((o) => o.recommendation)).toEqual(['r1', 'r2']);
  });

  it('lists recommendations awaiting sign-off, and rejected ones with their reasons', () => {
    const t = tracker();
    ok(t.send(ev(CABINET, 'r1', 'recommendation.respond', { response: 'accepted' }, at('2026-06-01'))));
    expect(awaitingSignOff(t.state())).toEqual([]);
    // The linked action a1 done: agreed, evidence accepted, completed.
    ok(t.send(ev(as('editor'), 'a1', 'action.agree', {}, at('2026-06-02'))));
    ok(t.send(ev(as('owner'), 'a1', 'action.start', {}, at('2026-06-03'))));
    ok(t.send(ev(as('owner'), 'a1', 'action.evidence.add', { evidenceId: 'e1', summary: 'Every school named one.', date: '2026-07-01' }, at('2026-07-01'))));
    ok(t.send(ev(as('board'), 'a1', 'action.evidence.accept', { evidenceId: 'e1' }, at('2026-07-02'))));
    ok(t.send(ev(as('owner'), 'a1', 'action.complete', {}, at('2026-07-03'))));
    ok(t.send(ev(CABINET, 'r2', 'recommendation.respond', { response: 'accepted' }, at('2026-06-01'))));
    ok(t.send(ev(CABINET, 'r2', 'recommendation.implement', {}, at('2026-09-01'))));
    ok(t.send(ev(CABINET, 'r3', 'recommendation.respond', { response: 'rejected', reason: 'No budget this year.' }, at('2026-06-20'))));
    expect(awaitingSignOff(t.state())).toEqual([
      { recommendation: 'r1', reason: 'All 1 linked action done; not yet marked implemented or signed off.' },
      { recommendation: 'r2', reason: 'Marked implemented on 2026-09-01; waiting for the committee to sign it off.' },
    ]);
    expect(rejectedRecommendations(t.state())).toEqual([{ recommendation: 'r3', respondedOn: '2026-06-20', reason: 'No budget this year.', signedOff: false }]);
  });
});

describe('plan references', () => {
  it('says where a meeting, review or recommendation names something the plan does not have', async () => {
    const { parsePlanFile } = await import('@pledgeflow/core');
    const file = {
      format: 'pledgeflow-plan', version: 2, ...planInput,
      board: { members: ['ghost'] },
      meetings: [{ id: 'm1', date: '2026-09-17', theme: 'Health', reports: ['housing'] }],
      reviews: [{ id: 'rv', title: 'A review', reportedOn: '2026-05-01' }],
      recommendations: [
        { id: 'r1', review: 'nope', number: 1, title: 'Do it.', madeOn: '2026-05-01', actions: ['zz'] },
        { id: 'a1', review: 'rv', number: 1, title: 'Do it again.', madeOn: '2026-05-01' },
      ],
    };
    const r = parsePlanFile(JSON.stringify(file));
    expect(!r.ok && r.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'board.members[0]: there is no person with the id "ghost" in this plan',
      'meetings[0].reports[0]: there is no workstream with the id "housing" in this plan',
      'recommendations[0].review: there is no scrutiny review with the id "nope" in this plan',
      'recommendations[0].actions[0]: there is no action with the id "zz" in this plan',
      'recommendations[1].id: "a1" is also the id of another item: every tracked item needs an id of its own',
    ]);
  });
});

describe('the scrutiny report and the board meetings as they stand', () => {
  it('names the last and next meetings at their dates as moved, leaving cancelled ones out', async () => {
    const { scrutinyReport } = await import('@pledgeflow/core');
    const t = tracker();
    ok(t.send(ev(as('editor'), 'm-dec', 'meeting.cancel', { reason: 'Too few members free.' }, at('2026-11-20'))));
    ok(t.send(ev(as('editor'), 'm-sep', 'meeting.reschedule', { date: '2026-10-01', reason: 'Clashes with the budget.' }, at('2026-08-20'))));
    const report = scrutinyReport(t.state(), '2026-12-05');
    expect(report.lastMeeting).toEqual({ date: '2026-10-01', theme: 'Education and work' });
    expect(report.nextMeeting).toMatchObject({ date: '2027-03-11', theme: 'What children say' });
  });
});
