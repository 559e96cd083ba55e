import { html } from 'lit';
import { daysBetween } from '@pledgeflow/core';
import { downloadText } from '../shared/download.js';
import { formatDate } from '../shared/format.js';
import { heading, subLevel } from '../shared/heading.js';
import { PledgeElement } from '../shared/pledge-element.js';
import { contentStyles } from '../shared/content.styles.js';
import { tokens } from '../shared/tokens.styles.js';
import { boardCalendarEvents, comingMeetings, responseDueEvents, type BoardDateKind, type ComingMeeting } from './board-calendar.js';
import { deadlinesStyles } from './deadlines.styles.js';
import { toIcs } from './ics.js';

const LABEL_KEYS = { 'cicc-report': 'cicReportDue', papers: 'papersDue', meeting: 'meeting', minutes: 'minutesDue' } as const satisfies Record<BoardDateKind, string>;

/**
 * The board's coming meetings, from `today` on, each with the dates that lead up to it and
 * follow it: reports to the Children in Care Council, papers to members, and minutes, worked
 * out from the board's rules (working days, bank holidays and the council's closures).
 * "Add to calendar" downloads them all as an .ics file, one all-day event for each date.
 *
 * @customElement pledge-deadlines
 * @summary Coming board meetings with papers, Children in Care Council report and minutes due dates, and an .ics download.
 * @attr limit - How many meetings to show at most (default: every coming meeting).
 * @attr heading-level - The level of the heading, 1 to 6 (default 2); each meeting's is one below.
 * @attr today - The day to count from, YYYY-MM-DD (default: today in the UK).
 * @csspart deadlines - The whole element.
 * @csspart title - The heading.
 * @csspart list - The list of meetings.
 * @csspart meeting - One meeting with its dates.
 * @csspart meeting-title - A meeting's heading.
 * @csspart dates - A meeting's dates.
 * @csspart download - The "Add to calendar" button.
 * @csspart empty - The sentence shown when no meeting is planned.
 * @cssproperty --pledge-color-border - The line that joins a meeting's dates.
 * @cssproperty --pledge-color-secondary-text - Dates that have passed.
 * @cssproperty --pledge-space - The unit of spacing.
 */
export class PledgeDeadlines extends PledgeElement {
  static override styles = [tokens, contentStyles, deadlinesStyles];
  static override properties = {
    ...PledgeElement.properties,
    limit: { type: Number },
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  /** How many meetings to show at most. */
  declare limit: number | undefined;
  /** The level of the heading (1 to 6). */
  declare headingLevel: number | undefined;

  // Meetings are moved and cancelled by steps. Recommendations are not shown: the .ics reads their response dates when it is made.
  protected override watchedStreams(): readonly string[] {
    return this.tracker?.plan.meetings.map((m) => m.id) ?? [];
  }

  /** The meetings shown: from `today` on, soonest first. */
  meetings(): ComingMeeting[] {
    if (!this.tracker) return [];
    const limit = Number.isInteger(this.limit) && this.limit! >= 0 ? this.limit! : Infinity;
    return comingMeetings(this.tracker.state(), this.day, limit);
  }

  /**
   * The meetings shown and their deadlines as an iCalendar file. `stamp` is its DTSTAMP
   * (an ISO 8601 instant or a date); by default the start of `today`, so the file for a day
   * is always the same.
   */
  ics(stamp: string = this.day): string {
    const plan = this.tracker?.plan;
    if (!plan) return '';
    const m = this.m;
    const events = [
      ...boardCalendarEvents(plan.id, this.meetings(), (d, meeting) => ({
        summary: m.icsSummary(d.kind, plan.board.name, formatDate(meeting.date)),
        description: m.icsDescription(d.kind, meeting.theme, plan.board),
      })),
      // The executive's response to each scrutiny recommendation still waiting for one.
      ...responseDueEvents(this.tracker!.state(), (r, review) => ({ summary: m.icsResponseDue(r.number, review), description: r.title })),
    ];
    return toIcs({ events, stamp, name: plan.board.name });
  }

  /** Saves the calendar as `<plan id>-board-meetings.ics`. */
  downloadIcs(): void {
    const plan = this.tracker?.plan;
    if (!plan) return;
    downloadText(`${plan.id}-board-meetings.ics`, this.ics(), 'text/calendar;charset=utf-8');
  }

  override render() {
    const m = this.m;
    if (!this.tracker) return html`<p part="empty">${m.noTracker}</p>`;
    const meetings = this.meetings();
    const sub = subLevel(this.headingLevel);
    return html`<section part="deadlines" aria-labelledby="deadlines-title">
      ${heading(this.headingLevel, 'title', m.deadlinesTitle, 'deadlines-title')}
      <p class="board">${this.tracker.plan.board.name}</p>
      ${meetings.length
        ? html`<ol part="list" class="meetings">
              ${meetings.map((meeting) => this.#meeting(meeting, sub))}
            </ol>
            <button type="button" part="download" class="secondary" @click=${this.downloadIcs}>${m.downloadIcs}</button>`
        : html`<p part="empty">${m.noMeetings}</p>`}
    </section>`;
  }

  #meeting(meeting: ComingMeeting, level: number) {
    const m = this.m;
    const today = this.day;
    return html`<li part="meeting" data-date=${meeting.date}>
      ${heading(level, 'meeting-title', m.meetingOn(formatDate(meeting.date)))}
      ${meeting.state === 'cancelled' ? html`<p part="cancelled" class="cancelled"><strong>${m.meetingCancelled(meeting.cancelledReason ?? '')}</strong></p>` : ''}
      ${meeting.firstDate ? html`<p class="moved">${m.meetingMoved(formatDate(meeting.firstDate))}</p>` : ''}
      <p class="theme"><span class="label">${m.theme}:</span> ${meeting.theme}</p>
      <dl part="dates" class="dates">
        ${meeting.dates.map((d) => {
          const days = daysBetween(today, d.date);
          return html`<div class="date ${d.kind} ${days < 0 ? 'passed' : ''}" data-kind=${d.kind}>
            <dt>${m[LABEL_KEYS[d.kind]]}</dt>
            <dd><time datetime=${d.date}>${formatDate(d.date)}</time> <span class="when">(${m.whenDue(days)})</span></dd>
          </div>`;
        })}
      </dl>
    </li>`;
  }
}
