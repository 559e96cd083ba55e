// The shape of the scrutiny report (what `pledgeflow report --format json` prints), apart from
// the code that makes it, so that the parts of that code can share it.
import type { ActionState, RecommendationState } from '../machines/states.js';
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
    /** Held meetings that were not quorate. */
    meetingsNotQuorate: number;
    /** Board members who attended fewer meetings in the last 12 months than the board expects. */
    attendanceBelowExpectation: number;
    /** Reports from working groups not in by a meeting's papers deadline (missing or late). */
    reportsNotReceived: number;
    recommendations: number;
    responsesOverdue: number;
    awaitingSignOff: number;
    rejectedRecommendations: number;
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
  /** The board's year: quorum, attendance, reports to meetings, the reporting schedule. */
  board: BoardSection;
  /** The scrutiny panel's recommendations: responses overdue, awaiting sign-off, rejected, and how many are in each state. */
  recommendations: RecommendationsSection;
}

/** The report's section on the board. Names, not ids, except in the `id` fields; each row says why in `reason`. */
export interface BoardSection {
  /** Held meetings that were not quorate, oldest first; `agencies` are the names of those present. */
  meetingsNotQuorate: List<{ id: string; title: string; date: string; agencies: readonly string[]; needed: number; reason: string }>;
  /** Members whose attendance in person over the 12 months to the report's day is below `expectedPercent`. */
  attendanceBelowExpectation: List<{
    personId: string; person: string; agency: string; held: number; attended: number; represented: number; percent: number; expectedPercent: number; reason: string;
  }>;
  /** Reports expected from working groups and not in by the papers deadline: `missing`, or `late` (received after it). */
  reportsNotReceived: List<{
    meetingId: string; meeting: string; date: string; workstreamId: string; workstream: string; lead?: string;
    papersDue: string; status: 'missing' | 'late'; receivedOn?: string; reason: string;
  }>;
  /** The annual schedule of reporting over the plan's period, and whether it is on track. */
  schedule: Readonly<{
    onTrack: boolean;
    meetings: number;
    expectedMeetings: number;
    reason: string;
    workingGroups: List<{
      id: string; name: string; lead?: string; onTrack: boolean; reason: string;
      reports: List<{ meeting: string; date: string; theme: string; status: 'received' | 'late' | 'missing' | 'due' | 'cancelled' }>;
    }>;
  }>;
}

/** A recommendation as the report names it: "Recommendation 3" of a review, its words, and who answers for it. */
interface NamedRecommendation { id: string; number: number; name: string; review: string; title: string; owner?: string }

/** The report's section on scrutiny recommendations. */
export interface RecommendationsSection {
  total: number;
  byState: Readonly<Record<RecommendationState, number>>;
  /** Recommendations whose response from the executive is past due, most overdue first. */
  responsesOverdue: List<NamedRecommendation & { due: string; daysOverdue: number; reason: string }>;
  /** Ones the committee could sign off: implemented, or every linked action done. */
  awaitingSignOff: List<NamedRecommendation & { reason: string }>;
  /** Ones the executive rejected: `executiveReason` in its words, `reason` the whole story. */
  rejected: List<NamedRecommendation & { respondedOn: string; executiveReason: string; signedOff: boolean; reason: string }>;
}
