/** The board's coming meetings with their deadlines, and the same as calendar events. Pure. */
import { boardDeadlines, type Meeting, type Plan } from '@pledgeflow/core';
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
}

/**
 * Meetings whose last deadline (the minutes) is on or after `today`, soonest first, at most `limit` of them, each with the
 * deadlines the board's settings give it (papers, Children in Care Council report, minutes).
 */
export function comingMeetings(plan: Plan, today: string, limit = Infinity): ComingMeeting[] {
  return plan.meetings
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
 */
export function boardDateUid(planId: string, meetingDate: string, kind: BoardDateKind): string {
  return `${planId}-${meetingDate}-${kind}@pledgeflow`;
}

/** One all-day event per meeting and per deadline; `words` gives each its summary and description. */
export function boardCalendarEvents(
  planId: string,
  meetings: readonly ComingMeeting[],
  words: (date: BoardDate, meeting: ComingMeeting) => { summary: string; description?: string },
): AllDayEvent[] {
  return meetings.flatMap((meeting) =>
    meeting.dates.map((d) => ({ uid: boardDateUid(planId, meeting.date, d.kind), date: d.date, ...words(d, meeting) })),
  );
}
