// The scrutiny report's sections on the board and on scrutiny recommendations, as a board
// member or a scrutiny panel reads them: names and reasons, not ids.
import { describe, expect, it } from 'vitest';
import { boardAttendance, meetingsNotQuorate, reportsNotReceived, responsesOverdue, scrutinyReport } from '@pledgeflow/core';
import { reportToCsv, reportToMarkdown, parseCsv } from '@pledgeflow/core/formats';
import { BOARD_YEAR_TODAY as TODAY, boardYear } from './board-year.js';

describe('the scrutiny report: the board', () => {
  const t = boardYear();
  const r = scrutinyReport(t.state(), TODAY);

  it('lists meetings not quorate by title, with the agencies present by name', () => {
    expect(r.board.meetingsNotQuorate).toEqual([{
      id: 'm-sep', title: 'Board meeting, 17 September 2026', date: '2026-09-17', agencies: ["Children's Services", 'Testshire NHS'], needed: 3,
      reason: "Not quorate: 2 agencies present (Children's Services, Testshire NHS); 3 needed.",
    }]);
    expect(r.counts.meetingsNotQuorate).toBe(meetingsNotQuorate(t.state()).length);
  });

  it('lists only the members attending less than expected, by name and agency', () => {
    expect(r.board.attendanceBelowExpectation.map((a) => [a.person, a.agency, a.attended, a.held, a.percent])).toEqual([
      ['Bryn Board', 'Testshire NHS', 2, 3, 67],
      ['Chris Constable', 'Testshire Police', 2, 3, 67],
    ]);
    // The reason is the query's own.
    expect(r.board.attendanceBelowExpectation[0]!.reason).toMatch(/^Attended 2 of 3 meetings in the last 12 months \(67%\), below the expected 75%/);
    expect(r.board.attendanceBelowExpectation.map((a) => a.reason)).toEqual(boardAttendance(t.state(), TODAY).filter((a) => a.belowExpectation).map((a) => a.reason));
    expect(boardAttendance(t.state(), TODAY).filter((a) => a.belowExpectation)).toHaveLength(r.counts.attendanceBelowExpectation);
  });

  it('lists reports not in by the papers deadline, late or missing, with the working group and its lead by name', () => {
    expect(r.board.reportsNotReceived.map((x) => [x.workstream, x.lead, x.meeting, x.papersDue, x.status, x.receivedOn])).toEqual([
      ['Education and Work', 'Lee Lead', 'Board meeting, 17 September 2026', '2026-09-10', 'late', '2026-09-15'],
      ['Education and Work', 'Lee Lead', 'Board meeting, 10 December 2026', '2026-12-03', 'missing', undefined],
    ]);
    expect(r.board.reportsNotReceived[1]!.reason).toMatch(/^Education and Work's report for Board meeting, 10 December 2026 was due by 2026-12-03 and has not been received/);
    expect(r.counts.reportsNotReceived).toBe(reportsNotReceived(t.state(), TODAY).length);
  });

  it('says whether the reporting schedule is on track, and why, for each working group', () => {
    expect(r.board.schedule).toMatchObject({ onTrack: false, meetings: 4, expectedMeetings: 4, reason: 'Not on track: Education and Work is behind.' });
    expect(r.board.schedule.workingGroups.map((w) => [w.name, w.lead, w.onTrack, w.reason])).toEqual([
      ['Education and Work', 'Lee Lead', false, 'Education and Work: 1 report missing, 1 report late.'],
      ['Health and Wellbeing', 'Bryn Board', true, 'Health and Wellbeing: 2 reports scheduled, none missing or late.'],
    ]);
    expect(r.board.schedule.workingGroups[0]!.reports.map((x) => `${x.meeting}: ${x.status}`)).toEqual([
      'Board meeting, 17 September 2026: late', 'Board meeting, 10 December 2026: missing', 'Spring board: due',
    ]);
  });
});

describe('the scrutiny report: recommendations', () => {
  const t = boardYear();
  const r = scrutinyReport(t.state(), TODAY);

  it('counts recommendations by state', () => {
    expect(r.recommendations.total).toBe(4);
    expect(r.recommendations.byState).toMatchObject({ made: 2, implemented: 1, rejected: 1, signedOff: 0 });
    expect(r.counts).toMatchObject({ recommendations: 4, responsesOverdue: 2, awaitingSignOff: 1, rejectedRecommendations: 1 });
  });

  it('lists responses overdue, most overdue first, named by number, review and words', () => {
    expect(r.recommendations.responsesOverdue.map((x) => [x.name, x.review, x.due, x.daysOverdue])).toEqual([
      ['Recommendation 1', 'Review of school stability', '2026-07-01', 188],
      ['Recommendation 4', 'Review of school stability', '2026-12-01', 35],
    ]);
    expect(r.recommendations.responsesOverdue.map((x) => x.reason)).toEqual(responsesOverdue(t.state(), TODAY).map((x) => x.reason));
  });

  it('lists recommendations awaiting sign-off with who answers for them, and rejected ones with the whole story', () => {
    expect(r.recommendations.awaitingSignOff).toEqual([{
      id: 'r2', number: 2, name: 'Recommendation 2', review: 'Review of school stability', title: 'Report school moves to the board each quarter.',
      owner: 'Lee Lead', reason: 'Marked implemented on 2026-11-02; waiting for the committee to sign it off.',
    }]);
    expect(r.recommendations.rejected).toEqual([expect.objectContaining({
      name: 'Recommendation 3', respondedOn: '2026-06-20', executiveReason: 'No budget this year', signedOff: false,
      reason: 'Rejected by the executive on 2026-06-20: No budget this year. The committee has not yet signed it off or reopened it.',
    })]);
  });
});

describe('the board and recommendations in the report formats', () => {
  const t = boardYear();
  const r = scrutinyReport(t.state(), TODAY);

  it('gives the same sections when asked again for the same state and day, and new ones for a new day', () => {
    const again = scrutinyReport(t.state(), TODAY);
    expect(again.board).toBe(r.board);
    expect(again.recommendations).toBe(r.recommendations);
    expect(Object.isFrozen(r.board.meetingsNotQuorate[0])).toBe(true);
    expect(scrutinyReport(t.state(), '2026-12-20').recommendations.responsesOverdue.map((x) => x.daysOverdue)).toEqual([172, 19]);
  });

  it('puts both sections in the Markdown, with a glance at them at the top', () => {
    const md = reportToMarkdown(r);
    expect(md).toContain('- 1 board meeting not quorate, 2 members attending less than expected, 2 reports to the board not in by the papers deadline');
    expect(md).toContain('- 2 scrutiny recommendations waiting for an overdue response, 1 recommendation awaiting sign-off');
    const board = md.slice(md.indexOf('## The board'), md.indexOf('## Scrutiny recommendations'));
    expect(board).toContain('| Board meeting, 17 September 2026 | Children\'s Services, Testshire NHS | 3 | Not quorate: 2 agencies present');
    expect(board).toContain('| Bryn Board | Testshire NHS | 2 of 3 (67%) | 75% |');
    expect(board).toContain('| Education and Work | Board meeting, 10 December 2026 | 2026-12-03 | missing |');
    expect(board).toContain('Reporting schedule: Not on track: Education and Work is behind.');
    const recs = md.slice(md.indexOf('## Scrutiny recommendations'));
    expect(recs).toContain('Recommendations: 4 (2 awaiting response, 1 rejected, 1 implemented).');
    expect(recs).toContain('| Recommendation 2 (Review of school stability): Report school moves to the board each quarter. | Lee Lead | Marked implemented on 2026-11-02');
    expect(recs).toContain('| Recommendation 3 (Review of school stability): Fund a second virtual school officer. | 2026-06-20 | No budget this year | not yet |');
  });

  it('says so when a plan tracks no recommendations', () => {
    const md = reportToMarkdown({ ...r, recommendations: { ...r.recommendations, total: 0, responsesOverdue: [], awaitingSignOff: [], rejected: [] } });
    expect(md).toContain('_No scrutiny recommendations are tracked in this plan._');
  });

  it('adds a CSV row for each, with its reason in the Note column', () => {
    const { rows } = parseCsv(reportToCsv(r));
    const ours = rows.slice(1).filter((row) => !['Overdue', 'At risk', 'Review overdue', 'Due date moved', 'Promise without evidence'].includes(row[0]!));
    expect(ours.map((row) => [row[0], row[1], row[2]])).toEqual([
      ['Meeting not quorate', 'm-sep', 'Board meeting, 17 September 2026'],
      ['Attendance below expectation', 'board2', 'Bryn Board'],
      ['Attendance below expectation', 'cop', 'Chris Constable'],
      ['Report late', 'education', 'Education and Work: report to Board meeting, 17 September 2026'],
      ['Report not received', 'education', 'Education and Work: report to Board meeting, 10 December 2026'],
      ['Reporting schedule off track', 'education', 'Education and Work'],
      ['Response overdue', 'r1', 'Recommendation 1 (Review of school stability): Name a designated teacher in every school.'],
      ['Response overdue', 'r4', 'Recommendation 4 (Review of school stability): Publish a guide for carers.'],
      ['Awaiting sign-off', 'r2', 'Recommendation 2 (Review of school stability): Report school moves to the board each quarter.'],
      ['Rejected recommendation', 'r3', 'Recommendation 3 (Review of school stability): Fund a second virtual school officer.'],
    ]);
    expect(ours.every((row) => row[8]!.length > 10)).toBe(true);
  });
});
