import { londonDate } from '../calendar/dates.js';
import type { MeetingEventType, PledgeEvent } from '../schema/events.js';
import type { EventOf } from '../schema/is-event.js';
import type { Meeting } from '../schema/plan.js';
import { forSteps } from './for-steps.js';
import type { Lifecycle } from './lifecycle.js';

/** Bump when the machine changes in a way that makes stored snapshots stale. */
export const MEETING_MACHINE_VERSION = 1;

export type MeetingEvent = PledgeEvent<MeetingEventType>;

/** Someone at the meeting: in person, or as a member's nominated representative. */
export interface Attendee {
  person: string;
  /** The member this person stood in for, when they came as a nominated representative. */
  standingInFor?: string;
  /** Who recorded it, and when. */
  by: string;
  at: string;
}

export interface ReportReceived {
  workstream: string;
  /** The calendar day it arrived (UK). */
  on: string;
  by: string;
  summary?: string;
  link?: string;
}

export interface Question {
  id: string;
  question: string;
  askedOn: string;
  answer?: string;
  answeredOn?: string;
}

export interface Decision {
  id: string;
  decision: string;
  /** The action-plan item the decision raised or concerns, by id. */
  action?: string;
  on: string;
  by: string;
}

export interface MeetingContext {
  id: string;
  date: string;
  /** The date before a reschedule, with why. */
  moved?: { from: string; reason: string };
  /** The working groups expected to report, by id. */
  reports: string[];
  received: ReportReceived[];
  present: Attendee[];
  apologies: { person: string; note?: string }[];
  questions: Question[];
  decisions: Decision[];
  papersSentOn?: string;
  heldOn?: string;
  minutes?: { on: string; link?: string };
  cancelledReason?: string;
}

type Check = (context: MeetingContext, event: MeetingEvent) => string | undefined;

/** A check that reads the data of `steps`, with its event typed as one of them. */
const checking = <T extends MeetingEventType>(steps: T | readonly T[], check: (context: MeetingContext, event: EventOf<T>) => string | undefined) =>
  forSteps(steps, check, undefined);

const isPresent = (c: MeetingContext, person: string) => c.present.some((a) => a.person === person);

/**
 * The meeting machine's guards, each as a check that names what is wrong. The machine
 * uses them as guards (allowed when the check returns nothing); people see the text.
 */
export const meetingChecks = {
  heldOnOrAfterItsDate: (c: MeetingContext, e: MeetingEvent) =>
    londonDate(e.at) < c.date ? `This meeting is on ${c.date}: it cannot be recorded as held before then.` : undefined,
  dateChanges: checking('meeting.reschedule', (c, e) => (e.data.date === c.date ? `The meeting is already on ${c.date}.` : undefined)),
  reportExpected: checking('meeting.report.submit', (c, e) => {
    const ws = e.data.workstream;
    if (!c.reports.includes(ws)) return `The working group "${ws}" is not expected to report to this meeting.`;
    return c.received.some((r) => r.workstream === ws) ? `The report of "${ws}" has already been received for this meeting.` : undefined;
  }),
  notYetPresent: checking('meeting.attendance.record', (c, e) => {
    const { person, standingInFor } = e.data;
    if (isPresent(c, person)) return `"${person}" is already recorded as present.`;
    if (standingInFor === person) return 'A person cannot stand in for themselves.';
    if (standingInFor && isPresent(c, standingInFor)) return `"${standingInFor}" is present in person, so no one needs to stand in for them.`;
    if (standingInFor && c.present.some((a) => a.standingInFor === standingInFor)) return `Someone already stands in for "${standingInFor}".`;
    return undefined;
  }),
  isPresent: checking('meeting.attendance.remove', (c, e) => (isPresent(c, e.data.person) ? undefined : `"${e.data.person}" is not recorded as present.`)),
  questionIsNew: checking('meeting.question.ask', (c, e) =>
    c.questions.some((q) => q.id === e.data.questionId) ? `There is already a question with the id "${e.data.questionId}".` : undefined,
  ),
  questionIsOpen: checking('meeting.question.answer', (c, e) => {
    const q = c.questions.find((x) => x.id === e.data.questionId);
    if (!q) return `There is no question with the id "${e.data.questionId}" for this meeting.`;
    return q.answer ? `Question "${q.id}" has already been answered.` : undefined;
  }),
  decisionIsNew: checking('meeting.decision.record', (c, e) =>
    c.decisions.some((d) => d.id === e.data.decisionId) ? `There is already a decision with the id "${e.data.decisionId}".` : undefined,
  ),
} satisfies Record<string, Check>;

export type MeetingGuard = keyof typeof meetingChecks;

const NO_CHANGE: Partial<MeetingContext> = {};
const reading = <T extends MeetingEventType>(steps: T | readonly T[], update: (context: MeetingContext, event: EventOf<T>) => Partial<MeetingContext>) =>
  forSteps(steps, update, NO_CHANGE);

