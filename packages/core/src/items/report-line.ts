import type { ActionState } from '../machines/states.js';
import type { Plan } from '../schema/plan.js';
import { isOpen, type ActionView } from './views.js';
import { dayNumberOrNaN, londonDate } from '../calendar/dates.js';
import { PRINCIPLES } from '../schema/checks.js';
import { planNames, type PlanNames } from '../schema/plan-names.js';
import { actionFacts, submittedOn, type ActionFacts } from './action-facts.js';

/**
 * @internal What the scrutiny report reads of one action whatever the day, in one small
 * object: the view's fields, its evidence awaiting review, and the rows that do not depend on
 * the day (at risk, moved due dates), frozen, with the names of the view's plan. Other names are
 * looked up later, in the plan of the state reported on (queries/day-rows.ts); ids and dates
 * are shared strings (see {@link sharedText}).
 */
export interface ReportLine {
  readonly id: string;
  readonly title: string;
  readonly state: ActionState;
  readonly open: boolean;
  readonly dueDate: string | undefined;
  readonly reviewDate: string | undefined;
  /** Day numbers of `dueDate` and `reviewDate`; NaN when absent or not a real date. */
  readonly dueDay: number;
  readonly reviewDay: number;
  readonly reason: string | undefined;
  readonly owner: string | undefined;
  readonly leadAgency: string;
  readonly workstream: string;
  readonly promises: readonly string[];
  readonly hasAcceptedEvidence: boolean;
  /** How many events the action has had. */
  readonly eventCount: number;
  /** A bit per principle served; none when deferred or withdrawn. */
  readonly principles: number;
  /** Evidence awaiting review, each with the UK day number it was submitted. */
  readonly waiting: readonly { readonly evidence: WaitingEvidence; readonly submittedDay: number }[];
  /** The report's at-risk row, when the action is at risk. */
  readonly atRisk: AtRiskRow | undefined;
  /** The report's row of moved due dates, when the due date was moved later: the first due date, and every change with its UK date. */
  readonly slipped: SlippedRow | undefined;
}

/** @internal An at-risk action, as the report lists it. */
export interface AtRiskRow {
  readonly id: string;
  readonly title: string;
  readonly owner: string;
  readonly leadAgency: string;
  readonly dueDate?: string;
  readonly reason?: string;
}

/** @internal An action whose due date was moved later, as the report lists it. */
export interface SlippedRow {
  readonly id: string;
  readonly title: string;
  readonly owner: string;
  readonly originalDueDate: string;
  readonly currentDueDate?: string;
  readonly changes: readonly DatedChange[];
}

/** @internal A due-date change with the UK date it was made (`on`) rather than the instant, and the name of who made it. */
export interface DatedChange {
  readonly from?: string;
  readonly to: string;
  readonly reason: string;
  readonly on: string;
  readonly by: string;
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

/** @internal The fields of a piece of evidence the report lists. */
export interface WaitingEvidence {
  readonly id: string;
  readonly summary: string;
  readonly agencyId: string;
  readonly submittedBy: string;
}

/** @internal A bit per principle (1 to 7) in `principles`. */
export function principleBits(principles: readonly number[]): number {
  let bits = 0;
  for (const p of principles) if (Object.hasOwn(PRINCIPLES, p)) bits |= 1 << p;
  return bits;
}

/** @internal {@link sharedText}'s function, with the names of its plan (for the rows a line holds). */
export interface SharedText {
  (text: string): string;
  readonly names: Names;
}

const texts = new WeakMap<Plan, SharedText>();

/**
 * @internal One string object per distinct id or date in a plan. The same id appears in
 * thousands of views, each its own copy; comparing or hashing a shared copy reads memory that
 * is already in the cache, which is most of what a report over every action costs. The same
 * function per plan: every new view asks for it.
 */
export function sharedText(plan: Plan): SharedText {
  let share = texts.get(plan);
  if (!share) {
    const table = new Map<string, string>();
    const lookUp = (text: string) => {
      const found = table.get(text);
      if (found !== undefined) return found;
      table.set(text, text);
      return text;
    };
    share = Object.assign(lookUp, { names: new Names(plan) });
    texts.set(plan, share);
  }
  return share;
}

// The tracker hands out the same frozen view until the item changes, so a line is made once
// per view, and a report reads 2,000 compact lines rather than 2,000 views and everything
// they hold (evidence, due-date changes) scattered across the heap.
const lines = new WeakMap<ActionView, ReportLine>();

/** @internal The report's line for an action, remembered per frozen view. */
export function reportLine(action: ActionView, shared: SharedText): ReportLine {
  const known = lines.get(action);
  if (known) return known;
  const facts = actionFacts(action);
  const line: ReportLine = {
    id: action.id,
    title: action.title,
    state: action.state,
    open: isOpen(action),
    dueDate: action.dueDate === undefined ? undefined : shared(action.dueDate),
    reviewDate: action.reviewDate === undefined ? undefined : shared(action.reviewDate),
    dueDay: dayNumberOrNaN(action.dueDate),
    reviewDay: dayNumberOrNaN(action.reviewDate),
    reason: action.reason,
    owner: action.owner === undefined ? undefined : shared(action.owner),
    leadAgency: shared(action.leadAgency),
    workstream: shared(action.workstream),
    promises: action.promises.map(shared),
    hasAcceptedEvidence: facts.hasAcceptedEvidence,
    eventCount: action.eventCount,
    principles: action.state === 'deferred' || action.state === 'withdrawn' ? 0 : principleBits(action.principles),
    waiting: facts.submitted.length === 0 ? [] : waitingOf(facts, shared),
    atRisk: action.state === 'atRisk' ? atRiskRow(action, shared) : undefined,
    slipped: facts.slipped ? slippedRow(action, shared) : undefined,
  };
  if (Object.isFrozen(action)) lines.set(action, line);
  return line;
}

function waitingOf(facts: ActionFacts, shared: SharedText): ReportLine['waiting'] {
  const days = submittedOn(facts);
  return facts.submitted.map((e, i) => ({
    evidence: { id: e.id, summary: e.summary, agencyId: shared(e.agencyId), submittedBy: shared(e.submittedBy) },
    submittedDay: days[i]!,
  }));
}

function atRiskRow(action: ActionView, { names: n }: SharedText): AtRiskRow {
  const row: { -readonly [K in keyof AtRiskRow]: AtRiskRow[K] } = { id: action.id, title: action.title, owner: n.person(action.owner), leadAgency: n.agency(action.leadAgency) };
  if (action.dueDate) row.dueDate = action.dueDate;
  if (action.reason) row.reason = action.reason;
  return Object.freeze(row);
}

function slippedRow(action: ActionView, shared: SharedText): SlippedRow {
  const n = shared.names;
  const changes = Object.freeze(action.dueDateChanges.map((c): DatedChange => {
    const on = londonDate(c.at);
    const by = n.person(c.by);
    return Object.freeze(c.from ? { from: c.from, to: c.to, reason: c.reason, on, by } : { to: c.to, reason: c.reason, on, by });
  }));
  const originalDueDate = action.dueDateChanges.find((c) => c.from !== undefined)!.from!;
  const owner = n.person(action.owner);
  return Object.freeze(action.dueDate
    ? { id: action.id, title: action.title, owner, originalDueDate, currentDueDate: shared(action.dueDate), changes }
    : { id: action.id, title: action.title, owner, originalDueDate, changes });
}
