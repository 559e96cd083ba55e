import { ACTION_STATES, type ActionState } from '../machines/states.js';
import type { ActionView, PromiseView } from '../items/views.js';
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
 * The last report made for a plan, with each action's rows by position: after one step, the
 * next state holds the same frozen views but one (a view is frozen: the same object says the
 * same), so its report makes only that action's rows, and takes every list, count and roll-up
 * that the new rows leave as they were from this one.
 */
interface LastReport {
  readonly day: ReportDay;
  /** The views the rows were made from; undefined where a view was not frozen (read afresh next time). */
  readonly views: readonly (ActionView | undefined)[];
  readonly rows: readonly DayRows[];
  /** The promise views the report read, when every one was frozen. */
  readonly promises: readonly PromiseView[] | undefined;
  readonly facts: ReportFacts;
}
const lastReports = new WeakMap<Plan, LastReport>();

/** What changed since the last report, and so must be worked out again. */
interface Changed {
  counts: boolean;
  served: boolean;
  delivery: boolean;
  lists: Set<ListName>;
}

function gather(state: PlanState, today: string): ReportFacts {
  const { plan, actions } = state;
  const d = reportDay(plan, today);
  const last = lastReports.get(plan);
  const before = last?.day === d && fewChanged(last.views, actions) ? last : undefined;
  const views: (ActionView | undefined)[] = before ? before.views.slice() : [];
  const rows: DayRows[] = before ? before.rows.slice() : [];
  const changed: Changed = { counts: !before, served: !before, delivery: !before || before.promises === undefined || !sameItems(before.promises, state.promises), lists: new Set(before ? [] : LISTS) };
  let actionEvents = before ? before.facts.actionEvents : 0;
  for (let i = 0; i < actions.length; i++) {
    const view = actions[i]!;
    if (before) {
      if (views[i] === view) continue;
      const old = rows[i]!;
      const r = dayRows(view, d, old);
      rows[i] = r;
      views[i] = Object.isFrozen(view) ? view : undefined;
      actionEvents += r.line.eventCount - old.line.eventCount;
      compare(old, r, changed);
    } else {
      const r = dayRows(view, d);
      rows.push(r);
      // Only a frozen view is known not to change: one built by hand is read afresh each time.
      views.push(Object.isFrozen(view) ? view : undefined);
      actionEvents += r.line.eventCount;
    }
  }
  const facts = assemble(state, d, rows, changed, before?.facts, actionEvents);
  lastReports.set(plan, { day: d, views, rows, promises: state.promises.every(Object.isFrozen) ? state.promises : undefined, facts });
  return facts;
}

/** True when most views are the ones the last report read: otherwise it is quicker to make every list afresh than to compare rows. */
function fewChanged(before: readonly (ActionView | undefined)[], views: readonly ActionView[]): boolean {
  if (before.length !== views.length) return false;
  let changed = 0;
  for (let i = 0; i < views.length; i++) if (before[i] !== views[i] && ++changed > MOST_CHANGED) return false;
  return true;
}
const MOST_CHANGED = 64;

