import { toDayNumber } from '../calendar/dates.js';
import { ACTION_STATES, type ActionState } from '../machines/states.js';
import type { Plan } from '../schema/plan.js';
import { planNames, type PlanNames } from '../schema/plan-names.js';
import type { PlanState } from '../tracker/tracker.js';
import { BRAG_LABELS, bragRule, DEFAULT_BRAG_SETTINGS, statusOfRule, type Brag, type BragRule } from './brag.js';
import { CalendarDay } from './calendar-day.js';
import { countDelivery, promiseEvidenceGaps, type Delivery } from './coverage.js';
import { reportLine, sharedText, type DatedChange, type ReportLine } from '../items/report-line.js';
import { RollUpTally, type RollUpGroup } from './rollup.js';
import { DUE_SOON_WORKING_DAYS, type Row } from './report-types.js';

/**
 * @internal What the scrutiny report says of the actions on one day: the rows of each list, in
 * the order its query gives (overdueActions, reviewsOverdue, evidenceAwaitingReview and the
 * rest), under the plan's own BRAG settings and closures. Frozen, lists and rows, so the report
 * hands them out as they are and no caller can change what the next one gets.
 */
export interface ReportFacts {
  readonly today: string;
  readonly names: Names;
  readonly byStatus: Readonly<Record<Brag, number>>;
  readonly byState: Readonly<Record<ActionState, number>>;
  readonly byWorkstream: readonly RollUpGroup[];
  readonly overdue: readonly Row<'overdue'>[];
  readonly reviewsOverdue: readonly Row<'reviewsOverdue'>[];
  readonly evidenceAwaitingReview: readonly Row<'evidenceAwaitingReview'>[];
  readonly atRisk: readonly Row<'atRisk'>[];
  readonly dueSoon: readonly Row<'dueSoon'>[];
  readonly actions: readonly Row<'actions'>[];
  readonly slippedDueDates: readonly Row<'slippedDueDates'>[];
  readonly promisesWithoutEvidence: readonly Row<'promisesWithoutEvidence'>[];
  /** A bit per principle that some action serves. */
  readonly served: number;
  /** How many events the actions have had, together. */
  readonly actionEvents: number;
}

// A plan state is frozen and replaced when anything changes, so what it says on a day is
// worked out once: asked again (another part of the page, a re-render), the report only copies
// it. One day per state is kept, the last one asked.
const remembered = new WeakMap<PlanState, ReportFacts>();

/** @internal The report's facts for `state` on `today` (checked by the caller), remembered per frozen state. */
export function reportFacts(state: PlanState, today: string): ReportFacts {
  const known = remembered.get(state);
  if (known?.today === today) return known;
  const facts = gather(state, today);
  if (Object.isFrozen(state)) remembered.set(state, facts);
  return facts;
}

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

/** The day number of a date a line holds: worked out when the line was made, or refused now as toDayNumber would. */
function dayOf(day: number, date: string): number {
  return Number.isNaN(day) ? toDayNumber(date) : day;
}

