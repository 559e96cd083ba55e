import { html, nothing } from 'lit';
import { boardMembers, quorumOf, boardDeadlines, type MeetingView, type Plan } from '@pledgeflow/core';
import { formatDate } from '../shared/format.js';
import { heading } from '../shared/heading.js';
import type { ItemSteps, ItemStepsController } from '../shared/item-steps.js';
import type { Messages } from '../shared/messages.js';
import { personWithAgency, planNames } from '../shared/plan-names.js';
import { safeHref } from '../shared/safe-link.js';

/** What one meeting's card is drawn from. */
export interface MeetingCardContext {
  m: Messages;
  plan: Plan;
  level: number;
  steps: ItemSteps | undefined;
  controller: ItemStepsController;
  /** Records a member as present, or their apologies, with one press. */
  quick: (meeting: MeetingView, type: 'meeting.attendance.record' | 'meeting.apologies.record', person: string) => void;
}

const wasHeld = (m: MeetingView) => m.state === 'held' || m.state === 'minutesPublished';

/** One board meeting: its stage in words, theme, quorum, who came, reports, questions, decisions and the steps this person may take. */
export function renderMeeting(meeting: MeetingView, ctx: MeetingCardContext) {
  const { m, plan, level } = ctx;
  const names = planNames(plan);
  const quorum = quorumOf(plan, meeting);
  const stage = m.itemStates[meeting.state] ?? meeting.state;
  const papersDue = boardDeadlines(meeting.date, plan.board).papers;
  return html`<article class="meeting" part="meeting" data-meeting=${meeting.id} data-state=${meeting.state} aria-labelledby="title-${meeting.id}">
    ${heading(level, 'meeting-title', meeting.title, `title-${meeting.id}`)}
    <dl class="facts">
      <div><dt>${m.meetingDate}</dt><dd><time datetime=${meeting.date}>${formatDate(meeting.date)}</time></dd></div>
      <div><dt>${m.meetingStage}</dt><dd><span class="tag state-${meeting.state}">${stage}</span></dd></div>
      <div><dt>${m.theme}</dt><dd>${meeting.theme}</dd></div>
    </dl>
    ${meeting.moved ? html`<p class="moved">${m.movedFrom(formatDate(meeting.moved.from), meeting.moved.reason)}</p>` : nothing}
    ${meeting.cancelledReason ? html`<p class="cancelled">${m.cancelledBecause(meeting.cancelledReason)}</p>` : nothing}
    ${quorum
      ? html`<p class="quorum" data-quorate=${String(quorum.quorate)}>
          <span class="label">${m.quorum}:</span> <span class="tag ${quorum.quorate ? 'ok' : 'problem'}">${quorum.quorate ? m.quorate : m.notQuorate}</span>
          <span class="reason">${quorum.reason}</span></p>`
      : nothing}
    ${wasHeld(meeting) || meeting.apologies.length ? renderAttendance(meeting, plan, m) : nothing}
    ${meeting.state !== 'cancelled' ? renderReports(meeting, plan, m, papersDue) : nothing}
    ${meeting.questions.length
      ? html`<p class="label">${m.questionsLabel}</p>
          <ul class="questions">${meeting.questions.map((q) => html`<li>${q.question}
            <span class="detail">${q.answer ? m.questionAnswer(q.answer) : m.questionOpen}</span></li>`)}</ul>`
      : nothing}
    ${meeting.decisions.length
      ? html`<p class="label">${m.decisionsLabel}</p>
          <ul class="decisions">${meeting.decisions.map((d) => html`<li>${d.decision}${d.action ? html` <span class="detail">${m.decisionAction(names.item(d.action))}</span>` : nothing}</li>`)}</ul>`
      : nothing}
    ${meeting.minutes
      ? html`<p class="minutes"><span class="label">${m.minutesLabel}:</span> ${m.minutesOn(formatDate(meeting.minutes.on))}
          ${meeting.minutes.link && safeHref(meeting.minutes.link) ? html` <a href=${safeHref(meeting.minutes.link)!}>${m.minutesLink}</a>` : nothing}</p>`
      : nothing}
    ${ctx.steps ? ctx.controller.render(ctx.steps, Math.min(6, level + 1), renderQuickAttendance(meeting, ctx)) : nothing}
  </article>`;
}