/** Notes what differs between an action's rows before and after a change. */
function compare(old: DayRows, r: DayRows, changed: Changed): void {
  const a = old.line;
  const b = r.line;
  if (old.status !== r.status || a.state !== b.state || a.workstream !== b.workstream || a.id !== b.id) changed.counts = true;
  if (a.principles !== b.principles) changed.served = true;
  if (a.hasAcceptedEvidence !== b.hasAcceptedEvidence || !sameItems(a.promises, b.promises)) changed.delivery = true;
  for (const list of LISTS) if (old[list] !== r[list]) changed.lists.add(list);
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The lists of the report, by the name of an action's row in each. */
const LISTS = ['action', 'overdue', 'review', 'waiting', 'soon', 'atRisk', 'slipped'] as const;
type ListName = (typeof LISTS)[number];

// As the queries order them: most overdue first, then by id; longest waiting first, in plan order among equals.
const mostOverdue = (a: Row<'overdue'>, b: Row<'overdue'>) => b.daysOverdue - a.daysOverdue || a.id.localeCompare(b.id);
const longestOverdue = (a: Row<'reviewsOverdue'>, b: Row<'reviewsOverdue'>) => b.daysOverdue - a.daysOverdue;
const longestWaiting = (a: Row<'evidenceAwaitingReview'>, b: Row<'evidenceAwaitingReview'>) => b.daysWaiting - a.daysWaiting;
const soonest = (a: Row<'dueSoon'>, b: Row<'dueSoon'>) => a.dueDate.localeCompare(b.dueDate);

/** The report's facts from every action's rows: what `changed` names worked out again, the rest as they were `before`. */
function assemble(state: PlanState, d: ReportDay, rows: readonly DayRows[], changed: Changed, before: ReportFacts | undefined, actionEvents: number): ReportFacts {
  const c = collect(state, rows, changed);
  const { lists } = changed;
  const n = d.names;
  const counts = c.byWorkstream ? tallied(c) : before!;
  return {
    today: d.today, names: n, byStatus: counts.byStatus, byState: counts.byState, byWorkstream: counts.byWorkstream,
    overdue: lists.has('overdue') ? Object.freeze(c.overdue.sort(mostOverdue)) : before!.overdue,
    reviewsOverdue: lists.has('review') ? Object.freeze(c.reviews.sort(longestOverdue)) : before!.reviewsOverdue,
    evidenceAwaitingReview: lists.has('waiting') ? Object.freeze(c.waiting.sort(longestWaiting)) : before!.evidenceAwaitingReview,
    atRisk: lists.has('atRisk') ? Object.freeze(c.atRisk) : before!.atRisk,
    dueSoon: lists.has('soon') ? Object.freeze(c.soon.sort(soonest)) : before!.dueSoon,
    actions: lists.has('action') ? Object.freeze(c.all) : before!.actions,
    slippedDueDates: lists.has('slipped') ? Object.freeze(c.slipped) : before!.slippedDueDates,
    promisesWithoutEvidence: c.delivery ? noEvidence(state, c.delivery, n) : before!.promisesWithoutEvidence,
    served: changed.served ? c.served : before!.served,
    actionEvents,
  };
}

/** One pass over every action's rows, collecting only what `want` names. */
function collect(state: PlanState, rows: readonly DayRows[], want: Changed) {
  const { lists } = want;
  const [all, overdue, reviews, waiting, soon, atRisk, slipped] = LISTS.map((list) => (lists.has(list) ? [] : undefined)) as [
    Row<'actions'>[]?, Row<'overdue'>[]?, Row<'reviewsOverdue'>[]?, Row<'evidenceAwaitingReview'>[]?, Row<'dueSoon'>[]?, Row<'atRisk'>[]?, Row<'slippedDueDates'>[]?,
  ];
  const byWorkstream = want.counts ? new RollUpTally(state, 'workstream') : undefined;
  const byStatus: Record<Brag, number> = { blue: 0, red: 0, amber: 0, green: 0, grey: 0 };
  const byState = Object.fromEntries(ACTION_STATES.map((s) => [s, 0])) as Record<ActionState, number>;
  const delivery: Delivery | undefined = want.delivery ? new Map() : undefined;
  let served = 0;
  if (byWorkstream || delivery || want.served || lists.size > 0) {
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const a = r.line;
      if (byWorkstream) {
        byState[a.state]++;
        byStatus[r.status]++;
        byWorkstream.addTo(a.workstream, a.id, r.status);
      }
      served |= a.principles;
      if (delivery && a.promises.length > 0) countDelivery(delivery, a.promises, a.hasAcceptedEvidence);
      if (all) all.push(r.action);
      if (overdue && r.overdue) overdue.push(r.overdue);
      if (reviews && r.review) reviews.push(r.review);
      if (waiting) for (let j = 0; j < r.waiting.length; j++) waiting.push(r.waiting[j]!);
      if (soon && r.soon) soon.push(r.soon);
      if (atRisk && r.atRisk) atRisk.push(r.atRisk);
      if (slipped && r.slipped) slipped.push(r.slipped);
    }
  }
  return { all: all!, overdue: overdue!, reviews: reviews!, waiting: waiting!, soon: soon!, atRisk: atRisk!, slipped: slipped!, byWorkstream, byStatus, byState, delivery, served };
}

function tallied(c: ReturnType<typeof collect>): Pick<ReportFacts, 'byStatus' | 'byState' | 'byWorkstream'> {
  const byWorkstream = c.byWorkstream!.groups();
  for (const g of byWorkstream) {
    Object.freeze(g.counts);
    Object.freeze(g.actions);
    Object.freeze(g);
  }
  return { byStatus: Object.freeze(c.byStatus), byState: Object.freeze(c.byState), byWorkstream: Object.freeze(byWorkstream) };
}

function noEvidence(state: PlanState, delivery: Delivery, n: Names): ReportFacts['promisesWithoutEvidence'] {
  return Object.freeze(promiseEvidenceGaps(state.promises, delivery).map(({ promise: p, actions }) =>
    Object.freeze({ id: p.id, number: p.number, title: p.title, owner: n.person(p.owner), actions }),
  ));
}
