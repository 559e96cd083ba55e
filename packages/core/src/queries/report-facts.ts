import { ACTION_STATES, type ActionState } from '../machines/states.js';
import type { ActionView } from '../items/views.js';
import type { Plan } from '../schema/plan.js';
import type { PlanState } from '../tracker/tracker.js';
import type { Brag } from './brag.js';
import { countDelivery, promiseEvidenceGaps, type Delivery } from './coverage.js';
import { dayRows, reportDay, type DayRows, type Names, type ReportDay } from './day-rows.js';
import { RollUpTally, type RollUpGroup } from './rollup.js';
import type { Row } from './report-types.js';


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

/**
 * The rows of the last report made for a plan, by position: after one step, the next state
 * holds the same frozen views but one, so its report takes every other action's rows as they
 * were and makes only the changed action's (a view is frozen: the same object says the same).
 */
interface LastRows {
  readonly day: ReportDay;
  readonly views: readonly (ActionView | undefined)[];
  readonly rows: readonly DayRows[];
}
const lastRows = new WeakMap<Plan, LastRows>();

// One pass over the actions, each read through its rows for the day (day-rows.ts). Nothing
// called is a closure made afresh per report, so V8 optimises it at once and keeps it so.
function gather(state: PlanState, today: string): ReportFacts {
  const { plan } = state;
  const d = reportDay(plan, today);
  const last = lastRows.get(plan);
  const before = last?.day === d ? last : undefined;
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
  const slipped: Row<'slippedDueDates'>[] = [];
  const views: (ActionView | undefined)[] = [];
  const rows: DayRows[] = [];
  let served = 0;
  let actionEvents = 0;
  const { actions } = state;
  for (let i = 0; i < actions.length; i++) {
    const view = actions[i]!;
    let r: DayRows;
    if (before !== undefined && before.views[i] === view) {
      r = before.rows[i]!;
      views.push(view);
    } else {
      r = dayRows(view, d);
      // Only a frozen view is known not to change: one built by hand is read afresh each time.
      views.push(Object.isFrozen(view) ? view : undefined);
    }
    rows.push(r);
    const a = r.line;
    all.push(r.action);
    byState[a.state]++;
    byStatus[r.status]++;
    workstreams.addTo(a.workstream, a.id, r.status);
    served |= a.principles;
    actionEvents += a.eventCount;
    if (a.promises.length > 0) countDelivery(delivery, a.promises, a.hasAcceptedEvidence);
    if (r.overdue) overdue.push(r.overdue);
    if (r.review) reviews.push(r.review);
    for (let j = 0; j < r.waiting.length; j++) waiting.push(r.waiting[j]!);
    if (r.soon) soon.push(r.soon);
    if (r.atRisk) atRisk.push(r.atRisk);
    if (r.slipped) slipped.push(r.slipped);
  }
  lastRows.set(plan, { day: d, views, rows });
  // As the queries order them: most overdue first, then by id; longest waiting first, in plan order among equals.
  overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || a.id.localeCompare(b.id));
  reviews.sort((a, b) => b.daysOverdue - a.daysOverdue);
  waiting.sort((a, b) => b.daysWaiting - a.daysWaiting);
  soon.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const n = d.names;
  const noEvidence = promiseEvidenceGaps(state.promises, delivery).map(({ promise: p, actions }) =>
    Object.freeze({ id: p.id, number: p.number, title: p.title, owner: n.person(p.owner), actions }),
  );
  const byWorkstream = workstreams.groups();
  for (const g of byWorkstream) {
    Object.freeze(g.counts);
    Object.freeze(g.actions);
    Object.freeze(g);
  }
  return {
    today, names: n, byStatus: Object.freeze(byStatus), byState: Object.freeze(byState), byWorkstream: Object.freeze(byWorkstream),
    overdue: Object.freeze(overdue), reviewsOverdue: Object.freeze(reviews), evidenceAwaitingReview: Object.freeze(waiting),
    atRisk: Object.freeze(atRisk), dueSoon: Object.freeze(soon), actions: Object.freeze(all), slippedDueDates: Object.freeze(slipped),
    promisesWithoutEvidence: Object.freeze(noEvidence), served, actionEvents,
  };
}
