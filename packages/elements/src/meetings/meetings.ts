import { html } from 'lit';
import { boardAttendance, nextMeeting, reportingSchedule, reportsNotReceived, type MeetingView } from '@pledgeflow/core';
import { heading, subLevel } from '../shared/heading.js';
import type { ItemSteps } from '../shared/item-steps.js';
import { ItemListElement } from '../shared/item-list-element.js';
import { planNames } from '../shared/plan-names.js';
import { contentStyles } from '../shared/content.styles.js';
import { formStyles } from '../shared/form.styles.js';
import { tokens } from '../shared/tokens.styles.js';
import { boardStyles } from './board.styles.js';
import { renderMeeting } from './meeting-card.js';
import { renderMemberAttendance, renderNextMeeting, renderReportsNotReceived, renderSchedule } from './meeting-sections.js';
import { meetingSteps } from './meeting-steps.js';

/**
 * The board's meetings as tracked items: each with its stage in words, theme, quorum (with the
 * reason), who came (members, representatives standing in for whom, apologies), reports,
 * questions from the Children in Care Council and decisions; what is due for the next meeting;
 * members' attendance over 12 months against the plan's expectation; reports not received; and
 * the annual reporting schedule. People whose role takes meeting steps (the policy decides)
 * take them here: record who came with one press per member, apologies, papers sent, held,
 * minutes published, a working group's report received, questions and answers, decisions, a
 * meeting moved or cancelled with a reason. Steps the person's role takes but may not take now
 * are listed with why; steps it never takes are folded away with why.
 *
 * @customElement pledge-meetings
 * @summary The board's meetings with quorum, attendance, what is due for the next meeting, reports not received and the reporting schedule; steps for those who may take them.
 * @attr heading-level - The level of the heading, 1 to 6 (default 2); sections and meetings use the level below.
 * @attr today - The day to count from, YYYY-MM-DD (UK today by default).
 * @event {PledgeStepEvent} pledge-step - A person took a step on a meeting, or tried to: `event.step` is the step as sent, `event.result` is `{ ok: true, event, warnings }` or `{ ok: false, reasons }`, and `event.event` is the event recorded, only when the step was taken.
 * @csspart title - The heading.
 * @csspart section-title - Each section's heading.
 * @csspart next - What is due for the next meeting.
 * @csspart meetings - The list of meetings.
 * @csspart meeting - One meeting.
 * @csspart meeting-title - A meeting's heading.
 * @csspart steps - The steps this person may take on a meeting.
 * @csspart steps-title - The heading over a meeting's steps.
 * @csspart step-button - Each step's button.
 * @csspart attendance-buttons - The members of the board, each with a button to record them present or their apologies.
 * @csspart step-form - The form that asks for what a step needs.
 * @csspart step-form-title - The step form's heading.
 * @csspart error-summary - The box at the top of the step form that lists the problems with what was typed.
 * @csspart result - The live region that says what happened.
 * @csspart not-yours - The folded list of steps this person's role never takes, and why.
 * @csspart member-attendance - Members' attendance over 12 months.
 * @csspart attendance-table - The attendance table.
 * @csspart reports-missing - Reports not received by the papers deadline.
 * @csspart schedule - The annual reporting schedule.
 * @csspart schedule-table - The schedule's table.
 * @cssproperty --pledge-color-error - Border of the box that lists why a step was refused.
 * @cssproperty [--pledge-color-success=#00703c] - Border of the box that says a step was taken.
 * @cssproperty [--pledge-color-red=#942514] - Tags that say something is wrong (not quorate, below expectation, not received): text and border.
 * @cssproperty [--pledge-color-red-background=#f4cdc6] - Those tags' background.
 * @cssproperty [--pledge-color-green=#005a30] - Tags that say all is well (quorate, meets expectation, on track): text and border.
 * @cssproperty [--pledge-color-green-background=#cce2d8] - Those tags' background.
 */
export class PledgeMeetings extends ItemListElement {
  static override styles = [tokens, contentStyles, formStyles, boardStyles];

  protected override watchedStreams(): readonly string[] | undefined {
    return this.tracker ? this.tracker.plan.meetings.map((m) => m.id) : [];
  }

  override render() {
    const m = this.m;
    const tracker = this.tracker;
    if (!tracker) return html`<p>${m.noTracker}</p>`;
    const plan = tracker.plan;
    const state = tracker.state();
    const today = this.day;
    const level = subLevel(this.headingLevel);
    const actor = this.actor;
    const items = new Map<string, ItemSteps>();
    if (actor) for (const meeting of state.meetings) items.set(meeting.id, meetingSteps(tracker, actor, meeting));
    return html`<section part="board" aria-labelledby="meetings-title">
      ${heading(this.headingLevel, 'title', m.meetingsTitle, 'meetings-title')}
      <p class="board">${plan.board.name}</p>
      ${actor ? this.steps.renderNotYours([...items.values()], actor) : html`<p class="signed-out">${m.noActor}</p>`}
      ${renderNextMeeting(nextMeeting(state, today), plan, today, m, level)}
      <section aria-labelledby="list-title">
        ${heading(level, 'section-title', m.meetingsTitle, 'list-title')}
        ${state.meetings.length
          ? html`<div part="meetings" class="meetings">${state.meetings.map((meeting) =>
              renderMeeting(meeting, { m, plan, level: Math.min(6, level + 1), steps: items.get(meeting.id), controller: this.steps, quick: this.#quick }))}</div>`
          : html`<p>${m.meetingsNone}</p>`}
      </section>
      ${renderMemberAttendance(boardAttendance(state, today), plan, m, level)}
      ${renderReportsNotReceived(reportsNotReceived(state, today), m, level)}
      ${renderSchedule(reportingSchedule(state, today), plan, m, level)}
    </section>`;
  }

  /** A member's one-press button: present at a held meeting, or their apologies. */
  #quick = (meeting: MeetingView, type: 'meeting.attendance.record' | 'meeting.apologies.record', person: string) => {
    const m = this.m;
    const name = planNames(this.tracker!.plan).person(person);
    const label = type === 'meeting.attendance.record' ? m.markPresent(name) : m.sendApologies(name);
    this.steps.takeNow(meeting.id, type, { person }, m.itemStepDone(label, meeting.title));
  };
}
