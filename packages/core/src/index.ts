// @pledgeflow/core: the public API. Nothing else in this package is importable.

// Schema and types
export { Id, CalendarDate, Instant, HttpsLink, Principle } from './schema/primitives.js';
export { PRINCIPLES, PLAN_YEARS, isCalendarDate, isPlanDate, isInstant, isSafeLink, isCanonicalInstant, canonicalInstant, hasVisibleText } from './schema/checks.js';
export type { PrincipleNumber } from './schema/checks.js';
export { ROLES, ROLE_LABELS, RoleSchema } from './schema/roles.js';
export type { Role } from './schema/roles.js';
export {
  PlanSchema, ActionSchema, PromiseSchema, AgencySchema, PersonSchema, WorkstreamSchema, MeasureSchema,
  ObservationSchema, MeetingSchema, FeedbackSchema, BoardSchema, BragSettingsSchema, AGENCY_KINDS, MEASURE_UNITS,
  ScrutinySchema, ReviewSchema, RecommendationSchema,
} from './schema/plan.js';
export { meetingTitle, recommendationTitle, itemTitle } from './schema/titles.js';
export { planNames } from './schema/plan-names.js';
export type { PlanNames } from './schema/plan-names.js';
export type {
  Plan, PlanInput, ActionItem, PledgePromise, Agency, Person, Workstream, Measure, Observation, Meeting, Feedback,
  BoardSettings, BragSettings, ScrutinySettings, Review, Recommendation,
} from './schema/plan.js';
export { EVENT_DATA, EVENT_FIELDS, EVENT_TYPES, JUDGEMENTS, RESPONSES, ActorSchema, EventEnvelopeSchema } from './schema/events.js';
export { ACTION_STEPS, PROMISE_STEPS, MEETING_STEPS, RECOMMENDATION_STEPS } from './schema/event-fields.js';
export type {
  Actor, EventType, EventData, ActionEventType, PromiseEventType, MeetingEventType, RecommendationEventType, PledgeEvent, EventInput,
} from './schema/events.js';
export { formatPath, formatProblem, problemsFromZod } from './schema/issues.js';
export type { InputProblem } from './schema/issues.js';

// Machines
export { ACTION_STATES, PROMISE_STATES, MEETING_STATES, RECOMMENDATION_STATES } from './machines/states.js';
export type { MeetingState, RecommendationState, AnyItemState } from './machines/states.js';
export { ACTION_MACHINE_VERSION, actionLifecycle } from './machines/action.lifecycle.js';
export type { ActionEvent } from './machines/action.lifecycle.js';
export type { ActionState } from './machines/states.js';
export { actionChecks } from './machines/action.guards.js';
export type { ActionContext, Evidence, EvidenceStatus, DueDateChange } from './machines/action.context.js';
export { EVIDENCE_STATUSES } from './machines/action.context.js';
export { PROMISE_MACHINE_VERSION, promiseLifecycle } from './machines/promise.lifecycle.js';
export type { PromiseContext, PromiseEvent, Judgement } from './machines/promise.lifecycle.js';
export type { PromiseState } from './machines/states.js';
export { MEETING_MACHINE_VERSION, meetingLifecycle, meetingChecks } from './machines/meeting.lifecycle.js';
export type { MeetingContext, MeetingEvent, Attendee, ReportReceived, Question, Decision as MeetingDecision } from './machines/meeting.lifecycle.js';
export { RECOMMENDATION_MACHINE_VERSION, recommendationLifecycle } from './machines/recommendation.lifecycle.js';
export type { RecommendationContext, RecommendationEvent, Response as RecommendationResponse } from './machines/recommendation.lifecycle.js';
export { startLifecycle, stepLifecycle, lifecycleAccepts, restoreLifecycle } from './machines/lifecycle.js';
export type { Lifecycle, LifecycleSnapshot, LifecycleConfig } from './machines/lifecycle.js';

// Policy
export { POLICY, may, stepName } from './policy/policy.js';
export { actorProblems } from './policy/actor.js';
export { PERIOD_MARGIN_DAYS, MAX_CLOCK_AHEAD_MS } from './decide/time-limits.js';
export type { Scope, PolicyTarget } from './policy/policy.js';

