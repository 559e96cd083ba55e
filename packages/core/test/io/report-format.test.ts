import { describe, expect, it } from 'vitest';
import type { ScrutinyReport } from '@pledgeflow/core';
import { reportToMarkdown } from '@pledgeflow/core/formats';

/** Text a hostile or careless person could type into a title, reason or name. */
const HOSTILE = [
  '[ref]: javascript:alert(3)',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '<javascript:alert(2)>',
  '![a](javascript:alert(4))',
  '<script>alert(5)</script>',
  '`code` *em* __strong__ ~~gone~~',
  'a | b',
  'cr\rbreak', 'crlf\r\nbreak', 'lf\nbreak', 'ls\u2028break', 'ps\u2029break',
  '&lt;b&gt;bold&lt;/b&gt;',
  '# heading', '- list', '+ list', '= setext', '1. ordered', '> quote', '---',
  'http://insecure.example www.insecure.example someone@example.org',
  'trailing backslash\\',
];

let turn = 0;
/** All the hostile text, starting at a different piece each time, so each piece starts some field. */
const hostile = () => {
  const k = turn++ % HOSTILE.length;
  return [...HOSTILE.slice(k), ...HOSTILE.slice(0, k)].join(' ');
};

function hostileReport(): ScrutinyReport {
  const zero = { red: 0, amber: 0, green: 0, blue: 0, grey: 0 };
  const two = <T>(make: () => T): T[] => [make(), make()];
  return {
    plan: { id: 'p', title: hostile(), council: `# Council ${HOSTILE.join(' ')}`, period: { start: '2026-04-01', end: '2027-03-31' } },
    today: '2026-11-25',
    counts: {
      actions: 2, byStatus: zero, byState: {} as ScrutinyReport['counts']['byState'], overdue: 2, reviewsOverdue: 2, promiseReviewsOverdue: 2,
      evidenceAwaitingReview: 2, dueSoon: 2, atRisk: 2, slippedDueDates: 2, promises: 2, promisesWithoutEvidence: 2, principlesWithoutActions: 2,
      unansweredFeedback: 2, changesSinceLastMeeting: 1, meetingsNotQuorate: 2, attendanceBelowExpectation: 2, reportsNotReceived: 2,
      recommendations: 6, responsesOverdue: 2, awaitingSignOff: 2, rejectedRecommendations: 2,
    },
    overdue: two(() => ({
      id: 'a1', title: hostile(), owner: hostile(), ownerId: 'o', leadAgency: hostile(), leadAgencyId: 'x', workstream: hostile(),
      state: 'inProgress' as const, dueDate: '2026-11-01', daysOverdue: 24, workingDaysOverdue: 17,
    })),
    reviewsOverdue: two(() => ({ id: 'a2', title: hostile(), owner: hostile(), reviewDate: '2026-10-01', daysOverdue: 55 })),
    promiseReviewsOverdue: two(() => ({ id: 'p1', number: 1, title: hostile(), owner: hostile(), reviewDate: '2026-10-01', daysOverdue: 55 })),
    evidenceAwaitingReview: two(() => ({ actionId: 'a1', actionTitle: hostile(), evidenceId: 'e1', summary: hostile(), agency: hostile(), submittedBy: hostile(), daysWaiting: 3 })),
    dueSoon: two(() => ({ id: 'a5', title: hostile(), owner: hostile(), dueDate: '2026-12-01', daysLeft: 6 })),
    atRisk: two(() => ({ id: 'a3', title: hostile(), owner: hostile(), leadAgency: hostile(), dueDate: '2027-01-01', reason: hostile() })),
    slippedDueDates: two(() => ({
      id: 'a4', title: hostile(), owner: hostile(), originalDueDate: '2026-10-01', currentDueDate: '2026-12-01',
      changes: [{ from: '2026-10-01', to: '2026-12-01', reason: hostile(), on: '2026-09-01', by: hostile() }],
    })),
    promisesWithoutEvidence: two(() => ({ id: 'p2', number: 2, title: hostile(), owner: hostile(), actions: 1 })),
    principlesWithoutActions: two(() => ({ principle: 3, text: hostile() })),
    youSaidWeDid: {
      answered: two(() => ({ id: 'f1', said: hostile(), date: '2026-05-01', did: hostile(), answeredOn: '2026-06-01' })),
      unanswered: two(() => ({ id: 'f2', said: hostile(), date: '2026-05-01', daysWaiting: 200 })),
    },
    measures: two(() => ({ id: 'm1', title: hostile(), latest: { period: hostile(), value: 5 }, target: 6, direction: 'higher' as const, meetsTarget: false, trend: hostile(), summary: hostile() })),
    byWorkstream: two(() => ({ key: 'w', name: hostile(), total: 1, counts: zero, status: 'grey' as const, actions: ['a1'] })),
    actions: two(() => ({ id: 'a1', title: hostile(), status: 'amber' as const, label: 'At risk', amberBecause: 'review' as const })),
    lastMeeting: { date: '2026-09-17', theme: hostile() },
    nextMeeting: { date: '2026-12-10', theme: hostile(), papersDue: '2026-12-03', childrenInCareCouncilReportDue: '2026-11-19', minutesDue: '2026-12-24' },
    board: {
      meetingsNotQuorate: two(() => ({ id: 'm1', title: hostile(), date: '2026-09-17', agencies: [hostile(), hostile()], needed: 3, reason: hostile() })),
      attendanceBelowExpectation: two(() => ({
        personId: 'p', person: hostile(), agency: hostile(), held: 3, attended: 1, represented: 1, percent: 33, expectedPercent: 75, reason: hostile(),
      })),
      reportsNotReceived: two(() => ({
        meetingId: 'm1', meeting: hostile(), date: '2026-09-17', workstreamId: 'w', workstream: hostile(), lead: hostile(),
        papersDue: '2026-09-10', status: 'late' as const, receivedOn: '2026-09-12', reason: hostile(),
      })),
      schedule: {
        onTrack: false, meetings: 3, expectedMeetings: 4, reason: hostile(),
        workingGroups: two(() => ({ id: 'w', name: hostile(), lead: hostile(), onTrack: false, reason: hostile(), reports: [] })),
      },
    },
    recommendations: {
      total: 6,
      byState: { made: 2, accepted: 0, partlyAccepted: 0, rejected: 2, inProgress: 0, implemented: 2, signedOff: 0, reopened: 0 },
      responsesOverdue: two(() => ({ id: 'r1', number: 1, name: 'Recommendation 1', review: hostile(), title: hostile(), owner: hostile(), due: '2026-07-01', daysOverdue: 147, reason: hostile() })),
      awaitingSignOff: two(() => ({ id: 'r2', number: 2, name: 'Recommendation 2', review: hostile(), title: hostile(), reason: hostile() })),
      rejected: two(() => ({
        id: 'r3', number: 3, name: 'Recommendation 3', review: hostile(), title: hostile(), respondedOn: '2026-07-01', executiveReason: hostile(), signedOff: false, reason: hostile(),
      })),
    },
  };
}

