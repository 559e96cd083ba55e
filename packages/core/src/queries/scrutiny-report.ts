import { boardDeadlines } from '../calendar/deadlines.js';
import { daysBetween } from '../calendar/dates.js';
import type { ActionState } from '../machines/states.js';
import type { Plan } from '../schema/plan.js';
import type { PlanState } from '../tracker/tracker.js';
import { ACTION_STATES } from '../machines/states.js';
import type { Brag } from './brag.js';
import { principlesWithoutActions } from './coverage.js';
import { promisesWithoutEvidence } from './coverage.js';
import { youSaidWeDid } from './feedback.js';
import { measureProgress } from './measures.js';
import { evidenceAwaitingReview, overdueActions, promiseReviewsOverdue, reviewsOverdue } from './overdue.js';
import { rollUp, type RollUpGroup } from './rollup.js';
import { slippedDueDates } from './slipped.js';
import { checkToday } from './today.js';
import { countChangesSince } from './changes.js';
import { londonDate } from '../calendar/dates.js';

/** Everything a scrutiny panel asks of the plan on one day, in one plain object (what `pledgeflow report --format json` prints). */
export interface ScrutinyReport {
  plan: { id: string; title: string; council: string; period: { start: string; end: string } };
  today: string;
  counts: {
    actions: number;
    byStatus: Record<Brag, number>;
    byState: Record<ActionState, number>;
    overdue: number;
    reviewsOverdue: number;
    promiseReviewsOverdue: number;
    evidenceAwaitingReview: number;
    atRisk: number;
    slippedDueDates: number;
    promises: number;
    promisesWithoutEvidence: number;
    principlesWithoutActions: number;
    unansweredFeedback: number;
    changesSinceLastMeeting: number;
  };
  overdue: {
    id: string; title: string; owner: string; ownerId?: string; leadAgency: string; leadAgencyId: string;
    workstream: string; state: ActionState; dueDate: string; daysOverdue: number; workingDaysOverdue: number;
  }[];
  reviewsOverdue: { id: string; title: string; owner: string; reviewDate: string; daysOverdue: number }[];
  promiseReviewsOverdue: { id: string; number: number; title: string; owner: string; reviewDate: string; daysOverdue: number }[];
  evidenceAwaitingReview: { actionId: string; actionTitle: string; evidenceId: string; summary: string; agency: string; submittedBy: string; daysWaiting: number }[];
  atRisk: { id: string; title: string; owner: string; leadAgency: string; dueDate?: string; reason?: string }[];
  slippedDueDates: {
    id: string; title: string; owner: string; originalDueDate?: string; currentDueDate?: string;
    changes: { from?: string; to: string; reason: string; on: string; by: string }[];
  }[];
  promisesWithoutEvidence: { id: string; number: number; title: string; owner: string; actions: number }[];
  principlesWithoutActions: { principle: number; text: string }[];
  youSaidWeDid: {
    answered: { id: string; said: string; date: string; did: string; answeredOn: string }[];
    unanswered: { id: string; said: string; date: string; daysWaiting: number }[];
  };
  measures: { id: string; title: string; latest?: { period: string; value: number }; target: number; direction: 'higher' | 'lower'; meetsTarget?: boolean; trend: string; summary: string }[];
  byWorkstream: RollUpGroup[];
  lastMeeting?: { date: string; theme: string };
  nextMeeting?: { date: string; theme: string; papersDue: string; childrenInCareCouncilReportDue: string; minutesDue: string };
}

function names(plan: Plan) {
  const people = new Map(plan.people.map((p) => [p.id, p.name]));
  const agencies = new Map(plan.agencies.map((a) => [a.id, a.name]));
  const workstreams = new Map(plan.workstreams.map((w) => [w.id, w.name]));
  return {
    person: (id?: string) => (id ? people.get(id) ?? id : 'No owner'),
    agency: (id: string) => agencies.get(id) ?? id,
    workstream: (id: string) => workstreams.get(id) ?? id,
  };
}

