// The queries as they were before the scrutiny report was made fast (one pass, report lines,
// calendar work remembered): written plainly, one pass per list, kept here as the definition
// the fast code is checked against. Change both together when a query's meaning changes.
import {
  ACTION_STATES, addDays, addWorkingDays, BRAG_LABELS, boardDeadlines, CLOSED_ACTION_STATES, DEFAULT_BRAG_SETTINGS, daysBetween,
  describeEvent, londonDate, measureProgress, PRINCIPLES, startOfLondonDay, workingDaysBetween, youSaidWeDid,
  type ActionState, type ActionView, type Brag, type BragResult, type BragSettings, type CalendarOptions, type DueDateChange,
  type Evidence, type Plan, type PlanState, type PledgeEvent, type PrincipleNumber, type PromiseView, type RollUpBy, type RollUpGroup,
  type ScrutinyReport,
} from '@pledgeflow/core';
import { checkToday } from '../../src/queries/today.js';

// ---- brag.ts
/**
 * An action's BRAG status on `today`. The rule, first match wins:
 * 1. grey: deferred or withdrawn (no longer being worked on);
 * 2. blue: completed or verified;
 * 3. red: past its due date: from the next day when `redAfterWorkingDays` is 0, otherwise once
 *    more than that many working days have passed;
 * 4. amber: flagged at risk; or its review date has passed (when `amberWhenReviewOverdue`);
 *    or it is past due but within the red grace; or due within `amberWithinWorkingDays`;
 * 5. green: everything else, including drafts that are not yet due.
 */
export function bragStatus(
  action: Pick<ActionView, 'state' | 'dueDate' | 'reviewDate' | 'reason'>,
  today: string,
  settings: Partial<BragSettings> = {},
  calendar: CalendarOptions = {},
): BragResult {
  const s = { ...DEFAULT_BRAG_SETTINGS, ...settings };
  const result = (status: Brag, why: string): BragResult => ({ status, label: BRAG_LABELS[status], why });
  if (action.state === 'deferred' || action.state === 'withdrawn') return result('grey', action.state === 'deferred' ? 'deferred' : 'withdrawn');
  if (action.state === 'completed' || action.state === 'verified') return result('blue', action.state);
  if (action.dueDate && today > action.dueDate) {
    const late = workingDaysBetween(action.dueDate, today, calendar);
    const days = daysBetween(action.dueDate, today);
    const ago = `due ${action.dueDate}, ${days} day${days === 1 ? '' : 's'} ago (${late} working day${late === 1 ? '' : 's'})`;
    // With no grace, red from the day after the due date, weekend or not, as the overdue list says.
    if (s.redAfterWorkingDays === 0 || late > s.redAfterWorkingDays) return result('red', ago);
    return result('amber', `${ago}, within the ${s.redAfterWorkingDays} working-day grace`);
  }
  if (action.state === 'atRisk') return result('amber', action.reason ? `flagged at risk: ${action.reason}` : 'flagged at risk');
  if (s.amberWhenReviewOverdue && action.reviewDate && today > action.reviewDate) {
    return result('amber', `review was due ${action.reviewDate}`);
  }
  if (s.amberWithinWorkingDays > 0 && action.dueDate && action.dueDate <= addWorkingDays(today, s.amberWithinWorkingDays, calendar)) {
    return result('amber', `due soon, on ${action.dueDate}`);
  }
  return result('green', action.dueDate ? `due ${action.dueDate}` : 'no due date yet');
}

// ---- rollup.ts
const WORST_FIRST: Brag[] = ['red', 'amber', 'green', 'blue', 'grey'];

function keysOf(action: ActionView, by: RollUpBy): string[] {
  switch (by) {
    case 'promise': return action.promises;
    case 'workstream': return [action.workstream];
    // An agency answers for the actions it leads and those it contributes to.
    case 'agency': return [action.leadAgency, ...action.partners];
    case 'owner': return [action.owner ?? '(no owner)'];
    case 'principle': return action.principles.map(String);
  }
}

