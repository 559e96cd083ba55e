// The board's year: quorum, members' attendance, reports expected and not received, the
// annual reporting schedule, and what is due for the next meeting. Pure functions of a plan's
// state and a day; every answer carries its reason in words.
import { boardDeadlines, type BoardDeadlines } from '../calendar/deadlines.js';
import { addMonths, daysBetween } from '../calendar/dates.js';
import type { MeetingView } from '../items/views.js';
import type { Plan } from '../schema/plan.js';
import { planNames } from '../schema/plan-names.js';
import type { PlanState } from '../tracker/types.js';
import { checkToday } from './today.js';
import { plural } from '../schema/wording.js';
import { peopleById } from '../policy/actor.js';

const wasHeld = (m: MeetingView) => m.state === 'held' || m.state === 'minutesPublished';
const percent = (part: number, whole: number) => Math.round((part / whole) * 100);

export interface Quorum {
  meeting: string;
  quorate: boolean;
  /** The agencies with someone present (in person or standing in), by id, in plan order. */
  agencies: string[];
  needed: number;
  reason: string;
}

/** Whether a meeting that was held was quorate: people from at least `board.quorumAgencies` agencies present. Undefined for one not held. */
export function quorumOf(plan: Plan, meeting: MeetingView): Quorum | undefined {
  if (!wasHeld(meeting)) return undefined;
  const people = peopleById(plan);
  const present = new Set(meeting.present.map((a) => people.get(a.person)?.agency).filter((x): x is string => x !== undefined));
  const agencies = plan.agencies.map((a) => a.id).filter((id) => present.has(id));
  const needed = plan.board.quorumAgencies;
  const quorate = agencies.length >= needed;
  const names = planNames(plan);
  const list = agencies.length ? ` (${agencies.map((a) => names.agency(a)).join(', ')})` : '';
  const reason = `${quorate ? 'Quorate' : 'Not quorate'}: ${plural(agencies.length, 'agency', 'agencies')} present${list}; ${needed} needed.`;
  return { meeting: meeting.id, quorate, agencies, needed, reason };
}

/** Held meetings that were not quorate, oldest first. */
export function meetingsNotQuorate(state: PlanState): Quorum[] {
  return state.meetings.map((m) => quorumOf(state.plan, m)).filter((q): q is Quorum => !!q && !q.quorate);
}

export interface MemberAttendance {
  person: string;
  agency: string;
  /** Meetings held in the 12 months to `today`. */
  held: number;
  /** Of those, how many the member attended in person. */
  attended: number;
  /** Of the others, how many a nominated representative attended for them. */
  represented: number;
  /** Attended in person as a share of those held, rounded; undefined when none was held. */
  percent?: number;
  expectedPercent: number;
  belowExpectation: boolean;
  reason: string;
}

/** The board's members: `board.members`, or everyone with the board-member role when it lists no one. */
export function boardMembers(plan: Plan): string[] {
  return plan.board.members.length ? [...plan.board.members] : plan.people.filter((p) => p.role === 'board-member').map((p) => p.id);
}

/**
 * Each member's attendance over the 12 months to `today` (meetings held after the same day a
 * year before, up to and including today) against `board.attendanceExpectedPercent`.
 */
export function boardAttendance(state: PlanState, today: string): MemberAttendance[] {
  checkToday(today);
  const { plan } = state;
  const from = addMonths(today, -12);
  const held = state.meetings.filter((m) => wasHeld(m) && m.date > from && m.date <= today);
  const expected = plan.board.attendanceExpectedPercent;
  const people = peopleById(plan);
  return boardMembers(plan).map((person) => {
    const attended = held.filter((m) => m.present.some((a) => a.person === person)).length;
    const represented = held.filter((m) => m.present.some((a) => a.standingInFor === person)).length;
    const agency = people.get(person)?.agency ?? '';
    if (!held.length) {
      return { person, agency, held: 0, attended: 0, represented: 0, expectedPercent: expected, belowExpectation: false, reason: 'No meetings were held in the last 12 months.' };
    }
    const share = percent(attended, held.length);
    const below = share < expected;
    const reason = `Attended ${attended} of ${plural(held.length, 'meeting')} in the last 12 months (${share}%), ${below ? 'below' : 'meeting'} the expected ${expected}%${stoodIn(held.length - attended, represented)}.`;
    return { person, agency, held: held.length, attended, represented, percent: share, expectedPercent: expected, belowExpectation: below, reason };
  });
}

/** What happened at the meetings a member missed: "; sent a representative to 1 of the 2 missed". */
function stoodIn(missed: number, represented: number): string {
  if (!missed) return '';
  if (represented === missed) return missed === 1 ? '; sent a representative to the one missed' : `; sent a representative to all ${missed} missed`;
  if (!represented) return missed === 1 ? '; no representative came to the one missed' : `; no representative came to any of the ${missed} missed`;
  return `; sent a representative to ${represented} of the ${missed} missed`;
}

export interface ExpectedReport {
  meeting: string;
  date: string;
  workstream: string;
  /** The day the papers go out: reports are due by then. */
  papersDue: string;
  /** `missing`: not in by the papers deadline, which has passed; `late`: came in after it. */
  status: 'missing' | 'late';
  receivedOn?: string;
  reason: string;
}

const deadlinesOf = (plan: Plan, m: MeetingView): BoardDeadlines => boardDeadlines(m.date, plan.board);

