import { toDayNumber } from '../calendar/dates.js';
import { Names, reportLine, sharedText, type ReportLine, type SharedText } from '../items/report-line.js';
import type { ActionView } from '../items/views.js';
import type { BragSettings, Plan } from '../schema/plan.js';
import { BRAG_LABELS, bragRule, DEFAULT_BRAG_SETTINGS, statusOfRule, type Brag, type BragRule } from './brag.js';
import { CalendarDay } from './calendar-day.js';
import { DUE_SOON_WORKING_DAYS, type Row } from './report-types.js';

export { Names } from '../items/report-line.js';

/**
 * @internal Everything the report's rows depend on besides the action: the plan (names, BRAG
 * settings, closures) and the day. One per plan, for the last day asked (see {@link reportDay}),
 * so that the rows of an action that has not changed are made once per day, not once per report.
 */
export class ReportDay {
  readonly todayNumber: number;
  readonly names: Names;
  readonly settings: BragSettings;
  readonly calendar: CalendarDay;
  /** The last day the due-soon list reaches. */
  readonly soonUntil: string;
  readonly shared: SharedText;

  constructor(
    readonly plan: Plan,
    readonly today: string,
  ) {
    this.todayNumber = toDayNumber(today);
    this.settings = { ...DEFAULT_BRAG_SETTINGS, ...plan.brag };
    this.calendar = new CalendarDay(today, { closures: plan.board.closures });
    this.soonUntil = this.calendar.workingDaysAhead(Math.max(DUE_SOON_WORKING_DAYS, this.settings.amberWithinWorkingDays));
    this.shared = sharedText(plan);
    this.names = this.shared.names;
  }
}

const days = new WeakMap<Plan, ReportDay>();

/** @internal The report's day for `plan` on `today`: the same object while the same day is asked of the plan. */
export function reportDay(plan: Plan, today: string): ReportDay {
  let day = days.get(plan);
  if (day?.today !== today) days.set(plan, (day = new ReportDay(plan, today)));
  return day;
}

/** @internal What one action brings to the report on one day: its status and its rows, each frozen. */
export interface DayRows {
  readonly line: ReportLine;
  readonly status: Brag;
  readonly action: Row<'actions'>;
  readonly overdue: Row<'overdue'> | undefined;
  readonly review: Row<'reviewsOverdue'> | undefined;
  readonly soon: Row<'dueSoon'> | undefined;
  readonly waiting: readonly Row<'evidenceAwaitingReview'>[];
  readonly atRisk: Row<'atRisk'> | undefined;
  readonly slipped: Row<'slippedDueDates'> | undefined;
}

const NONE: readonly never[] = Object.freeze([]);

/** The day number of a date a line holds: worked out when the line was made, or refused now as toDayNumber would. */
function dayOf(day: number, date: string): number {
  return Number.isNaN(day) ? toDayNumber(date) : day;
}

/**
 * @internal An action's status and rows on `d`'s day, made from its report line (once per view).
 * Given the rows it had `before` a change, a row that says the same is the row it was, so a
 * report can tell which of its lists the change left as they were.
 */
export function dayRows(action: ActionView, d: ReportDay, before?: DayRows): DayRows {
  const a = reportLine(action, d.shared);
  const { today, todayNumber, names: n } = d;
  const rule = bragRule(a, d.settings, d.calendar);
  const status = statusOfRule(rule);
  const { dueDate, reviewDate } = a;
  const rows: DayRows = {
    line: a,
    status,
    action: Object.freeze(actionRow(a, rule, status)),
    overdue: a.open && dueDate && today > dueDate
      ? Object.freeze(overdueRow(a, dueDate, todayNumber - dayOf(a.dueDay, dueDate), d.calendar.workingDaysLate(dueDate), n))
      : undefined,
    review: a.open && reviewDate && today > reviewDate
      ? Object.freeze({ id: a.id, title: a.title, owner: n.person(a.owner), reviewDate, daysOverdue: todayNumber - dayOf(a.reviewDay, reviewDate) })
      : undefined,
    soon: a.open && dueDate && dueDate >= today && dueDate <= d.soonUntil
      ? Object.freeze({ id: a.id, title: a.title, owner: n.person(a.owner), dueDate, daysLeft: dayOf(a.dueDay, dueDate) - todayNumber })
      : undefined,
    waiting: a.waiting.length === 0 ? NONE : waitingRows(a, d),
    atRisk: a.atRisk,
    slipped: a.slipped,
  };
  return before ? keepSame(rows, before) : rows;
}