/** BRAG counts grouped by promise, workstream, agency, owner or principle; every group in the plan appears, even an empty one. */
export function rollUp(
  state: PlanState,
  today: string,
  by: RollUpBy,
  settings: Partial<BragSettings> = state.plan.brag,
  calendar: CalendarOptions = { closures: state.plan.board.closures },
): RollUpGroup[] {
  checkToday(today);
  const { plan } = state;
  const names = new Map<string, string>();
  if (by === 'promise') for (const p of plan.promises) names.set(p.id, `${p.number}. ${p.title}`);
  if (by === 'workstream') for (const w of plan.workstreams) names.set(w.id, w.name);
  if (by === 'agency') for (const a of plan.agencies) names.set(a.id, a.name);
  if (by === 'owner') for (const a of state.actions) if (a.owner) names.set(a.owner, plan.people.find((p) => p.id === a.owner)?.name ?? a.owner);
  if (by === 'principle') for (let i = 1; i <= 7; i++) names.set(String(i), `Principle ${i}`);

  const groups = new Map<string, RollUpGroup>();
  const group = (key: string) => {
    let g = groups.get(key);
    if (!g) {
      g = { key, name: names.get(key) ?? key, total: 0, counts: { blue: 0, red: 0, amber: 0, green: 0, grey: 0 }, status: 'none', actions: [] };
      groups.set(key, g);
    }
    return g;
  };
  for (const key of names.keys()) group(key);
  for (const action of state.actions) {
    const status = bragStatus(action, today, settings, calendar).status;
    for (const key of new Set(keysOf(action, by))) {
      const g = group(key);
      g.total++;
      g.counts[status]++;
      g.actions.push(action.id);
    }
  }
  for (const g of groups.values()) g.status = WORST_FIRST.find((s) => g.counts[s] > 0) ?? 'none';
  return [...groups.values()];
}

// ---- overdue.ts
/** True when an action still needs work (not completed, verified, deferred or withdrawn). */
function isOpen(action: Pick<ActionView, 'state'>): boolean {
  return !CLOSED_ACTION_STATES.includes(action.state);
}

/** Open actions whose due date is before `today`, most overdue first. */
export function overdueActions(state: PlanState, today: string, calendar: CalendarOptions = {}): { action: ActionView; daysOverdue: number; workingDaysOverdue: number }[] {
  checkToday(today);
  const out: { action: ActionView; daysOverdue: number; workingDaysOverdue: number }[] = [];
  for (const action of state.actions) {
    if (!action.dueDate || !(today > action.dueDate) || !isOpen(action)) continue;
    out.push({
      action,
      daysOverdue: daysBetween(action.dueDate, today),
      workingDaysOverdue: workingDaysBetween(action.dueDate, today, calendar),
    });
  }
  return out.sort((a, b) => b.daysOverdue - a.daysOverdue || a.action.id.localeCompare(b.action.id));
}

interface ReviewOverdue {
  action: ActionView;
  daysOverdue: number;
}

