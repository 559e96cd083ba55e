import { toDayNumber } from '../calendar/dates.js';
import { reportLine, sharedText, type DatedChange, type ReportLine } from '../items/report-line.js';
import type { ActionView } from '../items/views.js';
import type { BragSettings, Plan } from '../schema/plan.js';
import { planNames, type PlanNames } from '../schema/plan-names.js';
import { BRAG_LABELS, bragRule, DEFAULT_BRAG_SETTINGS, statusOfRule, type Brag, type BragRule } from './brag.js';
import { CalendarDay } from './calendar-day.js';
import { DUE_SOON_WORKING_DAYS, type Row } from './report-types.js';

/** @internal The names people recognise for a plan's ids, with "No owner" for an action that has none. */
export class Names {
  readonly #names: PlanNames;

  constructor(plan: Plan) {
    this.#names = planNames(plan);
  }

  person(id?: string): string {
    return id ? this.#names.person(id) : 'No owner';
  }

  agency(id: string): string {
    return this.#names.agency(id);
  }

  workstream(id: string): string {
    return this.#names.workstream(id);
  }
}

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
  readonly shared: (text: string) => string;

  constructor(
    readonly plan: Plan,
    readonly today: string,
  ) {
    this.todayNumber = toDayNumber(today);
    this.names = new Names(plan);
    this.settings = { ...DEFAULT_BRAG_SETTINGS, ...plan.brag };
    this.calendar = new CalendarDay(today, { closures: plan.board.closures });
    this.soonUntil = this.calendar.workingDaysAhead(Math.max(DUE_SOON_WORKING_DAYS, this.settings.amberWithinWorkingDays));
    this.shared = sharedText(plan);
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

/** @internal An action's status and rows on `d`'s day, made from its report line (once per view). */
export function dayRows(action: ActionView, d: ReportDay): DayRows {
  const a = reportLine(action, d.shared);
  const { today, todayNumber, names: n } = d;
  const rule = bragRule(a, d.settings, d.calendar);
  const status = statusOfRule(rule);
  const { dueDate, reviewDate } = a;
  const overdue = a.open && dueDate !== undefined && today > dueDate;
  return {
    line: a,
    status,
    action: Object.freeze(actionRow(a, rule, status)),
    overdue: overdue ? Object.freeze(overdueRow(a, dueDate, todayNumber - dayOf(a.dueDay, dueDate), d.calendar.workingDaysLate(dueDate), n)) : undefined,
    review: a.open && reviewDate && today > reviewDate
      ? Object.freeze({ id: a.id, title: a.title, owner: n.person(a.owner), reviewDate, daysOverdue: todayNumber - dayOf(a.reviewDay, reviewDate) })
      : undefined,
    soon: a.open && dueDate && dueDate >= today && dueDate <= d.soonUntil
      ? Object.freeze({ id: a.id, title: a.title, owner: n.person(a.owner), dueDate, daysLeft: dayOf(a.dueDay, dueDate) - todayNumber })
      : undefined,
    waiting: a.waiting.length === 0 ? NONE : waitingRows(a, d),
    atRisk: a.state === 'atRisk' ? dayless(a, 'atRisk', n, atRiskRow) : undefined,
    slipped: a.slipped ? dayless(a, 'slipped', n, slippedRow) : undefined,
  };
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

// Rows that do not depend on the day (at risk, moved due dates) are made once per line, that is
// once per change of the action, frozen, and shared by every report that lists it.
const daylessRows = new WeakMap<ReportLine, { atRisk?: Row<'atRisk'>; slipped?: Row<'slippedDueDates'> }>();

function dayless<K extends 'atRisk' | 'slipped', R extends object>(a: ReportLine, key: K, n: Names, make: (a: ReportLine, n: Names) => R): R {
  let rows = daylessRows.get(a) as Record<string, R | undefined> | undefined;
  if (!rows) daylessRows.set(a, (rows = {}) as never);
  let row = rows[key];
  if (!row) {
    row = make(a, n);
    if (key === 'slipped') Object.freeze((row as unknown as Row<'slippedDueDates'>).changes);
    rows[key] = Object.freeze(row);
  }
  return row;
}

function atRiskRow(a: ReportLine, n: Names): Row<'atRisk'> {
  const row: { -readonly [K in keyof Row<'atRisk'>]: Row<'atRisk'>[K] } = { id: a.id, title: a.title, owner: n.person(a.owner), leadAgency: n.agency(a.leadAgency) };
  if (a.dueDate) row.dueDate = a.dueDate;
  if (a.reason) row.reason = a.reason;
  return row;
}

function changeRow(this: Names, c: DatedChange): Row<'slippedDueDates'>['changes'][number] {
  const by = this.person(c.by);
  return Object.freeze(c.from ? { from: c.from, to: c.to, reason: c.reason, on: c.on, by } : { to: c.to, reason: c.reason, on: c.on, by });
}

function slippedRow(a: ReportLine, n: Names): Row<'slippedDueDates'> {
  const slipped = a.slipped!;
  const owner = n.person(a.owner);
  const { originalDueDate } = slipped;
  const changes = slipped.changes.map(changeRow, n);
  return a.dueDate
    ? { id: a.id, title: a.title, owner, originalDueDate, currentDueDate: a.dueDate, changes }
    : { id: a.id, title: a.title, owner, originalDueDate, changes };
}
