import { boardDeadlines } from '../calendar/deadlines.js';
import { daysBetween } from '../calendar/dates.js';
import type { ActionState } from '../machines/states.js';
import type { PlanState } from '../tracker/tracker.js';
import type { Brag } from './brag.js';
import { countChangesSince } from './changes.js';
import { principleGaps } from './coverage.js';
import { youSaidWeDid } from './feedback.js';
import { measureProgress } from './measures.js';
import { promiseReviewsOverdue } from './overdue.js';
import { reportFacts } from './report-facts.js';
import type { RollUpGroup } from './rollup.js';
import { checkToday } from './today.js';

/** @internal A row of one of the report's lists. */
export type Row<K extends keyof ScrutinyReport> = ScrutinyReport[K] extends readonly (infer R)[] ? R : never;

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

// Copies of the remembered rows. Spreading a plain object keeps its keys in order and is one
// step for V8; each list has its own copier so that each copies one or two shapes of row.
type Change = Row<'slippedDueDates'>['changes'][number];
const copyOverdue = (r: Row<'overdue'>): Row<'overdue'> => ({ ...r });
const copyReview = (r: Row<'reviewsOverdue'>): Row<'reviewsOverdue'> => ({ ...r });
const copyWaiting = (r: Row<'evidenceAwaitingReview'>): Row<'evidenceAwaitingReview'> => ({ ...r });
const copyAtRisk = (r: Row<'atRisk'>): Row<'atRisk'> => ({ ...r });
const copyChange = (c: Change): Change => ({ ...c });
const copySlipped = (r: Row<'slippedDueDates'>): Row<'slippedDueDates'> => ({ ...r, changes: r.changes.map(copyChange) });
const copyGap = (r: Row<'promisesWithoutEvidence'>): Row<'promisesWithoutEvidence'> => ({ ...r });
const copyGroup = (g: RollUpGroup): RollUpGroup => ({ ...g, counts: { ...g.counts }, actions: g.actions.slice() });

/**
 * The scrutiny report for `today` (a UK calendar date). The same answers as the queries it is
 * named after (overdueActions, reviewsOverdue, rollUp by working group and the rest), worked
 * out in one pass over the actions (report-facts.ts), once per plan state and day: asked again,
 * it hands out a fresh copy.
 */
export function scrutinyReport(state: PlanState, today: string): ScrutinyReport {
  checkToday(today);
  const { plan } = state;
  const facts = reportFacts(state, today);
  const n = facts.names;
  const overdue = facts.overdue.map(copyOverdue);
  const reviews = facts.reviewsOverdue.map(copyReview);
  const waiting = facts.evidenceAwaitingReview.map(copyWaiting);
  const atRisk = facts.atRisk.map(copyAtRisk);
  const slipped = facts.slippedDueDates.map(copySlipped);
  const noEvidence = facts.promisesWithoutEvidence.map(copyGap);
  const byWorkstream = facts.byWorkstream.map(copyGroup);
  const byStatus = { ...facts.byStatus };
  const byState = { ...facts.byState };
  const promiseReviews = promiseReviewsOverdue(state, today).map(({ promise: p, daysOverdue }) => ({
    id: p.id, number: p.number, title: p.title, owner: n.person(p.owner), reviewDate: p.reviewDate!, daysOverdue,
  }));
  const principles = principleGaps(facts.served);
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
      changesSinceLastMeeting: last ? countChangesSince(state, last.date) : everyChange(state),
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

/** How many events the plan has had: counted from the items, so that a tracker need not read its whole log. */
function everyChange(state: PlanState): number {
  let n = 0;
  for (const a of state.actions) n += a.eventCount;
  for (const p of state.promises) n += p.eventCount;
  return n;
}