// Tracker
export { Tracker, createTracker, openTracker } from './tracker/tracker.js';
export { decide, eventWarnings } from './decide/decide.js';
export type { ItemState, Verdict, DecideOptions } from './decide/decide.js';
export { fold, foldItem, findItem, planItems } from './decide/fold.js';
export type { Folded } from './decide/fold.js';
export { ITEM_KINDS } from './items/kinds.js';
export type { ItemKind, ItemKindDescriptor, PlanItem } from './items/kinds.js';
export { parseEvent, readEvent, isParsedEvent } from './events/parse.js';
export { compareEvents, sameEvent, differences as eventDifferences } from './events/order.js';
export type {
  TrackerOptions, StepInput, StepOptions, SendResult, Decision, RejectedEvent, HistoryEntry, TrackerChange, ActionFilter, NextStep, PlanState,
} from './tracker/tracker.js';
export type { ActionView, PromiseView, MeetingView, RecommendationView, ItemView } from './items/views.js';
export { STATE_LABELS, CLOSED_ACTION_STATES } from './items/views.js';
export type { ItemSnapshot } from './items/snapshot.js';
export { describeEvent } from './tracker/describe.js';
export type { EventContext } from './tracker/describe.js';
export { createEventId } from './tracker/event-id.js';

// Store
export type { EventStore, StoredLog, RefusedStep } from './store/event-store.js';
export { MemoryStore } from './store/memory-store.js';
export { splitAtSnapshots } from './store/covered.js';

// Calendar
export { addDays, daysBetween, dayOfWeek, isWeekend, compareDates, londonDate, todayInLondon, startOfLondonDay, longDate, addMonths } from './calendar/dates.js';
export { bankHolidays, easterSunday, isBankHoliday } from './calendar/bank-holidays.js';
export { isWorkingDay, addWorkingDays, workingDaysBetween, nextWorkingDay, previousWorkingDay } from './calendar/working-days.js';
export type { CalendarOptions } from './calendar/working-days.js';
export { boardDeadlines } from './calendar/deadlines.js';
export type { BoardDeadlineSettings } from './calendar/deadlines.js';

// Queries
export { bragStatus, BRAG, BRAG_LABELS, BRAG_WORST_FIRST, DEFAULT_BRAG_SETTINGS } from './queries/brag.js';
export { bragGrounds } from './queries/brag.js';
export type { Brag, BragResult, BragGrounds, BragRule } from './queries/brag.js';
export { amberReason, REVIEW_OVERDUE_LABEL } from './queries/review-overdue.js';
export type { AmberReason } from './queries/review-overdue.js';
export { overdueActions, dueSoon, reviewsOverdue, promiseReviewsOverdue, evidenceAwaitingReview, isOpen } from './queries/overdue.js';
export type { OverdueAction, ReviewOverdue, PromiseReviewOverdue, EvidenceAwaitingReview } from './queries/overdue.js';
export { rollUp } from './queries/rollup.js';
export type { RollUpBy, RollUpGroup } from './queries/rollup.js';
export { principlesWithoutActions, promisesWithoutEvidence } from './queries/coverage.js';
export type { PrincipleGap, PromiseEvidenceGap } from './queries/coverage.js';
export { slippedDueDates } from './queries/slipped.js';
export type { SlippedDueDate } from './queries/slipped.js';
export { measureProgress } from './queries/measures.js';
export type { MeasureProgress } from './queries/measures.js';
export { youSaidWeDid } from './queries/feedback.js';
export type { YouSaidWeDid } from './queries/feedback.js';
export { changesSince, countChangesSince } from './queries/changes.js';
export type { Change } from './queries/changes.js';
export { quorumOf, meetingsNotQuorate, boardMembers, boardAttendance, reportsNotReceived, reportingSchedule, nextMeeting } from './queries/board.js';
export type { Quorum, MemberAttendance, ExpectedReport, ScheduledReport, ScheduleRow, ReportingSchedule, NextMeeting } from './queries/board.js';
export { responseDue, responsesOverdue, awaitingSignOff, rejectedRecommendations } from './queries/recommendations.js';
export type { ResponseOverdue, AwaitingSignOff, RejectedRecommendation } from './queries/recommendations.js';
export { scrutinyReport, DUE_SOON_WORKING_DAYS } from './queries/scrutiny-report.js';
export type { ScrutinyReport } from './queries/scrutiny-report.js';

// Files in and out
export { parsePlanFile, loadPlan, stringifyPlanFile, PlanFileError, PLAN_FORMAT, PLAN_FORMAT_VERSION, PLAN_MIGRATIONS } from './io/plan-file.js';
export type { PlanFileResult, PlanMigration } from './io/plan-file.js';
export { checkPlanReferences } from './io/references.js';
export { parseEventLog, stringifyEventLog } from './io/event-log.js';
export type { EventLogProblem, EventLogResult, EventLogOptions } from './io/event-log.js';
export { MAX_PROBLEMS, formatMoreProblems } from './io/problem-limit.js';
export type { LimitedProblems } from './io/problem-limit.js';
// CSV and report formats: `@pledgeflow/core/formats`.

// Privacy
export { findPersonalData, isValidNhsNumber } from './privacy/personal-data.js';
export type { PersonalDataFinding, PersonalDataKind } from './privacy/personal-data.js';
