// The shape of the scrutiny report (what `pledgeflow report --format json` prints), apart from
// the code that makes it, so that the parts of that code can share it.
import type { ActionState } from '../machines/states.js';
import type { Brag } from './brag.js';
import type { RollUpGroup } from './rollup.js';

/** How far ahead, in working days, the report's "due soon" looks when the plan's amber window is shorter. */
export const DUE_SOON_WORKING_DAYS = 10;

/** @internal A row of one of the report's lists. */
export type Row<K extends keyof ScrutinyReport> = ScrutinyReport[K] extends readonly (infer R)[] ? R : never;

/** A list in the report: frozen, as its rows are. */
type List<T> = readonly Readonly<T>[];

/** Everything a scrutiny panel asks of the plan on one day, in one plain object (what `pledgeflow report --format json` prints). */
export interface ScrutinyReport {
  plan: { id: string; title: string; council: string; period: { start: string; end: string } };
  today: string;
  counts: {
    actions: number;
    byStatus: Readonly<Record<Brag, number>>;
    byState: Readonly<Record<ActionState, number>>;
    overdue: number;
    reviewsOverdue: number;
    promiseReviewsOverdue: number;
    evidenceAwaitingReview: number;
    dueSoon: number;
    atRisk: number;
    slippedDueDates: number;
    promises: number;
    promisesWithoutEvidence: number;
    principlesWithoutActions: number;
    unansweredFeedback: number;
    changesSinceLastMeeting: number;
  };
  overdue: List<{
    id: string; title: string; owner: string; ownerId?: string; leadAgency: string; leadAgencyId: string;
    workstream: string; state: ActionState; dueDate: string; daysOverdue: number; workingDaysOverdue: number;
  }>;
  reviewsOverdue: List<{ id: string; title: string; owner: string; reviewDate: string; daysOverdue: number }>;
  promiseReviewsOverdue: List<{ id: string; number: number; title: string; owner: string; reviewDate: string; daysOverdue: number }>;
  evidenceAwaitingReview: List<{ actionId: string; actionTitle: string; evidenceId: string; summary: string; agency: string; submittedBy: string; daysWaiting: number }>;
  /** Open actions due from today up to {@link DUE_SOON_WORKING_DAYS} working days ahead (or the plan's amber window, if longer), soonest first. */
  dueSoon: List<{ id: string; title: string; owner: string; dueDate: string; daysLeft: number }>;
  atRisk: List<{ id: string; title: string; owner: string; leadAgency: string; dueDate?: string; reason?: string }>;
  slippedDueDates: List<{
    id: string; title: string; owner: string; originalDueDate?: string; currentDueDate?: string;
    changes: List<{ from?: string; to: string; reason: string; on: string; by: string }>;
  }>;
  promisesWithoutEvidence: List<{ id: string; number: number; title: string; owner: string; actions: number }>;
  principlesWithoutActions: List<{ principle: number; text: string }>;
  youSaidWeDid: {
    answered: { id: string; said: string; date: string; did: string; answeredOn: string }[];
    unanswered: { id: string; said: string; date: string; daysWaiting: number }[];
  };
  measures: { id: string; title: string; latest?: { period: string; value: number }; target: number; direction: 'higher' | 'lower'; meetsTarget?: boolean; trend: string; summary: string }[];
  byWorkstream: readonly RollUpGroup[];
  /**
   * Every action, in plan order, with its BRAG status and the word beside it; `amberBecause`
   * says why an amber action is amber: `flagged` at risk, only its `review` date passed (shown
   * as "Review overdue"), or `due` soon or within the red grace.
   */
  actions: List<{ id: string; title: string; status: Brag; label: string; amberBecause?: 'flagged' | 'review' | 'due' }>;
  lastMeeting?: { date: string; theme: string };
  nextMeeting?: { date: string; theme: string; papersDue: string; childrenInCareCouncilReportDue: string; minutesDue: string };
}