/** The Markdown with every backslash escape taken out: what is left is what a renderer would treat as markup. */
const unescaped = (md: string) => md.replace(/\\[!-/:-@[-`{-~]/g, '');

describe('the scrutiny report as Markdown', () => {
  const report = hostileReport();
  const md = reportToMarkdown(report);
  const lines = md.split('\n');

  it('turns hostile text into text: no raw HTML, no links or images, no emphasis or code from the data', () => {
    const markup = unescaped(md);
    expect(markup).not.toContain('<');
    expect(markup).not.toMatch(/[[\]`~]/);
    // The report's own emphasis is the bold date and "_None._"; none comes from the data.
    expect(markup.replace(/\*\*\d{4}-\d{2}-\d{2}\*\*/g, '').replace(/_None[.:]/g, '')).not.toMatch(/[*_]/);
    // No autolinks either: a renderer that links bare addresses would link http:, www. and e-mail addresses.
    expect(markup).not.toMatch(/https?:|www\.|@/i);
    // The text itself is all still there, shown as written.
    const shown = md.replace(/\\([!-/:-@[-`{-~])/g, '$1').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
    expect(shown).toContain('<img src=x onerror=alert(1)> [x](javascript:alert(1))');
    expect(shown).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(shown).toContain('trailing backslash\\');
  });

  it('starts no block (heading, list, quote, link definition, code) from the data', () => {
    expect(lines[0]).toMatch(/^# \S/);
    expect(lines[2]!.startsWith('\\# Council \\[ref\\]')).toBe(true);
    for (const line of lines) {
      if (!line) continue;
      // Every line is the report's own: a heading, a table row, a list item it writes, a paragraph it starts.
      expect(line, line).toMatch(/^(#{1,3} [^ ]|\| |- (\d|[A-Z][a-z]|\d+\. )|_None|Next board meeting: |Reporting schedule: |Recommendations: \d|\\# Council )/);
    }
    for (const line of lines.filter((l) => l.startsWith('- 3. '))) expect(line.slice(5), line).toMatch(/^[^#>+=\-\d]|^\d+[^.)\d]/);
  });

  it('keeps every table row on one line, with exactly the rows and columns expected', () => {
    expect(md).not.toMatch(/[\r\u2028\u2029]/);
    const tables = new Map<string, string[]>();
    let heading = '';
    for (const line of lines) {
      if (line.startsWith('#')) heading = line;
      else if (line.startsWith('|')) tables.set(heading, [...(tables.get(heading) ?? []), line]);
    }
    const expected: [string, number, number][] = [
      ['## Overdue actions', report.overdue.length, 6],
      ['## At risk', report.atRisk.length, 5],
      ['## Reviews overdue', report.reviewsOverdue.length, 4],
      ['## Promises past their review date', report.promiseReviewsOverdue.length, 4],
      ['## Evidence waiting to be checked', report.evidenceAwaitingReview.length, 4],
      ['## Due dates moved', report.slippedDueDates.length, 5],
      ['## Promises with no accepted evidence', report.promisesWithoutEvidence.length, 3],
      ['### Still waiting for an answer', report.youSaidWeDid.unanswered.length, 3],
      ['### Answered', report.youSaidWeDid.answered.length, 3],
      ['## Measures', report.measures.length, 5],
      ['## By working group', report.byWorkstream.length, 7],
      ['### Meetings not quorate', report.board.meetingsNotQuorate.length, 4],
      ['### Members attending less than expected', report.board.attendanceBelowExpectation.length, 5],
      ['### Reports not in by the papers deadline', report.board.reportsNotReceived.length, 5],
      ['### The reporting schedule', report.board.schedule.workingGroups.length, 4],
      ['### Responses overdue', report.recommendations.responsesOverdue.length, 5],
      ['### Awaiting sign-off by the committee', report.recommendations.awaitingSignOff.length, 3],
      ['### Rejected', report.recommendations.rejected.length, 4],
    ];
    expect([...tables.keys()]).toEqual(expected.map(([h]) => h));
    for (const [h, rows, columns] of expected) {
      const table = tables.get(h)!;
      expect(table.length, h).toBe(rows + 2);
      // Unescaped pipes are the cell borders: one more than the columns on every line.
      for (const line of table) expect(unescaped(line).split('|').length - 2, `${h}: ${line}`).toBe(columns);
    }
  });
});
