/** The board's coming meetings with their deadlines, and the same as calendar events. Pure. */
import {
  boardDeadlines, recommendationTitle, responseDue, type Meeting, type MeetingState, type MeetingView, type Plan, type RecommendationView,
} from '@pledgeflow/core';
import type { AllDayEvent } from './ics.js';

/** What each date is, in the order they fall around a meeting. */
export const BOARD_DATE_KINDS = ['cicc-report', 'papers', 'meeting', 'minutes'] as const;
export type BoardDateKind = (typeof BOARD_DATE_KINDS)[number];

export interface BoardDate {
  kind: BoardDateKind;
  date: string;
}

export interface ComingMeeting extends Meeting {
  /** The meeting and its deadlines, earliest first. */
  dates: BoardDate[];
  /** How it stands, when read from the plan's state (a cancelled meeting is kept, marked so). */
  state?: MeetingState;
  /** The date the plan first gave it, when it was rescheduled: the calendar's UIDs keep it, so the event moves. */
  firstDate?: string;
  cancelledReason?: string;
  /** How many steps the meeting has had: the events' SEQUENCE, so a calendar takes a new date or a cancellation. */
  changes?: number;
}

/** The plan alone (meetings as planned), or the plan's state (meetings as they stand: moved, cancelled). */
export type MeetingSource = Plan | { plan: Plan; meetings: readonly MeetingView[] };

/**
 * Meetings whose last deadline (the minutes) is on or after `today`, soonest first, at most `limit` of them, each with the
 * deadlines the board's settings give it (papers, Children in Care Council report, minutes). From the plan's state, a
 * rescheduled meeting is at its new date and a cancelled one is included with `state: 'cancelled'`.
 */
export function comingMeetings(source: MeetingSource, today: string, limit = Infinity): ComingMeeting[] {
  const plan = 'plan' in source ? source.plan : source;
  const planned = new Map(plan.meetings.map((m) => [m.id, m]));
  const meetings: (Meeting & Omit<ComingMeeting, keyof Meeting | 'dates'>)[] = 'plan' in source
    ? source.meetings.map((v) => {
      const m = planned.get(v.id);
      return {
        id: v.id, date: v.date, theme: v.theme, ...(m?.title ? { title: m.title } : {}), reports: [...v.reports], state: v.state, changes: v.eventCount,
        ...(m && m.date !== v.date ? { firstDate: m.date } : {}), ...(v.cancelledReason ? { cancelledReason: v.cancelledReason } : {}),
      };
    })
    : plan.meetings;
  return meetings
    // A meeting stays until its minutes are due: the last deadline it brings.
    .filter((m) => boardDeadlines(m.date, plan.board).minutes >= today)
    .sort((a, b) => a.date.localeCompare(b.date))
    .slice(0, Math.max(0, limit))
    .map((m) => {
      const d = boardDeadlines(m.date, plan.board);
      const dates: BoardDate[] = [
        { kind: 'cicc-report', date: d.childrenInCareCouncil },
        { kind: 'papers', date: d.papers },
        { kind: 'meeting', date: m.date },
        { kind: 'minutes', date: d.minutes },
      ];
      return { ...m, dates: dates.sort((a, b) => a.date.localeCompare(b.date) || BOARD_DATE_KINDS.indexOf(a.kind) - BOARD_DATE_KINDS.indexOf(b.kind)) };
    });
}

/**
 * A UID that stays the same from one download to the next (the plan, the meeting's date and
 * what the date is), so that importing the file again updates events instead of adding more.
 * A rescheduled meeting keeps the UIDs of its first date, so its events move.
 */
export function boardDateUid(planId: string, meetingDate: string, kind: BoardDateKind): string {
  return `${planId}-${meetingDate}-${kind}@pledgeflow`;
}

/**
 * One all-day event per meeting and per deadline; `words` gives each its summary and description.
 * A cancelled meeting's events are STATUS:CANCELLED; from the plan's state, each has a SEQUENCE.
 */
export function boardCalendarEvents(
  planId: string,
  meetings: readonly ComingMeeting[],
  words: (date: BoardDate, meeting: ComingMeeting) => { summary: string; description?: string },
): AllDayEvent[] {
  return meetings.flatMap((meeting) =>
    meeting.dates.map((d) => ({
      uid: boardDateUid(planId, meeting.firstDate ?? meeting.date, d.kind),
      date: d.date,
      ...words(d, meeting),
      ...(meeting.state ? { status: meeting.state === 'cancelled' ? ('CANCELLED' as const) : ('CONFIRMED' as const) } : {}),
      ...(meeting.changes !== undefined ? { sequence: meeting.changes } : {}),
    })),
  );
}

/**
 * One all-day event for each scrutiny recommendation waiting for the executive's response, on the
 * day the response is due (`scrutiny.responseMonths` after it was made, or after it was reopened).
 * `words` gives the summary and description; by default "Response due: Recommendation 3 (review)".
 */
export function responseDueEvents(
  state: { plan: Plan; recommendations: readonly RecommendationView[] },
  words: (r: RecommendationView, review: string) => { summary: string; description?: string } = (r, review) => ({
    summary: `Response due: ${recommendationTitle(r)} (${review})`,
    description: r.title,
  }),
): AllDayEvent[] {
  const reviews = new Map(state.plan.reviews.map((r) => [r.id, r.title]));
  return state.recommendations.flatMap((r) => {
    const due = responseDue(state.plan, r);
    return due ? [{ uid: `${state.plan.id}-${r.id}-response@pledgeflow`, date: due, ...words(r, reviews.get(r.review) ?? r.review), sequence: r.eventCount }] : [];
  });
}
