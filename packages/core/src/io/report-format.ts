import { STATE_LABELS } from '../items/views.js';
import { RECOMMENDATION_STATES } from '../machines/states.js';
import { BRAG_LABELS, BRAG_WORST_FIRST } from '../queries/brag.js';
import type { ScrutinyReport } from '../queries/scrutiny-report.js';
import { recordsToCsv } from './csv.js';
import { plural } from '../schema/wording.js';

/**
 * Text from the plan or the log as CommonMark inline text that shows exactly as written, on one
 * line: `<`, `>` and `&` as entities (no HTML), the punctuation of links, images, emphasis, code
 * and table cells escaped. Every line break becomes a space, so a cell never starts a new row.
 * Bare http:, www. and e-mail addresses are broken up so that renderers which link them do not:
 * the report makes no links from its data.
 */
function md(value: string | number | undefined): string {
  return String(value ?? '')
    .replace(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/g, ' ')
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\b(https?|ftp|mailto|xmpp):/gi, '$1\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/@/g, '\\@');
}

/** Like `md`, for text that starts a block: a leading `#`, `-`, `+`, `=` or `1.` is escaped too, so it is not a heading or list. */
const mdBlock = (value: string): string =>
  md(value).trimStart().replace(/^(?:([#+=-])|(\d+)([.)]))/, (_, mark = '', digits = '', stop = '') => (mark ? `\\${mark}` : `${digits}\\${stop}`));

const table = (headers: string[], rows: (string | number | undefined)[][]) =>
  rows.length
    ? [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(md).join(' | ')} |`)].join('\n')
    : '_None._';

/** The scrutiny report as Markdown: headings and tables a panel can read in a board pack. */
export function reportToMarkdown(r: ScrutinyReport): string {
  const c = r.counts;
  const out: string[] = [];
  out.push(`# ${md(r.plan.title)}: scrutiny report`, '');
  out.push(`${mdBlock(r.plan.council)}. Plan period ${md(r.plan.period.start)} to ${md(r.plan.period.end)}. Report for **${md(r.today)}**.`, '');
  out.push('## At a glance', '');
  out.push(
    `- ${plural(c.actions, 'action')}: ` +
      BRAG_WORST_FIRST.map((s) => `${c.byStatus[s]} ${BRAG_LABELS[s].toLowerCase()} (${s})`).join(', '),
    `- ${plural(c.overdue, 'action')} overdue, ${plural(c.atRisk, 'action')} at risk, ${plural(c.reviewsOverdue, 'review')} overdue`,
    `- ${plural(c.promiseReviewsOverdue, 'promise')} past the review date, ${plural(c.evidenceAwaitingReview, 'piece')} of evidence waiting to be checked`,
    `- ${plural(c.slippedDueDates, 'action')} with a due date moved later`,
    `- ${c.promisesWithoutEvidence} of ${plural(c.promises, 'promise')} with no accepted evidence`,
    `- ${plural(c.principlesWithoutActions, 'corporate parenting principle')} with no action`,
    `- ${plural(c.unansweredFeedback, 'thing')} children said still waiting for an answer`,
  );
  out.push(
    `- ${plural(c.meetingsNotQuorate, 'board meeting')} not quorate, ${plural(c.attendanceBelowExpectation, 'member')} attending less than expected, ` +
      `${plural(c.reportsNotReceived, 'report')} to the board not in by the papers deadline`,
    `- ${plural(c.responsesOverdue, 'scrutiny recommendation')} waiting for an overdue response, ${plural(c.awaitingSignOff, 'recommendation')} awaiting sign-off`,
  );
  if (r.lastMeeting) out.push(`- ${plural(c.changesSinceLastMeeting, 'change')} since the last board meeting (${md(r.lastMeeting.date)})`);
  if (r.nextMeeting) {
    const m = r.nextMeeting;
    out.push('', `Next board meeting: **${md(m.date)}** (${md(m.theme)}). Papers due ${md(m.papersDue)}; report to the Children in Care Council due ${md(m.childrenInCareCouncilReportDue)}; minutes due ${md(m.minutesDue)}.`);
  }
  out.push('', '## Overdue actions', '');
  out.push(table(['Action', 'Owner', 'Lead agency', 'Due', 'Days overdue', 'Working days overdue'],
    r.overdue.map((o) => [`${o.title} (${o.id})`, o.owner, o.leadAgency, o.dueDate, o.daysOverdue, o.workingDaysOverdue])));
  out.push('', '## At risk', '');
  out.push(table(['Action', 'Owner', 'Lead agency', 'Due', 'Why'], r.atRisk.map((a) => [`${a.title} (${a.id})`, a.owner, a.leadAgency, a.dueDate, a.reason])));
  out.push('', '## Reviews overdue', '');
  out.push(table(['Action', 'Owner', 'Review was due', 'Days overdue'], r.reviewsOverdue.map((a) => [`${a.title} (${a.id})`, a.owner, a.reviewDate, a.daysOverdue])));
  out.push('', '## Promises past their review date', '');
  out.push(table(['Promise', 'Owner', 'Review was due', 'Days overdue'], r.promiseReviewsOverdue.map((p) => [`${p.number}. ${p.title}`, p.owner, p.reviewDate, p.daysOverdue])));
  out.push('', '## Evidence waiting to be checked', '');
  out.push(table(['Action', 'Evidence', 'From', 'Days waiting'], r.evidenceAwaitingReview.map((e) => [`${e.actionTitle} (${e.actionId})`, e.summary, `${e.submittedBy}, ${e.agency}`, e.daysWaiting])));
  out.push('', '## Due dates moved', '');
  out.push(table(['Action', 'Owner', 'First due', 'Now due', 'Reasons given'],
    r.slippedDueDates.map((s) => [`${s.title} (${s.id})`, s.owner, s.originalDueDate, s.currentDueDate, s.changes.map((ch) => `${ch.on}, ${ch.by}: ${ch.reason}`).join('; ')])));
  out.push('', '## Promises with no accepted evidence', '');
  out.push(table(['Promise', 'Owner', 'Actions delivering it'], r.promisesWithoutEvidence.map((p) => [`${p.number}. ${p.title}`, p.owner, p.actions])));
  out.push('', '## Corporate parenting principles with no action', '');
  out.push(r.principlesWithoutActions.length ? r.principlesWithoutActions.map((p) => `- ${p.principle}. ${mdBlock(p.text)}`).join('\n') : '_None: every principle has at least one action._');
  out.push('', '## You said, we did', '');
  out.push('### Still waiting for an answer', '');
  out.push(table(['You said', 'When', 'Days waiting'], r.youSaidWeDid.unanswered.map((f) => [f.said, f.date, f.daysWaiting])));
  out.push('', '### Answered', '');
  out.push(table(['You said', 'We did', 'Answered'], r.youSaidWeDid.answered.map((f) => [f.said, f.did, f.answeredOn])));
  out.push('', '## Measures', '');
  out.push(table(['Measure', 'Latest', 'Target', 'Against target', 'Trend'],
    r.measures.map((m) => [m.title, m.latest ? `${m.latest.value} (${m.latest.period})` : 'no figures', `${m.target} (${m.direction} is better)`,
      m.meetsTarget === undefined ? 'unknown' : m.meetsTarget ? 'meets target' : 'short of target', m.trend])));
  out.push('', '## By working group', '');
  out.push(table(['Working group', 'Actions', 'Overdue (red)', 'At risk (amber)', 'On track (green)', 'Done (blue)', 'Not active (grey)'],
    r.byWorkstream.map((g) => [g.name, g.total, g.counts.red, g.counts.amber, g.counts.green, g.counts.blue, g.counts.grey])));
  out.push('', ...boardMarkdown(r), '', ...recommendationsMarkdown(r));
  return `${out.join('\n')}\n`;
}

function boardMarkdown({ board: b }: ScrutinyReport): string[] {
  const out = ['## The board', ''];
  out.push('### Meetings not quorate', '');
  out.push(table(['Meeting', 'Agencies present', 'Needed', 'Why'], b.meetingsNotQuorate.map((m) => [m.title, m.agencies.join(', ') || 'none', m.needed, m.reason])));
  out.push('', '### Members attending less than expected', '');
  out.push(table(['Member', 'Agency', 'Attended', 'Expected', 'Why'],
    b.attendanceBelowExpectation.map((a) => [a.person, a.agency, `${a.attended} of ${a.held} (${a.percent}%)`, `${a.expectedPercent}%`, a.reason])));
  out.push('', '### Reports not in by the papers deadline', '');
  out.push(table(['Working group', 'Meeting', 'Papers due', 'Report', 'Why'],
    b.reportsNotReceived.map((x) => [x.workstream, x.meeting, x.papersDue, x.status === 'late' ? `late (${x.receivedOn})` : 'missing', x.reason])));
  out.push('', '### The reporting schedule', '');
  out.push(`Reporting schedule: ${md(b.schedule.reason)}`, '');
  out.push(table(['Working group', 'Lead', 'On track', 'Why'], b.schedule.workingGroups.map((w) => [w.name, w.lead, w.onTrack ? 'yes' : 'no', w.reason])));
  return out;
}

/** A recommendation as the report names it: its short name, its review and its title. */
const recommendationLabel = (x: { name: string; review: string; title: string }) => `${x.name} (${x.review}): ${x.title}`;

function recommendationsMarkdown({ recommendations: r }: ScrutinyReport): string[] {
  const out = ['## Scrutiny recommendations', ''];
  if (!r.total) return [...out, '_No scrutiny recommendations are tracked in this plan._'];
  out.push(`Recommendations: ${r.total} (${RECOMMENDATION_STATES.filter((s) => r.byState[s]).map((s) => `${r.byState[s]} ${STATE_LABELS[s].toLowerCase()}`)
    .join(', ')}).`, '');
  out.push('### Responses overdue', '');
  out.push(table(['Recommendation', 'Answers for it', 'Response due', 'Days overdue', 'Why'], r.responsesOverdue.map((x) => [recommendationLabel(x), x.owner, x.due, x.daysOverdue, x.reason])));
  out.push('', '### Awaiting sign-off by the committee', '');
  out.push(table(['Recommendation', 'Answers for it', 'Why'], r.awaitingSignOff.map((x) => [recommendationLabel(x), x.owner, x.reason])));
  out.push('', '### Rejected', '');
  out.push(table(['Recommendation', 'Rejected on', "The executive's reasons", 'Signed off'],
    r.rejected.map((x) => [recommendationLabel(x), x.respondedOn, x.executiveReason || 'none given', x.signedOff ? 'yes' : 'not yet'])));
  return out;
}

/** The report's action lists as one CSV table: one row per item that needs the panel's attention. */
export function reportToCsv(r: ScrutinyReport): string {
  type Row = { section: string; id: string; title: string; owner: string; leadAgency?: string; date?: string; days?: number; workingDays?: number; note?: string };
  const rows: Row[] = [
    ...r.overdue.map((o) => ({ section: 'Overdue', id: o.id, title: o.title, owner: o.owner, leadAgency: o.leadAgency, date: o.dueDate, days: o.daysOverdue, workingDays: o.workingDaysOverdue })),
    ...r.atRisk.map((a) => ({ section: 'At risk', id: a.id, title: a.title, owner: a.owner, leadAgency: a.leadAgency, ...(a.dueDate ? { date: a.dueDate } : {}), ...(a.reason ? { note: a.reason } : {}) })),
    ...r.reviewsOverdue.map((v) => ({ section: 'Review overdue', id: v.id, title: v.title, owner: v.owner, date: v.reviewDate, days: v.daysOverdue })),
    ...r.slippedDueDates.map((s) => ({ section: 'Due date moved', id: s.id, title: s.title, owner: s.owner, ...(s.currentDueDate ? { date: s.currentDueDate } : {}), note: s.changes.map((c) => `${c.on}: ${c.reason}`).join('; ') })),
    ...r.promisesWithoutEvidence.map((p) => ({ section: 'Promise without evidence', id: p.id, title: `${p.number}. ${p.title}`, owner: p.owner })),
    ...boardCsvRows(r),
  ];
  return recordsToCsv(rows, [
    { header: 'Section', value: (x) => x.section },
    { header: 'Id', value: (x) => x.id },
    { header: 'Title', value: (x) => x.title },
    { header: 'Owner', value: (x) => x.owner },
    { header: 'Lead agency', value: (x) => x.leadAgency },
    { header: 'Date', value: (x) => x.date },
    { header: 'Days', value: (x) => x.days },
    { header: 'Working days', value: (x) => x.workingDays },
    { header: 'Note', value: (x) => x.note },
  ]);
}

/** The board's and the recommendations' rows of the report's CSV: each with its reason in the Note column. */
function boardCsvRows({ board: b, recommendations: rec }: ScrutinyReport) {
  return [
    ...b.meetingsNotQuorate.map((m) => ({ section: 'Meeting not quorate', id: m.id, title: m.title, owner: '', date: m.date, note: m.reason })),
    ...b.attendanceBelowExpectation.map((a) => ({ section: 'Attendance below expectation', id: a.personId, title: a.person, owner: a.person, leadAgency: a.agency, note: a.reason })),
    ...b.reportsNotReceived.map((x) => ({
      section: x.status === 'late' ? 'Report late' : 'Report not received', id: x.workstreamId, title: `${x.workstream}: report to ${x.meeting}`,
      owner: x.lead ?? '', date: x.papersDue, note: x.reason,
    })),
    ...b.schedule.workingGroups.filter((w) => !w.onTrack).map((w) => ({ section: 'Reporting schedule off track', id: w.id, title: w.name, owner: w.lead ?? '', note: w.reason })),
    ...rec.responsesOverdue.map((x) => ({ section: 'Response overdue', id: x.id, title: recommendationLabel(x), owner: x.owner ?? '', date: x.due, days: x.daysOverdue, note: x.reason })),
    ...rec.awaitingSignOff.map((x) => ({ section: 'Awaiting sign-off', id: x.id, title: recommendationLabel(x), owner: x.owner ?? '', note: x.reason })),
    ...rec.rejected.map((x) => ({ section: 'Rejected recommendation', id: x.id, title: recommendationLabel(x), owner: x.owner ?? '', date: x.respondedOn, note: x.reason })),
  ];
}