/** `rows`, with each row that says what the one `before` said replaced by that one. */
function keepSame(rows: DayRows, before: DayRows): DayRows {
  return {
    line: rows.line,
    status: rows.status,
    action: sameRow(rows.action, before.action) ? before.action : rows.action,
    overdue: sameRow(rows.overdue, before.overdue) ? before.overdue : rows.overdue,
    review: sameRow(rows.review, before.review) ? before.review : rows.review,
    soon: sameRow(rows.soon, before.soon) ? before.soon : rows.soon,
    waiting: sameRows(rows.waiting, before.waiting) ? before.waiting : rows.waiting,
    atRisk: sameRow(rows.atRisk, before.atRisk) ? before.atRisk : rows.atRisk,
    slipped: sameRow(rows.slipped, before.slipped) ? before.slipped : rows.slipped,
  };
}

/** The same keys in the same order with the same values (lists of rows compared row by row). */
function sameRow(a: object | undefined, b: object | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  const keys = Object.keys(a);
  const others = Object.keys(b);
  if (keys.length !== others.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key !== others[i]) return false;
    const x = (a as Record<string, unknown>)[key];
    const y = (b as Record<string, unknown>)[key];
    if (x !== y && !(Array.isArray(x) && Array.isArray(y) && sameRows(x, y))) return false;
  }
  return true;
}

function sameRows(a: readonly object[], b: readonly object[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameRow(a[i], b[i])) return false;
  return true;
}

function waitingRows(a: ReportLine, d: ReportDay): readonly Row<'evidenceAwaitingReview'>[] {
  const n = d.names;
  const rows: Row<'evidenceAwaitingReview'>[] = [];
  for (const { evidence: e, submittedDay } of a.waiting) {
    rows.push(Object.freeze({
      actionId: a.id, actionTitle: a.title, evidenceId: e.id, summary: e.summary, agency: n.agency(e.agencyId),
      submittedBy: n.person(e.submittedBy), daysWaiting: Math.max(0, d.todayNumber - submittedDay),
    }));
  }
  return Object.freeze(rows);
}

function overdueRow(a: ReportLine, dueDate: string, daysOverdue: number, workingDaysOverdue: number, n: Names): Row<'overdue'> {
  const owner = n.person(a.owner);
  const leadAgency = n.agency(a.leadAgency);
  const workstream = n.workstream(a.workstream);
  return a.owner
    ? { id: a.id, title: a.title, owner, ownerId: a.owner, leadAgency, leadAgencyId: a.leadAgency, workstream, state: a.state, dueDate, daysOverdue, workingDaysOverdue }
    : { id: a.id, title: a.title, owner, leadAgency, leadAgencyId: a.leadAgency, workstream, state: a.state, dueDate, daysOverdue, workingDaysOverdue };
}

const AMBER_BECAUSE: Partial<Record<BragRule, 'flagged' | 'review' | 'due'>> = {
  flaggedAtRisk: 'flagged', reviewOverdue: 'review', dueSoon: 'due', lateWithinGrace: 'due',
};

function actionRow(a: ReportLine, rule: BragRule, status: Brag): Row<'actions'> {
  const because = AMBER_BECAUSE[rule];
  return because
    ? { id: a.id, title: a.title, status, label: BRAG_LABELS[status], amberBecause: because }
    : { id: a.id, title: a.title, status, label: BRAG_LABELS[status] };
}