/** What each named action of the machine does to the meeting: an `assign` in the XState machine. */
export const meetingUpdates = {
  sendPapers: (_c: MeetingContext, e: MeetingEvent) => ({ papersSentOn: londonDate(e.at) }),
  reschedule: reading('meeting.reschedule', (c, e) => ({ date: e.data.date, moved: { from: c.moved?.from ?? c.date, reason: e.data.reason } })),
  cancel: reading('meeting.cancel', (_c, e) => ({ cancelledReason: e.data.reason })),
  hold: (_c: MeetingContext, e: MeetingEvent) => ({ heldOn: londonDate(e.at) }),
  publishMinutes: reading('meeting.minutes.publish', (_c, e) => ({ minutes: { on: londonDate(e.at), ...(e.data.link ? { link: e.data.link } : {}) } })),
  receiveReport: reading('meeting.report.submit', (c, e) => {
    const { workstream, summary, link } = e.data;
    const report: ReportReceived = { workstream, on: londonDate(e.at), by: e.actor.userId, ...(summary ? { summary } : {}), ...(link ? { link } : {}) };
    return { received: [...c.received, report] };
  }),
  recordApologies: reading('meeting.apologies.record', (c, e) => {
    const { person, note } = e.data;
    return { apologies: [...c.apologies.filter((a) => a.person !== person), { person, ...(note ? { note } : {}) }] };
  }),
  recordAttendance: reading('meeting.attendance.record', (c, e) => {
    const { person, standingInFor } = e.data;
    const attendee: Attendee = { person, ...(standingInFor ? { standingInFor } : {}), by: e.actor.userId, at: e.at };
    return { present: [...c.present, attendee], apologies: c.apologies.filter((a) => a.person !== person) };
  }),
  removeAttendance: reading('meeting.attendance.remove', (c, e) => ({ present: c.present.filter((a) => a.person !== e.data.person) })),
  askQuestion: reading('meeting.question.ask', (c, e) => ({
    questions: [...c.questions, { id: e.data.questionId, question: e.data.question, askedOn: londonDate(e.at) }],
  })),
  answerQuestion: reading('meeting.question.answer', (c, e) => ({
    questions: c.questions.map((q) => (q.id === e.data.questionId ? { ...q, answer: e.data.answer, answeredOn: londonDate(e.at) } : q)),
  })),
  recordDecision: reading('meeting.decision.record', (c, e) => {
    const { decisionId, decision, action } = e.data;
    return { decisions: [...c.decisions, { id: decisionId, decision, ...(action ? { action } : {}), on: londonDate(e.at), by: e.actor.userId }] };
  }),
} satisfies Record<string, (context: MeetingContext, event: MeetingEvent) => Partial<MeetingContext>>;

export type MeetingUpdate = keyof typeof meetingUpdates;
type On = Record<string, { target?: string; guard?: MeetingGuard; actions?: MeetingUpdate }>;

/** Before the meeting: questions come in, reports arrive, apologies are sent, the date can move. */
const beforeMeeting: On = {
  'meeting.reschedule': { guard: 'dateChanges', actions: 'reschedule' },
  'meeting.cancel': { target: 'cancelled', actions: 'cancel' },
  'meeting.hold': { target: 'held', guard: 'heldOnOrAfterItsDate', actions: 'hold' },
  'meeting.report.submit': { guard: 'reportExpected', actions: 'receiveReport' },
  'meeting.apologies.record': { actions: 'recordApologies' },
  'meeting.question.ask': { guard: 'questionIsNew', actions: 'askQuestion' },
};

/**
 * The lifecycle of a board meeting: the configuration of the XState machine
 * (`meetingMachine`, in `@pledgeflow/core/xstate`), which the tracker folds directly.
 */
export const meetingLifecycleConfig = {
  id: 'meeting',
  context: ({ input }: { input: Meeting }): MeetingContext => ({
    id: input.id,
    date: input.date,
    reports: [...input.reports],
    received: [],
    present: [],
    apologies: [],
    questions: [],
    decisions: [],
  }),
  initial: 'planned',
  states: {
    planned: {
      on: { ...beforeMeeting, 'meeting.papers.send': { target: 'papersOut', actions: 'sendPapers' } },
    },
    papersOut: { on: beforeMeeting },
    held: {
      on: {
        'meeting.attendance.record': { guard: 'notYetPresent', actions: 'recordAttendance' },
        'meeting.attendance.remove': { guard: 'isPresent', actions: 'removeAttendance' },
        'meeting.apologies.record': { actions: 'recordApologies' },
        'meeting.report.submit': { guard: 'reportExpected', actions: 'receiveReport' },
        'meeting.question.ask': { guard: 'questionIsNew', actions: 'askQuestion' },
        'meeting.question.answer': { guard: 'questionIsOpen', actions: 'answerQuestion' },
        'meeting.decision.record': { guard: 'decisionIsNew', actions: 'recordDecision' },
        'meeting.minutes.publish': { target: 'minutesPublished', actions: 'publishMinutes' },
      },
    },
    minutesPublished: {
      on: {
        // A question answered in writing after the meeting.
        'meeting.question.answer': { guard: 'questionIsOpen', actions: 'answerQuestion' },
      },
    },
    cancelled: { type: 'final' },
  },
} as const;

export const meetingLifecycle: Lifecycle<MeetingContext, MeetingEvent, Meeting> = {
  config: meetingLifecycleConfig,
  implementations: {
    guards: Object.fromEntries(Object.entries(meetingChecks).map(([name, check]) => [name, (c: MeetingContext, e: MeetingEvent) => !(check as Check)(c, e)])),
    updates: meetingUpdates as unknown as Lifecycle<MeetingContext, MeetingEvent, Meeting>['implementations']['updates'],
  },
};
