import * as z from 'zod/mini';
import { CalendarDate, HttpsLink, Id, Principle, text } from './primitives.js';
import { RoleSchema } from './roles.js';

const ids = () => z._default(z.array(Id), []);

export const AGENCY_KINDS = [
  'council',
  'health',
  'police',
  'education',
  'housing',
  'justice',
  'voluntary',
  'other',
] as const;

export const AgencySchema = z.strictObject({
  id: Id,
  name: text(120),
  kind: z._default(z.enum(AGENCY_KINDS, { error: `expected an agency kind: ${AGENCY_KINDS.join(', ')}` }), 'other'),
});

/** Staff and board members only: a plan never lists children. */
export const PersonSchema = z.strictObject({
  id: Id,
  name: text(120),
  jobTitle: z.optional(text(160)),
  agency: Id,
  role: RoleSchema,
  /**
   * How the council's identity provider names this person (their sign-in name or email), for
   * a sync server to find them from a verified token. Not shown anywhere.
   */
  login: z.optional(text(254)),
});

export const WorkstreamSchema = z.strictObject({
  id: Id,
  name: text(120),
  lead: Id,
});

export const PromiseSchema = z.strictObject({
  id: Id,
  number: z.int().check(z.minimum(1, 'expected a promise number of 1 or more')),
  title: text(200),
  childFriendly: text(600),
  owner: Id,
  principles: z.array(Principle).check(z.minLength(1, 'name at least one principle (1 to 7)')),
  reviewDate: z.optional(CalendarDate),
});

export const ActionSchema = z.strictObject({
  id: Id,
  title: text(200),
  description: z.optional(text(4000)),
  leadAgency: Id,
  owner: z.optional(Id),
  partners: ids(),
  workstream: Id,
  promises: ids(),
  principles: z._default(z.array(Principle), []),
  dueDate: z.optional(CalendarDate),
  reviewDate: z.optional(CalendarDate),
  /** The board meeting whose decision raised this action (an "action arising"), by its id. */
  raisedAt: z.optional(Id),
  /** Days between reviews; recording a review moves the next review date on by this much. */
  reviewIntervalDays: z._default(
    z.int().check(z.minimum(1, 'expected at least 1 day'), z.maximum(366, 'expected at most 366 days')),
    91,
  ),
});

export const MEASURE_UNITS = ['percent', 'number', 'rate-per-10000', 'days'] as const;

export const ObservationSchema = z.strictObject({
  period: text(40),
  value: z.number(),
  source: text(200),
});

export const MeasureSchema = z.strictObject({
  id: Id,
  title: text(200),
  unit: z.enum(MEASURE_UNITS, { error: `expected a unit: ${MEASURE_UNITS.join(', ')}` }),
  direction: z.enum(['higher', 'lower'], { error: 'expected "higher" or "lower" (which is better)' }),
  target: z.number(),
  baseline: z.optional(z.strictObject({ period: text(40), value: z.number() })),
  /** Oldest first. */
  observations: z._default(z.array(ObservationSchema), []),
  promises: ids(),
});

/** A meeting of the board: a tracked item with its own lifecycle (planned, papers out, held, minutes published). */
export const MeetingSchema = z.strictObject({
  id: Id,
  date: CalendarDate,
  /** The theme of the reporting cycle this meeting takes ("Health", "Housing, placements and transitions"). */
  theme: text(200),
  /** How the meeting is named on screen; "Board meeting, 12 March 2027" when left out. */
  title: z.optional(text(200)),
  /** The working groups expected to report to this meeting, by id. */
  reports: ids(),
});

/** The overview and scrutiny committee, and how long the executive has to answer its recommendations. */
export const ScrutinySchema = z.strictObject({
  committee: z._default(text(200), 'Overview and Scrutiny Committee'),
  /** The executive answers each recommendation within this many calendar months of it being made. */
  responseMonths: z._default(z.int().check(z.minimum(1), z.maximum(12)), 2),
});

/** A scrutiny review: a panel's report, whose recommendations are tracked. */
export const ReviewSchema = z.strictObject({
  id: Id,
  title: text(200),
  /** The date the panel's report was made to the executive. */
  reportedOn: CalendarDate,
});

/** A scrutiny panel's recommendation: a tracked item (made, responded to, in progress, implemented, signed off). */
export const RecommendationSchema = z.strictObject({
  id: Id,
  /** The review that made it, by id. */
  review: Id,
  number: z.int().check(z.minimum(1, 'expected a recommendation number of 1 or more')),
  /** What the panel recommends, in its words. */
  title: text(600),
  /** When it was made: the executive's response is due `scrutiny.responseMonths` after. */
  madeOn: CalendarDate,
  /** The lead officer or cabinet member who answers for it, if named. */
  owner: z.optional(Id),
  /** The action-plan items that deliver it. */
  actions: ids(),
  promises: ids(),
});