/** Open actions whose next review date is before `today`, longest waiting first. */
export function reviewsOverdue(state: PlanState, today: string): ReviewOverdue[] {
  checkToday(today);
  return state.actions
    .filter((a) => a.reviewDate && today > a.reviewDate && isOpen(a))
    .map((action) => ({ action, daysOverdue: daysBetween(action.reviewDate!, today) }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue);
}

interface PromiseReviewOverdue {
  promise: PromiseView;
  daysOverdue: number;
}

/** Promises in force (not retired) whose review date is before `today`, longest waiting first. */
export function promiseReviewsOverdue(state: PlanState, today: string): PromiseReviewOverdue[] {
  checkToday(today);
  return state.promises
    .filter((p) => p.reviewDate && today > p.reviewDate && p.state !== 'retired')
    .map((promise) => ({ promise, daysOverdue: daysBetween(promise.reviewDate!, today) }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue);
}

interface EvidenceAwaitingReview {
  action: ActionView;
  evidence: Evidence;
  /** Calendar days since it was submitted (UK dates). */
  daysWaiting: number;
}

/** Evidence submitted (or resubmitted) and not yet accepted or returned, longest waiting first. */
export function evidenceAwaitingReview(state: PlanState, today: string): EvidenceAwaitingReview[] {
  checkToday(today);
  const out: EvidenceAwaitingReview[] = [];
  for (const action of state.actions) {
    for (const evidence of action.evidence) {
      if (evidence.status !== 'submitted') continue;
      out.push({ action, evidence, daysWaiting: Math.max(0, daysBetween(londonDate(evidence.submittedAt), today)) });
    }
  }
  return out.sort((a, b) => b.daysWaiting - a.daysWaiting);
}

// ---- coverage.ts
interface PrincipleGap {
  principle: PrincipleNumber;
  text: string;
}

/** Corporate parenting principles that no action serves, leaving out deferred and withdrawn ones. */
export function principlesWithoutActions(state: PlanState): PrincipleGap[] {
  const served = new Set<number>();
  for (const a of state.actions) {
    if (a.state === 'deferred' || a.state === 'withdrawn') continue;
    for (const p of a.principles) served.add(p);
  }
  return (Object.keys(PRINCIPLES).map(Number) as PrincipleNumber[])
    .filter((p) => !served.has(p))
    .map((principle) => ({ principle, text: PRINCIPLES[principle] }));
}

interface PromiseEvidenceGap {
  promise: PromiseView;
  /** How many actions deliver it. */
  actions: number;
}

/** Adopted promises (not drafts, not retired) none of whose actions has accepted evidence. */
export function promisesWithoutEvidence(state: PlanState): PromiseEvidenceGap[] {
  const out: PromiseEvidenceGap[] = [];
  for (const promise of state.promises) {
    if (promise.state === 'retired' || promise.state === 'drafted') continue;
    const delivering = state.actions.filter((a) => a.promises.includes(promise.id));
    if (!delivering.some((a) => a.evidence.some((e) => e.status === 'accepted'))) {
      out.push({ promise, actions: delivering.length });
    }
  }
  return out;
}

// ---- slipped.ts
interface SlippedDueDate {
  action: ActionView;
  /** The first due date that was later moved. */
  originalDueDate: string;
  currentDueDate?: string;
  /** Every move later in time, with who made it and why. */
  changes: DueDateChange[];
}

/** Actions whose due date was moved later at least once, with every reason given. */
export function slippedDueDates(state: PlanState): SlippedDueDate[] {
  const out: SlippedDueDate[] = [];
  for (const action of state.actions) {
    // Setting a first due date is not a slip; moving one later is.
    if (!action.dueDateChanges.some((c) => c.from !== undefined && c.to > c.from)) continue;
    const first = action.dueDateChanges.find((c) => c.from !== undefined)!;
    out.push({
      action,
      originalDueDate: first.from!,
      ...(action.dueDate ? { currentDueDate: action.dueDate } : {}),
      changes: action.dueDateChanges,
    });
  }
  return out;
}

// ---- changes.ts
interface Change {
  event: PledgeEvent;
  /** The UK calendar date it happened. */
  on: string;
  title: string;
  summary: string;
}

/** Everything that happened after `since` (a UK calendar date, not included), oldest first. */
export function changesSince(state: PlanState, since: string): Change[] {
  const titles = new Map<string, string>();
  for (const a of state.plan.actions) titles.set(a.id, a.title);
  for (const p of state.plan.promises) titles.set(p.id, `Promise ${p.number}: ${p.title}`);
  const people = new Map(state.plan.people.map((p) => [p.id, p.name]));
  const out: Change[] = [];
  const from = startOfLondonDay(addDays(since, 1));
  for (const event of state.events) {
    if (Date.parse(event.at) < from) continue;
    const on = londonDate(event.at);
    out.push({
      event,
      on,
      title: titles.get(event.stream) ?? event.stream,
      summary: `${people.get(event.actor.userId) ?? event.actor.userId} ${describeEvent(event, state.plan)}`,
    });
  }
  return out;
}

/** How many events happened after `since` (a UK calendar date, not included). */
export function countChangesSince(state: PlanState, since: string): number {
  const from = startOfLondonDay(addDays(since, 1));
  let n = 0;
  for (const event of state.events) if (Date.parse(event.at) >= from) n++;
  return n;
}

// ---- scrutiny-report.ts
/** Everything a scrutiny panel asks of the plan on one day, in one plain object (what `pledgeflow report --format json` prints). */
function names(plan: Plan) {
  const people = new Map(plan.people.map((p) => [p.id, p.name]));
  const agencies = new Map(plan.agencies.map((a) => [a.id, a.name]));
  const workstreams = new Map(plan.workstreams.map((w) => [w.id, w.name]));
  return {
    person: (id?: string) => (id ? people.get(id) ?? id : 'No owner'),
    agency: (id: string) => agencies.get(id) ?? id,
    workstream: (id: string) => workstreams.get(id) ?? id,
  };
}

/** The scrutiny report for `today` (a UK calendar date). */
export function scrutinyReport(state: PlanState, today: string): ScrutinyReport {
  checkToday(today);
  const { plan } = state;
  const n = names(plan);
  const calendar = { closures: plan.board.closures };

  // Every action is in exactly one working group, so the status counts add up from the
  // roll-up (BRAG is worked out once per action, not twice).
  const byWorkstream = rollUp(state, today, 'workstream', plan.brag, calendar);
  const byStatus: Record<Brag, number> = { blue: 0, red: 0, amber: 0, green: 0, grey: 0 };
  for (const g of byWorkstream) for (const s of Object.keys(byStatus) as Brag[]) byStatus[s] += g.counts[s];
  const byState = Object.fromEntries(ACTION_STATES.map((s) => [s, 0])) as Record<ActionState, number>;
  for (const a of state.actions) byState[a.state]++;

  const overdue = overdueActions(state, today, calendar).map(({ action: a, daysOverdue, workingDaysOverdue }) => ({
    id: a.id, title: a.title, owner: n.person(a.owner), ...(a.owner ? { ownerId: a.owner } : {}),
    leadAgency: n.agency(a.leadAgency), leadAgencyId: a.leadAgency, workstream: n.workstream(a.workstream),
    state: a.state, dueDate: a.dueDate!, daysOverdue, workingDaysOverdue,
  }));
  const reviews = reviewsOverdue(state, today).map(({ action: a, daysOverdue }) => ({
    id: a.id, title: a.title, owner: n.person(a.owner), reviewDate: a.reviewDate!, daysOverdue,
  }));
  const promiseReviews = promiseReviewsOverdue(state, today).map(({ promise: p, daysOverdue }) => ({
    id: p.id, number: p.number, title: p.title, owner: n.person(p.owner), reviewDate: p.reviewDate!, daysOverdue,
  }));
  const waiting = evidenceAwaitingReview(state, today).map(({ action, evidence, daysWaiting }) => ({
    actionId: action.id, actionTitle: action.title, evidenceId: evidence.id, summary: evidence.summary,
    agency: n.agency(evidence.agencyId), submittedBy: n.person(evidence.submittedBy), daysWaiting,
  }));
  const atRisk = state.actions.filter((a) => a.state === 'atRisk').map((a) => ({
    id: a.id, title: a.title, owner: n.person(a.owner), leadAgency: n.agency(a.leadAgency),
    ...(a.dueDate ? { dueDate: a.dueDate } : {}), ...(a.reason ? { reason: a.reason } : {}),
  }));
  const slipped = slippedDueDates(state).map((s) => ({
    id: s.action.id, title: s.action.title, owner: n.person(s.action.owner),
    originalDueDate: s.originalDueDate,
    ...(s.currentDueDate ? { currentDueDate: s.currentDueDate } : {}),
    changes: s.changes.map((c) => ({ ...(c.from ? { from: c.from } : {}), to: c.to, reason: c.reason, on: londonDate(c.at), by: n.person(c.by) })),
  }));
  const noEvidence = promisesWithoutEvidence(state).map(({ promise: p, actions }) => ({
    id: p.id, number: p.number, title: p.title, owner: n.person(p.owner), actions,
  }));
  const principles = principlesWithoutActions(state);
  const feedback = youSaidWeDid(plan);
  const meetings = [...plan.meetings].sort((a, b) => a.date.localeCompare(b.date));
  const last = meetings.filter((m) => m.date < today).at(-1);
  const next = meetings.find((m) => m.date >= today);
  const deadlines = next ? boardDeadlines(next.date, plan.board) : undefined;

  return {
    plan: { id: plan.id, title: plan.title, council: plan.council, period: plan.period },
    today,
    counts: {
      actions: state.actions.length,
      byStatus,
      byState,
      overdue: overdue.length,
      reviewsOverdue: reviews.length,
      promiseReviewsOverdue: promiseReviews.length,
      evidenceAwaitingReview: waiting.length,
      atRisk: atRisk.length,
      slippedDueDates: slipped.length,
      promises: state.promises.length,
      promisesWithoutEvidence: noEvidence.length,
      principlesWithoutActions: principles.length,
      unansweredFeedback: feedback.unanswered.length,
      changesSinceLastMeeting: last ? countChangesSince(state, last.date) : state.events.length,
    },
    overdue,
    reviewsOverdue: reviews,
    promiseReviewsOverdue: promiseReviews,
    evidenceAwaitingReview: waiting,
    atRisk,
    slippedDueDates: slipped,
    promisesWithoutEvidence: noEvidence,
    principlesWithoutActions: principles,
    youSaidWeDid: {
      answered: feedback.answered.map((f) => ({ id: f.id, said: f.said, date: f.date, did: f.response!.did, answeredOn: f.response!.date })),
      unanswered: feedback.unanswered.map((f) => ({ id: f.id, said: f.said, date: f.date, daysWaiting: Math.max(0, daysBetween(f.date, today)) })),
    },
    measures: plan.measures.map((m) => {
      const p = measureProgress(m);
      return {
        id: m.id, title: m.title, ...(p.latest ? { latest: { period: p.latest.period, value: p.latest.value } } : {}),
        target: m.target, direction: m.direction, ...(p.meetsTarget !== undefined ? { meetsTarget: p.meetsTarget } : {}),
        trend: p.trend, summary: p.summary,
      };
    }),
    byWorkstream,
    ...(last ? { lastMeeting: { date: last.date, theme: last.theme } } : {}),
    ...(next && deadlines
      ? { nextMeeting: { date: next.date, theme: next.theme, papersDue: deadlines.papers, childrenInCareCouncilReportDue: deadlines.childrenInCareCouncil, minutesDue: deadlines.minutes } }
      : {}),
  };
}