/** Who came: members in person, representatives standing in for whom, apologies. */
function renderAttendance(meeting: MeetingView, plan: Plan, m: Messages) {
  const names = planNames(plan);
  const who = personWithAgency(plan);
  const inPerson = meeting.present.filter((a) => !a.standingInFor);
  const standing = meeting.present.filter((a) => a.standingInFor);
  const list = (items: string[]) => (items.length ? html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>` : html`<p>${m.nobodyRecorded}</p>`);
  return html`<div class="attendance">
    <p class="label">${m.attendanceTitle}</p>
    <dl class="who">
      <div><dt>${m.presentLabel}</dt><dd>${list(inPerson.map((a) => who(a.person)))}</dd></div>
      <div><dt>${m.standingInLabel}</dt><dd>${list(standing.map((a) => m.standingIn(who(a.person), names.person(a.standingInFor!))))}</dd></div>
      <div><dt>${m.apologiesLabel}</dt><dd>${list(meeting.apologies.map((a) => `${names.person(a.person)}${a.note ? `: ${a.note}` : ''}`))}</dd></div>
    </dl>
  </div>`;
}

/** The reports expected from working groups, each received (on time or late) or not yet. */
function renderReports(meeting: MeetingView, plan: Plan, m: Messages, papersDue: string) {
  const names = planNames(plan);
  return html`<p class="label">${m.reportsLabel}</p>
    ${meeting.reports.length
      ? html`<ul class="reports">${meeting.reports.map((ws) => {
          const got = meeting.received.find((r) => r.workstream === ws);
          const name = names.workstream(ws);
          const line = got ? (got.on > papersDue ? m.reportLate(name, formatDate(got.on)) : m.reportReceived(name, formatDate(got.on))) : m.reportNotYet(name);
          return html`<li data-workstream=${ws}>${line}</li>`;
        })}</ul>`
      : html`<p>${m.noReportsExpected}</p>`}`;
}

/**
 * Each member with where they stand for this meeting, and a button to record them present
 * (at a held meeting) or their apologies (before it), when this person may take that step.
 */
function renderQuickAttendance(meeting: MeetingView, ctx: MeetingCardContext) {
  const { m, plan } = ctx;
  const offered = new Set(ctx.steps?.offered.map((s) => s.type));
  const canPresent = wasHeld(meeting) && offered.has('meeting.attendance.record');
  const canApologise = offered.has('meeting.apologies.record');
  if (!canPresent && !canApologise) return nothing;
  const names = planNames(plan);
  const status = (id: string) =>
    meeting.present.some((a) => a.person === id) ? 'present'
    : meeting.present.some((a) => a.standingInFor === id) ? 'represented'
    : meeting.apologies.some((a) => a.person === id) ? 'apologies' : 'none';
  return html`<div class="quick" part="attendance-buttons">
    <p class="label">${m.attendanceListTitle}</p>
    <ul class="members">
      ${boardMembers(plan).map((id) => {
        const s = status(id);
        const name = names.person(id);
        return html`<li data-member=${id}>
          <span class="member">${name}</span> <span class="tag">${m.memberStatus[s]}</span>
          ${canPresent && (s === 'none' || s === 'apologies')
            ? html`<button type="button" class="secondary small" data-quick="present" aria-label=${m.markPresentLabel(name, meeting.title)}
                @click=${() => ctx.quick(meeting, 'meeting.attendance.record', id)}>${m.markPresent(name)}</button>`
            : nothing}
          ${canApologise && s === 'none'
            ? html`<button type="button" class="secondary small" data-quick="apologies" aria-label=${m.sendApologiesLabel(name, meeting.title)}
                @click=${() => ctx.quick(meeting, 'meeting.apologies.record', id)}>${m.sendApologies(name)}</button>`
            : nothing}
        </li>`;
      })}
    </ul>
  </div>`;
}
