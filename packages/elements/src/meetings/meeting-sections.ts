import { html } from 'lit';
import { daysBetween, type ExpectedReport, type MemberAttendance, type NextMeeting, type Plan, type ReportingSchedule } from '@pledgeflow/core';
import { formatDate } from '../shared/format.js';
import { heading } from '../shared/heading.js';
import type { Messages } from '../shared/messages.js';
import { planNames } from '../shared/plan-names.js';

// The board's year around the meetings: what is due for the next one, members' attendance,
// reports not received, and the annual reporting schedule. Each says its reason in words.

/** What is due for the next meeting: the dates leading up to it, reports still to come, questions still open. */
export function renderNextMeeting(next: NextMeeting | undefined, plan: Plan, today: string, m: Messages, level: number) {
  const title = heading(level, 'section-title', m.nextMeetingTitle, 'next-title');
  if (!next) return html`<section part="next" aria-labelledby="next-title">${title}<p>${m.noNextMeeting}</p></section>`;
  const names = planNames(plan);
  const { meeting, deadlines } = next;
  const date = (label: string, day: string) => {
    const days = daysBetween(today, day);
    return html`<div class=${days < 0 ? 'passed' : ''}><dt>${label}</dt>
      <dd><time datetime=${day}>${formatDate(day)}</time> <span class="when">(${m.whenDue(days)})</span></dd></div>`;
  };
  const questions = meeting.questions.filter((q) => next.questionsOpen.includes(q.id));
  return html`<section part="next" aria-labelledby="next-title">
    ${title}
    <p class="next-meeting"><strong>${meeting.title}</strong>. ${m.theme}: ${meeting.theme}.</p>
    <dl class="dates">
      ${date(m.cicReportDue, deadlines.childrenInCareCouncil)} ${date(m.papersDue, deadlines.papers)}
      ${date(m.meeting, deadlines.meeting)} ${date(m.minutesDue, deadlines.minutes)}
    </dl>
    <p class="label">${m.reportsOutstanding}</p>
    ${next.reportsOutstanding.length ? html`<ul class="outstanding">${next.reportsOutstanding.map((ws) => html`<li>${names.workstream(ws)}</li>`)}</ul>` : html`<p>${m.noneOutstanding}</p>`}
    <p class="label">${m.questionsOpen}</p>
    ${questions.length ? html`<ul class="open-questions">${questions.map((q) => html`<li>${q.question}</li>`)}</ul>` : html`<p>${m.noneOutstanding}</p>`}
  </section>`;
}

/** Each member's attendance over 12 months against the plan's expectation, below it said in words. */
export function renderMemberAttendance(rows: readonly MemberAttendance[], plan: Plan, m: Messages, level: number) {
  const names = planNames(plan);
  const c = m.attendanceColumns;
  return html`<section part="member-attendance" aria-labelledby="attendance-title">
    ${heading(level, 'section-title', m.memberAttendanceTitle, 'attendance-title')}
    ${rows.length
      ? html`<div class="scroll" role="region" aria-labelledby="attendance-caption" tabindex="0">
          <table part="attendance-table">
            <caption id="attendance-caption">${m.memberAttendanceCaption(plan.board.attendanceExpectedPercent)}</caption>
            <thead><tr>
              <th scope="col">${c['member']}</th><th scope="col">${c['agency']}</th><th scope="col">${c['rate']}</th>
              <th scope="col">${c['represented']}</th><th scope="col">${c['expectation']}</th>
            </tr></thead>
            <tbody>${rows.map((r) => html`<tr data-member=${r.person} class=${r.belowExpectation ? 'below' : ''}>
              <th scope="row">${names.person(r.person)}</th>
              <td>${names.agency(r.agency)}</td>
              <td>${m.attendanceRate(r.attended, r.held, r.percent)}</td>
              <td>${r.represented}</td>
              <td><span class="tag ${r.belowExpectation ? 'problem' : 'ok'}">${r.belowExpectation ? m.belowExpectation : m.meetsExpectation}</span>
                <span class="detail">${r.reason}</span></td>
            </tr>`)}</tbody>
          </table>
        </div>`
      : html`<p>${m.noMembers}</p>`}
  </section>`;
}

/** Reports expected and not received by the papers deadline (missing, or in late), each with why. */
export function renderReportsNotReceived(reports: readonly ExpectedReport[], m: Messages, level: number) {
  return html`<section part="reports-missing" aria-labelledby="missing-title">
    ${heading(level, 'section-title', m.reportsMissingTitle, 'missing-title')}
    ${reports.length
      ? html`<ul class="missing">${reports.map((r) => html`<li data-meeting=${r.meeting} data-workstream=${r.workstream} data-status=${r.status}>
          <span class="tag problem">${m.scheduleStatus[r.status === 'late' ? 'late' : 'missing']}</span> ${r.reason}</li>`)}</ul>`
      : html`<p>${m.noReportsMissing}</p>`}
  </section>`;
}

/** The annual schedule of reporting: which working group reports when, how each report stands, on track or not. */
export function renderSchedule(schedule: ReportingSchedule, plan: Plan, m: Messages, level: number) {
  const names = planNames(plan);
  const c = m.scheduleColumns;
  return html`<section part="schedule" aria-labelledby="schedule-title">
    ${heading(level, 'section-title', m.scheduleTitle, 'schedule-title')}
    <p class="schedule-summary"><span class="tag ${schedule.onTrack ? 'ok' : 'problem'}">${schedule.onTrack ? m.onTrackWord : m.offTrackWord}</span> ${schedule.reason}</p>
    <div class="scroll" role="region" aria-labelledby="schedule-caption" tabindex="0">
      <table part="schedule-table">
        <caption id="schedule-caption">${m.scheduleCaption}</caption>
        <thead><tr><th scope="col">${c['workstream']}</th><th scope="col">${c['reports']}</th><th scope="col">${c['onTrack']}</th></tr></thead>
        <tbody>${schedule.rows.map((row) => html`<tr data-workstream=${row.workstream}>
          <th scope="row">${names.workstream(row.workstream)}</th>
          <td>${row.reports.length
            ? html`<ul>${row.reports.map((r) => html`<li>${m.scheduleReport(formatDate(r.date), m.scheduleStatus[r.status] ?? r.status)}</li>`)}</ul>`
            : m.noneOutstanding}</td>
          <td><span class="tag ${row.onTrack ? 'ok' : 'problem'}">${row.onTrack ? m.onTrackWord : m.offTrackWord}</span>
            <span class="detail">${row.reason}</span></td>
        </tr>`)}</tbody>
      </table>
    </div>
  </section>`;
}