// One pass over the actions, each read through its line (report-lines.ts). Rows are built by
// functions of their own and nothing called is a closure made afresh per report, so V8
// optimises them at once and keeps them optimised.
function gather(state: PlanState, today: string): ReportFacts {
  const { plan } = state;
  const n = new Names(plan);
  const shared = sharedText(plan);
  const settings = { ...DEFAULT_BRAG_SETTINGS, ...plan.brag };
  const todayNumber = toDayNumber(today);
  const day = new CalendarDay(today, { closures: plan.board.closures });
  const workstreams = new RollUpTally(state, 'workstream');
  const delivery: Delivery = new Map();
  const byStatus: Record<Brag, number> = { blue: 0, red: 0, amber: 0, green: 0, grey: 0 };
  const byState = Object.fromEntries(ACTION_STATES.map((s) => [s, 0])) as Record<ActionState, number>;
  const overdue: Row<'overdue'>[] = [];
  const reviews: Row<'reviewsOverdue'>[] = [];
  const waiting: Row<'evidenceAwaitingReview'>[] = [];
  const atRisk: Row<'atRisk'>[] = [];
  const soon: Row<'dueSoon'>[] = [];
  const all: Row<'actions'>[] = [];
  const soonUntil = day.workingDaysAhead(Math.max(DUE_SOON_WORKING_DAYS, settings.amberWithinWorkingDays));
  const slipped: Row<'slippedDueDates'>[] = [];
  let served = 0;
  let actionEvents = 0;
  for (const action of state.actions) {
    const a = reportLine(action, shared);
    const rule = bragRule(a, settings, day);
    const status = statusOfRule(rule);
    all.push(actionRow(a, rule, status));
    byState[a.state]++;
    byStatus[status]++;
    workstreams.addTo(a.workstream, a.id, status);
    served |= a.principles;
    actionEvents += a.eventCount;
    if (a.promises.length > 0) countDelivery(delivery, a.promises, a.hasAcceptedEvidence);
    const { dueDate, reviewDate } = a;
    if (a.open && dueDate && today > dueDate) {
      overdue.push(overdueRow(a, dueDate, todayNumber - dayOf(a.dueDay, dueDate), day.workingDaysLate(dueDate), n));
    }
    if (a.open && reviewDate && today > reviewDate) {
      reviews.push({ id: a.id, title: a.title, owner: n.person(a.owner), reviewDate, daysOverdue: todayNumber - dayOf(a.reviewDay, reviewDate) });
    }
    for (const { evidence: e, submittedDay } of a.waiting) {
      waiting.push({
        actionId: a.id, actionTitle: a.title, evidenceId: e.id, summary: e.summary, agency: n.agency(e.agencyId),
        submittedBy: n.person(e.submittedBy), daysWaiting: Math.max(0, todayNumber - submittedDay),
      });
    }
    if (a.open && dueDate && dueDate >= today && dueDate <= soonUntil) {
      soon.push({ id: a.id, title: a.title, owner: n.person(a.owner), dueDate, daysLeft: dayOf(a.dueDay, dueDate) - todayNumber });
    }
    if (a.state === 'atRisk') atRisk.push(dayless(a, 'atRisk', n, atRiskRow));
    if (a.slipped) slipped.push(dayless(a, 'slipped', n, slippedRow));
  }
  // As the queries order them: most overdue first, then by id; longest waiting first, in plan order among equals.
  overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || a.id.localeCompare(b.id));
  reviews.sort((a, b) => b.daysOverdue - a.daysOverdue);
  waiting.sort((a, b) => b.daysWaiting - a.daysWaiting);
  soon.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const noEvidence = promiseEvidenceGaps(state.promises, delivery).map(({ promise: p, actions }) => ({
    id: p.id, number: p.number, title: p.title, owner: n.person(p.owner), actions,
  }));
  const byWorkstream = workstreams.groups();
  for (const g of byWorkstream) {
    Object.freeze(g.counts);
    Object.freeze(g.actions);
  }
  return {
    today, names: n, byStatus: Object.freeze(byStatus), byState: Object.freeze(byState), byWorkstream: frozen(byWorkstream),
    overdue: frozen(overdue), reviewsOverdue: frozen(reviews), evidenceAwaitingReview: frozen(waiting),
    atRisk: frozen(atRisk), dueSoon: frozen(soon), actions: frozen(all), slippedDueDates: frozen(slipped), promisesWithoutEvidence: frozen(noEvidence), served, actionEvents,
  };
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

/** Freezes a list and its rows: the report hands them out as they are, to every caller. */
function frozen<T extends object>(rows: T[]): readonly T[] {
  for (const row of rows) Object.freeze(row);
  return Object.freeze(rows);
}

function changeRow(this: Names, c: DatedChange): Row<'slippedDueDates'>['changes'][number] {
  const by = this.person(c.by);
  return c.from ? { from: c.from, to: c.to, reason: c.reason, on: c.on, by } : { to: c.to, reason: c.reason, on: c.on, by };
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