/** How the report `workstream` owes meeting `m` stands on `today`: received, late (after the papers deadline), missing, still due, or not wanted (the meeting is cancelled). */
function reportStatus(plan: Plan, m: MeetingView, workstream: string, today: string): { status: ScheduledReport['status']; papersDue: string; receivedOn?: string } {
  const papersDue = deadlinesOf(plan, m).papers;
  const got = m.received.find((r) => r.workstream === workstream);
  const status = m.state === 'cancelled' ? 'cancelled' : got ? (got.on > papersDue ? 'late' : 'received') : today > papersDue ? 'missing' : 'due';
  return got ? { status, papersDue, receivedOn: got.on } : { status, papersDue };
}

/**
 * Reports expected from working groups and not received by the papers deadline, for meetings
 * in the 12 months to `today` and those to come whose deadline has passed: missing ones, and
 * ones that came in late. Cancelled meetings expect nothing.
 */
export function reportsNotReceived(state: PlanState, today: string): ExpectedReport[] {
  checkToday(today);
  const { plan } = state;
  const from = addMonths(today, -12);
  const names = planNames(plan);
  const out: ExpectedReport[] = [];
  for (const m of state.meetings) {
    if (m.state === 'cancelled' || m.date <= from) continue;
    for (const workstream of m.reports) {
      const { status, papersDue, receivedOn } = reportStatus(plan, m, workstream, today);
      const base = { meeting: m.id, date: m.date, workstream, papersDue };
      const who = names.workstream(workstream);
      if (status === 'late') {
        out.push({ ...base, status, receivedOn: receivedOn!, reason: `${who}'s report for ${m.title} came in on ${receivedOn}, after the papers deadline of ${papersDue}.` });
      } else if (status === 'missing') {
        const days = daysBetween(papersDue, today);
        out.push({ ...base, status: 'missing', reason: `${who}'s report for ${m.title} was due by ${papersDue} and has not been received (${plural(days, 'day')} late).` });
      }
    }
  }
  return out;
}

export interface ScheduledReport {
  meeting: string;
  date: string;
  theme: string;
  status: 'received' | 'late' | 'missing' | 'due' | 'cancelled';
}

export interface ScheduleRow {
  workstream: string;
  reports: ScheduledReport[];
  onTrack: boolean;
  reason: string;
}

export interface ReportingSchedule {
  /** Meetings in the plan's period, not cancelled. */
  meetings: number;
  /** `board.meetingsPerYear` over the plan's period. */
  expectedMeetings: number;
  rows: ScheduleRow[];
  onTrack: boolean;
  reason: string;
}

/**
 * The annual schedule of reporting over the plan's period: which working group reports to
 * which meeting, how each report stands on `today`, and whether the schedule is on track (the
 * board meets often enough, every working group has a report in the schedule, none is missing
 * or late).
 */
export function reportingSchedule(state: PlanState, today: string): ReportingSchedule {
  checkToday(today);
  const { plan } = state;
  const inPeriod = state.meetings.filter((m) => m.date >= plan.period.start && m.date <= plan.period.end);
  const names = planNames(plan);
  const rows = plan.workstreams.map((ws): ScheduleRow => {
    const reports = inPeriod
      .filter((m) => m.reports.includes(ws.id))
      .map((m): ScheduledReport => ({ meeting: m.id, date: m.date, theme: m.theme, status: reportStatus(plan, m, ws.id, today).status }));
    const live = reports.filter((r) => r.status !== 'cancelled');
    const missing = live.filter((r) => r.status === 'missing').length;
    const late = live.filter((r) => r.status === 'late').length;
    let reason: string;
    if (!live.length) reason = `${names.workstream(ws.id)} has no report to the board in the schedule for this plan's period.`;
    else if (missing || late) reason = `${names.workstream(ws.id)}: ${[missing && `${plural(missing, 'report')} missing`, late && `${plural(late, 'report')} late`].filter(Boolean).join(', ')}.`;
    else reason = `${names.workstream(ws.id)}: ${plural(live.length, 'report')} scheduled, none missing or late.`;
    return { workstream: ws.id, reports, onTrack: live.length > 0 && !missing && !late, reason };
  });
  const meetings = inPeriod.filter((m) => m.state !== 'cancelled').length;
  const days = daysBetween(plan.period.start, plan.period.end) + 1;
  const expectedMeetings = Math.max(1, Math.round((plan.board.meetingsPerYear * days) / 365));
  const offTrack = rows.filter((r) => !r.onTrack).map((r) => names.workstream(r.workstream));
  const problems = [
    meetings < expectedMeetings && `${plural(meetings, 'meeting')} in the plan's period, fewer than the ${expectedMeetings} expected`,
    offTrack.length && `${offTrack.join(', ')} ${offTrack.length === 1 ? 'is' : 'are'} behind`,
  ].filter(Boolean);
  const reason = problems.length ? `Not on track: ${problems.join('; ')}.` : `On track: ${plural(meetings, 'meeting')} in the plan's period and every working group's reports in on time so far.`;
  return { meetings, expectedMeetings, rows, onTrack: !problems.length, reason };
}

export interface NextMeeting {
  meeting: MeetingView;
  deadlines: BoardDeadlines;
  /** Working groups whose report is expected and not in yet, by id. */
  reportsOutstanding: string[];
  /** Questions from the Children in Care Council not answered yet, by id. */
  questionsOpen: string[];
}

/** The next meeting on or after `today` that is not cancelled, with what is due for it; undefined when none is planned. */
export function nextMeeting(state: PlanState, today: string): NextMeeting | undefined {
  checkToday(today);
  const meeting = state.meetings.find((m) => m.date >= today && (m.state === 'planned' || m.state === 'papersOut'));
  if (!meeting) return undefined;
  return {
    meeting,
    deadlines: deadlinesOf(state.plan, meeting),
    reportsOutstanding: meeting.reports.filter((ws) => !meeting.received.some((r) => r.workstream === ws)),
    questionsOpen: meeting.questions.filter((q) => !q.answer).map((q) => q.id),
  };
}