export const FeedbackSchema = z.strictObject({
  id: Id,
  /** What children asked for ("you said"). */
  said: text(1000),
  date: CalendarDate,
  from: z._default(text(120), 'Children in Care Council'),
  promises: ids(),
  actions: ids(),
  /** What was done ("we did"), once there is an answer. */
  response: z.optional(z.strictObject({ did: text(1000), date: CalendarDate })),
});

export const BoardSchema = z.strictObject({
  name: z._default(text(120), 'Corporate Parenting Board'),
  /** Papers go to members this many working days before a meeting. */
  papersWorkingDaysBefore: z._default(z.int().check(z.minimum(0), z.maximum(60)), 5),
  /** Reports go to the Children in Care Council this many calendar days before. */
  childrenInCareCouncilDaysBefore: z._default(z.int().check(z.minimum(0), z.maximum(120)), 21),
  /** Minutes are circulated this many calendar days after. */
  minutesDaysAfter: z._default(z.int().check(z.minimum(0), z.maximum(120)), 14),
  /** The council's own closure days, on top of bank holidays. */
  closures: z._default(z.array(CalendarDate), []),
  /** The board meets at least this many times a year. */
  meetingsPerYear: z._default(z.int().check(z.minimum(1), z.maximum(52)), 4),
  /** A meeting is quorate when people from at least this many agencies attend. */
  quorumAgencies: z._default(z.int().check(z.minimum(1), z.maximum(50)), 3),
  /** Each member is expected to attend at least this share of meetings, in per cent. */
  attendanceExpectedPercent: z._default(z.int().check(z.minimum(0), z.maximum(100)), 75),
  /** The board's members, by person id; when left out, everyone with the board-member role. */
  members: ids(),
});

export const BragSettingsSchema = z.strictObject({
  /** Amber when the due date is this many working days away or fewer (0: only when at risk or review overdue). */
  amberWithinWorkingDays: z._default(z.int().check(z.minimum(0), z.maximum(60)), 0),
  /** Amber when the review date has passed. */
  amberWhenReviewOverdue: z._default(z.boolean(), true),
  /** Red only once this many working days overdue (0: the day after the due date). */
  redAfterWorkingDays: z._default(z.int().check(z.minimum(0), z.maximum(60)), 0),
});

export const PlanSchema = z.strictObject({
  id: Id,
  title: text(200),
  council: text(120),
  period: z.strictObject({ start: CalendarDate, end: CalendarDate }),
  /** What happens when free text looks like a child's personal data. */
  privacy: z._default(z.enum(['warn', 'refuse'], { error: 'expected "warn" or "refuse"' }), 'warn'),
  board: z.prefault(BoardSchema, {}),
  brag: z.prefault(BragSettingsSchema, {}),
  agencies: z.array(AgencySchema).check(z.minLength(1, 'a plan needs at least one agency')),
  people: z.array(PersonSchema).check(z.minLength(1, 'a plan needs at least one person')),
  workstreams: z.array(WorkstreamSchema).check(z.minLength(1, 'a plan needs at least one workstream')),
  promises: z._default(z.array(PromiseSchema), []),
  actions: z._default(z.array(ActionSchema), []),
  measures: z._default(z.array(MeasureSchema), []),
  meetings: z._default(z.array(MeetingSchema), []),
  scrutiny: z.prefault(ScrutinySchema, {}),
  reviews: z._default(z.array(ReviewSchema), []),
  recommendations: z._default(z.array(RecommendationSchema), []),
  feedback: z._default(z.array(FeedbackSchema), []),
  links: z._default(z.array(z.strictObject({ title: text(200), href: HttpsLink })), []),
});

export type Agency = z.infer<typeof AgencySchema>;
export type Person = z.infer<typeof PersonSchema>;
export type Workstream = z.infer<typeof WorkstreamSchema>;
export type PledgePromise = z.infer<typeof PromiseSchema>;
export type ActionItem = z.infer<typeof ActionSchema>;
export type Measure = z.infer<typeof MeasureSchema>;
export type Observation = z.infer<typeof ObservationSchema>;
export type Meeting = z.infer<typeof MeetingSchema>;
export type ScrutinySettings = z.infer<typeof ScrutinySchema>;
export type Review = z.infer<typeof ReviewSchema>;
export type Recommendation = z.infer<typeof RecommendationSchema>;
export type Feedback = z.infer<typeof FeedbackSchema>;
export type BoardSettings = z.infer<typeof BoardSchema>;
export type BragSettings = z.infer<typeof BragSettingsSchema>;
export type Plan = z.infer<typeof PlanSchema>;
/** A plan as written in a file, before defaults are filled in. */
export type PlanInput = z.input<typeof PlanSchema>;