/** The scrutiny report for `today` (a UK calendar date). */
export function scrutinyReport(state: PlanState, today: string): ScrutinyReport {
  checkToday(today);
  const { plan } = state;
  const n = names(plan);
  const calendar = { closures: plan.board.closures };

  // Every action is in exactly one working group, so the status counts add up from the
  // roll-up (BRAG is worked out once per action, not twice).
  const byWorkstream = rollUp(state, today, 'workstream', plan.brag, calendar);
  const byStatus: Record<Brag, number> = { blue: 0, red: 0, amber: 0, green: 0, grey: 0 };
  for (const g of byWorkstream) for (const s of Object.keys(byStatus) as Brag[]) byStatus[s] += g.counts[s];
  const byState = Object.fromEntries(ACTION_STATES.map((s) => [s, 0])) as Record<ActionState, number>;
  for (const a of state.actions) byState[a.state]++;

  const overdue = overdueActions(state, today, calendar).map(({ action: a, daysOverdue, workingDaysOverdue }) => ({
    id: a.id, title: a.title, owner: n.person(a.owner), ...(a.owner ? { ownerId: a.owner } : {}),
    leadAgency: n.agency(a.leadAgency), leadAgencyId: a.leadAgency, workstream: n.workstream(a.workstream),
    state: a.state, dueDate: a.dueDate!, daysOverdue, workingDaysOverdue,
  }));
  const reviews = reviewsOverdue(state, today).map(({ action: a, daysOverdue }) => ({
    id: a.id, title: a.title, owner: n.person(a.owner), reviewDate: a.reviewDate!, daysOverdue,
  }));
  const promiseReviews = promiseReviewsOverdue(state, today).map(({ promise: p, daysOverdue }) => ({
    id: p.id, number: p.number, title: p.title, owner: n.person(p.owner), reviewDate: p.reviewDate!, daysOverdue,
  }));
  const waiting = evidenceAwaitingReview(state, today).map(({ action, evidence, daysWaiting }) => ({
    actionId: action.id, actionTitle: action.title, evidenceId: evidence.id, summary: evidence.summary,
    agency: n.agency(evidence.agencyId), submittedBy: n.person(evidence.submittedBy), daysWaiting,
  }));
  const atRisk = state.actions.filter((a) => a.state === 'atRisk').map((a) => ({
    id: a.id, title: a.title, owner: n.person(a.owner), leadAgency: n.agency(a.leadAgency),
    ...(a.dueDate ? { dueDate: a.dueDate } : {}), ...(a.reason ? { reason: a.reason } : {}),
  }));
  const slipped = slippedDueDates(state).map((s) => ({
    id: s.action.id, title: s.action.title, owner: n.person(s.action.owner),
    originalDueDate: s.originalDueDate,
    ...(s.currentDueDate ? { currentDueDate: s.currentDueDate } : {}),
    changes: s.changes.map((c) => ({ ...(c.from ? { from: c.from } : {}), to: c.to, reason: c.reason, on: londonDate(c.at), by: n.person(c.by) })),
  }));
  const noEvidence = promisesWithoutEvidence(state).map(({ promise: p, actions }) => ({
    id: p.id, number: p.number, title: p.title, owner: n.person(p.owner), actions,
  }));
  const principles = principlesWithoutActions(state);
  const feedback = youSaidWeDid(plan);
  const meetings = [...plan.meetings].sort((a, b) => a.date.localeCompare(b.date));
  const last = meetings.filter((m) => m.date < today).at(-1);
  const next = meetings.find((m) => m.date >= today);
  const deadlines = next ? boardDeadlines(next.date, plan.board) : undefined;

  return {
    plan: { id: plan.id, title: plan.title, council: plan.council, period: plan.period },
    today,
    counts: {
      actions: state.actions.length,
      byStatus,
      byState,
      overdue: overdue.length,
      reviewsOverdue: reviews.length,
      promiseReviewsOverdue: promiseReviews.length,
      evidenceAwaitingReview: waiting.length,
      atRisk: atRisk.length,
      slippedDueDates: slipped.length,
      promises: state.promises.length,
      promisesWithoutEvidence: noEvidence.length,
      principlesWithoutActions: principles.length,
      unansweredFeedback: feedback.unanswered.length,
      changesSinceLastMeeting: last ? countChangesSince(state, last.date) : state.events.length,
    },
    overdue,
    reviewsOverdue: reviews,
    promiseReviewsOverdue: promiseReviews,
    evidenceAwaitingReview: waiting,
    atRisk,
    slippedDueDates: slipped,
    promisesWithoutEvidence: noEvidence,
    principlesWithoutActions: principles,
    youSaidWeDid: {
      answered: feedback.answered.map((f) => ({ id: f.id, said: f.said, date: f.date, did: f.response!.did, answeredOn: f.response!.date })),
      unanswered: feedback.unanswered.map((f) => ({ id: f.id, said: f.said, date: f.date, daysWaiting: Math.max(0, daysBetween(f.date, today)) })),
    },
    measures: plan.measures.map((m) => {
      const p = measureProgress(m);
      return {
        id: m.id, title: m.title, ...(p.latest ? { latest: { period: p.latest.period, value: p.latest.value } } : {}),
        target: m.target, direction: m.direction, ...(p.meetsTarget !== undefined ? { meetsTarget: p.meetsTarget } : {}),
        trend: p.trend, summary: p.summary,
      };
    }),
    byWorkstream,
    ...(last ? { lastMeeting: { date: last.date, theme: last.theme } } : {}),
    ...(next && deadlines
      ? { nextMeeting: { date: next.date, theme: next.theme, papersDue: deadlines.papers, childrenInCareCouncilReportDue: deadlines.childrenInCareCouncil, minutesDue: deadlines.minutes } }
      : {}),
  };
}
