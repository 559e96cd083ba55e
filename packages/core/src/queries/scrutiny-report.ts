import { boardDeadlines } from '../calendar/deadlines.js';
import { daysBetween } from '../calendar/dates.js';
import type { PlanState } from '../tracker/tracker.js';
import { boardReport } from './board-report.js';
import { countChangesSince } from './changes.js';
import { principleGaps } from './coverage.js';
import { youSaidWeDid } from './feedback.js';
import { measureProgress } from './measures.js';
import { promiseReviewsOverdue } from './overdue.js';
import { reportFacts } from './report-facts.js';
import { checkToday } from './today.js';

import type { ScrutinyReport } from './report-types.js';

export type { Row, ScrutinyReport } from './report-types.js';
export { DUE_SOON_WORKING_DAYS } from './report-types.js';

/**
 * The scrutiny report for `today` (a UK calendar date). The same answers as the queries it is
 * named after (overdueActions, reviewsOverdue, rollUp by working group and the rest), worked
 * out in one pass over the actions (report-facts.ts), once per plan state and day: asked again,
 * it hands out the same frozen lists and rows (a new report object around them).
 */
export function scrutinyReport(state: PlanState, today: string): ScrutinyReport {
  checkToday(today);
  const { plan } = state;
  const facts = reportFacts(state, today);
  const n = facts.names;
  // Remembered per state and day, and frozen: handed out as they are, never copied.
  const { overdue, reviewsOverdue: reviews, evidenceAwaitingReview: waiting, atRisk, slippedDueDates: slipped, dueSoon, actions } = facts;
  const { promisesWithoutEvidence: noEvidence, byWorkstream, byStatus, byState } = facts;
  const promiseReviews = promiseReviewsOverdue(state, today).map(({ promise: p, daysOverdue }) => ({
    id: p.id, number: p.number, title: p.title, owner: n.person(p.owner), reviewDate: p.reviewDate!, daysOverdue,
  }));
  const principles = principleGaps(facts.served);
  const feedback = youSaidWeDid(plan);
  // The board's meetings as they stand: at their dates as moved, cancelled ones left out.
  const meetings = state.meetings.filter((m) => m.state !== 'cancelled');
  const last = meetings.filter((m) => m.date < today).at(-1);
  const next = meetings.find((m) => m.date >= today);
  const deadlines = next ? boardDeadlines(next.date, plan.board) : undefined;
  const { board, recommendations } = boardReport(state, today);

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
      dueSoon: dueSoon.length,
      atRisk: atRisk.length,
      slippedDueDates: slipped.length,
      promises: state.promises.length,
      promisesWithoutEvidence: noEvidence.length,
      principlesWithoutActions: principles.length,
      unansweredFeedback: feedback.unanswered.length,
      changesSinceLastMeeting: last ? countChangesSince(state, last.date) : everyChange(state, facts.actionEvents),
      meetingsNotQuorate: board.meetingsNotQuorate.length,
      attendanceBelowExpectation: board.attendanceBelowExpectation.length,
      reportsNotReceived: board.reportsNotReceived.length,
      recommendations: recommendations.total,
      responsesOverdue: recommendations.responsesOverdue.length,
      awaitingSignOff: recommendations.awaitingSignOff.length,
      rejectedRecommendations: recommendations.rejected.length,
    },
    overdue,
    reviewsOverdue: reviews,
    promiseReviewsOverdue: promiseReviews,
    evidenceAwaitingReview: waiting,
    dueSoon,
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
    actions,
    ...(last ? { lastMeeting: { date: last.date, theme: last.theme } } : {}),
    ...(next && deadlines
      ? { nextMeeting: { date: next.date, theme: next.theme, papersDue: deadlines.papers, childrenInCareCouncilReportDue: deadlines.childrenInCareCouncil, minutesDue: deadlines.minutes } }
      : {}),
    board,
    recommendations,
  };
}

/** How many events the plan has had: counted from the items (the actions' from their report lines), so that a tracker need not read its whole log. */
function everyChange(state: PlanState, actionEvents: number): number {
  let n = actionEvents;
  for (const p of state.promises) n += p.eventCount;
  return n;
}
