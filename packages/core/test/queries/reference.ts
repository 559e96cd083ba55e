// Plain versions of what was made fast: the scrutiny report's parts that report-facts.ts works
// out in one pass, and the queries that now take shortcuts (a calendar day remembered, facts kept
// per action, bits for principles, times compared as text). Written plainly, as the definition
// the fast code is checked against; what was not made fast (reviewsOverdue, the names, the
// report's plan, promise reviews, feedback, measures and meetings) comes from src.
// Change both together when a query's meaning changes.
import {
  ACTION_STATES, addDays, DUE_SOON_WORKING_DAYS, addWorkingDays, BRAG_LABELS, BRAG_WORST_FIRST, DEFAULT_BRAG_SETTINGS, daysBetween, describeEvent,
  isOpen, londonDate, planNames, PRINCIPLES, reviewsOverdue, scrutinyReport as fastScrutinyReport, startOfLondonDay,
  workingDaysBetween,
  type ActionState, type ActionView, type Brag, type BragResult, type BragSettings, type CalendarOptions, type Change,
  type EvidenceAwaitingReview, type OverdueAction, type PlanState, type PledgeEvent, type PrincipleGap, type PrincipleNumber,
  type PromiseEvidenceGap, type RollUpBy, type RollUpGroup, type ScrutinyReport, type SlippedDueDate,
} from '@pledgeflow/core';
import { checkToday } from '../../src/queries/today.js';

// Not made fast: the query is its own plain version.
export { reviewsOverdue };

// ---- brag.ts
/** An action's BRAG status on `today`, the rules one after another as brag.ts's comment gives them, counting working days afresh. */
export function bragStatus(action: Pick<ActionView, 'state' | 'dueDate' | 'reviewDate' | 'reason'>, today: string, settings: Partial<BragSettings> = {}, calendar: CalendarOptions = {}): BragResult {
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
/** The groups an action counts in; an agency answers for the actions it leads and those it contributes to. */
const GROUPS_OF: Record<RollUpBy, (action: ActionView) => string[]> = {
  promise: (a) => a.promises,
  workstream: (a) => [a.workstream],
  agency: (a) => [a.leadAgency, ...a.partners],
  owner: (a) => [a.owner ?? '(no owner)'],
  principle: (a) => a.principles.map(String),
};

/** BRAG counts grouped by promise, workstream, agency, owner or principle; every group in the plan appears, even an empty one. */
export function rollUp(state: PlanState, today: string, by: RollUpBy, settings: Partial<BragSettings> = state.plan.brag, calendar: CalendarOptions = { closures: state.plan.board.closures }): RollUpGroup[] {
  checkToday(today);
  const { plan } = state;
  const names = new Map<string, string>();
  if (by === 'promise') for (const p of plan.promises) names.set(p.id, `${p.number}. ${p.title}`);
  if (by === 'workstream') for (const w of plan.workstreams) names.set(w.id, w.name);
  if (by === 'agency') for (const a of plan.agencies) names.set(a.id, a.name);
  if (by === 'owner') for (const a of state.actions) if (a.owner) names.set(a.owner, planNames(plan).person(a.owner));
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
    for (const key of new Set(GROUPS_OF[by](action))) {
      const g = group(key);
      g.total++;
      g.counts[status]++;
      g.actions.push(action.id);
    }
  }
  for (const g of groups.values()) g.status = BRAG_WORST_FIRST.find((s) => g.counts[s] > 0) ?? 'none';
  return [...groups.values()];
}

// ---- overdue.ts
/** Open actions whose due date is before `today`, most overdue first. */
export function overdueActions(state: PlanState, today: string, calendar: CalendarOptions = {}): OverdueAction[] {
  checkToday(today);
  return state.actions
    .filter((a) => a.dueDate && today > a.dueDate && isOpen(a))
    .map((action) => ({ action, daysOverdue: daysBetween(action.dueDate!, today), workingDaysOverdue: workingDaysBetween(action.dueDate!, today, calendar) }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.action.id.localeCompare(b.action.id));
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
/** Actions whose due date was moved later at least once, with every reason given. */
export function slippedDueDates(state: PlanState): SlippedDueDate[] {
  // Setting a first due date is not a slip; moving one later is.
  return state.actions
    .filter((a) => a.dueDateChanges.some((c) => c.from !== undefined && c.to > c.from))
    .map((action) => ({
      action,
      originalDueDate: action.dueDateChanges.find((c) => c.from !== undefined)!.from!,
      ...(action.dueDate ? { currentDueDate: action.dueDate } : {}),
      changes: action.dueDateChanges,
    }));
}

// ---- changes.ts
/** Everything that happened after `since` (a UK calendar date, not included), oldest first. */
export function changesSince(state: PlanState, since: string): Change[] {
  const names = planNames(state.plan);
  return eventsAfter(state, since).map((event) => ({
    event, on: londonDate(event.at), title: names.item(event.stream), summary: `${names.person(event.actor.userId)} ${describeEvent(event, state.plan)}`,
  }));
}

/** How many events happened after `since` (a UK calendar date, not included). */
export function countChangesSince(state: PlanState, since: string): number {
  return eventsAfter(state, since).length;
}

/** The events at or after the start of the UK day after `since`, every time parsed. */
function eventsAfter(state: PlanState, since: string): PledgeEvent[] {
  const from = startOfLondonDay(addDays(since, 1));
  return state.events.filter((event) => Date.parse(event.at) >= from);
}

// ---- scrutiny-report.ts
/**
 * The scrutiny report for `today` (a UK calendar date): what report-facts.ts works out in one
 * pass, and the count of changes, made plainly from the plain queries above; the parts that
 * were not made fast (the plan, promise reviews, feedback, measures, meetings) as src makes them.
 */
export function scrutinyReport(state: PlanState, today: string): ScrutinyReport {
  checkToday(today);
  const { plan } = state;
  const src = fastScrutinyReport(state, today);
  const names = planNames(plan);
  const n = { ...names, person: (id?: string) => (id ? names.person(id) : 'No owner') };
  const calendar = { closures: plan.board.closures };

  // Every action is in exactly one working group, so the status counts add up from the roll-up.
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
  // Due soon: open, due from today up to ten working days ahead (or the plan's amber window, if longer).
  const soonUntil = addWorkingDays(today, Math.max(DUE_SOON_WORKING_DAYS, { ...DEFAULT_BRAG_SETTINGS, ...plan.brag }.amberWithinWorkingDays), calendar);
  const soon = state.actions
    .filter((a) => a.dueDate && a.dueDate >= today && a.dueDate <= soonUntil && isOpen(a))
    .sort((a, b) => a.dueDate!.localeCompare(b.dueDate!))
    .map((a) => ({ id: a.id, title: a.title, owner: n.person(a.owner), dueDate: a.dueDate!, daysLeft: daysBetween(today, a.dueDate!) }));
  // Every action's status, and for amber ones why, read from the words of its why.
  const actions = state.actions.map((a) => {
    const b = bragStatus(a, today, plan.brag, calendar);
    const because = b.status !== 'amber' ? undefined : b.why.startsWith('flagged') ? 'flagged' as const : b.why.startsWith('review') ? 'review' as const : 'due' as const;
    return { id: a.id, title: a.title, status: b.status, label: b.label, ...(because ? { amberBecause: because } : {}) };
  });

  return {
    plan: src.plan,
    today,
    counts: {
      actions: state.actions.length,
      byStatus,
      byState,
      overdue: overdue.length,
      reviewsOverdue: reviews.length,
      promiseReviewsOverdue: src.counts.promiseReviewsOverdue,
      evidenceAwaitingReview: waiting.length,
      dueSoon: soon.length,
      atRisk: atRisk.length,
      slippedDueDates: slipped.length,
      promises: src.counts.promises,
      promisesWithoutEvidence: noEvidence.length,
      principlesWithoutActions: principles.length,
      unansweredFeedback: src.counts.unansweredFeedback,
      changesSinceLastMeeting: src.lastMeeting ? countChangesSince(state, src.lastMeeting.date) : state.events.length,
      // The board's and recommendations' sections are checked against their queries in board-report.test.ts.
      meetingsNotQuorate: src.counts.meetingsNotQuorate,
      attendanceBelowExpectation: src.counts.attendanceBelowExpectation,
      reportsNotReceived: src.counts.reportsNotReceived,
      recommendations: src.counts.recommendations,
      responsesOverdue: src.counts.responsesOverdue,
      awaitingSignOff: src.counts.awaitingSignOff,
      rejectedRecommendations: src.counts.rejectedRecommendations,
    },
    overdue,
    reviewsOverdue: reviews,
    promiseReviewsOverdue: src.promiseReviewsOverdue,
    evidenceAwaitingReview: waiting,
    dueSoon: soon,
    atRisk,
    slippedDueDates: slipped,
    promisesWithoutEvidence: noEvidence,
    principlesWithoutActions: principles,
    youSaidWeDid: src.youSaidWeDid,
    measures: src.measures,
    byWorkstream,
    actions,
    ...(src.lastMeeting ? { lastMeeting: src.lastMeeting } : {}),
    ...(src.nextMeeting ? { nextMeeting: src.nextMeeting } : {}),
    board: src.board,
    recommendations: src.recommendations,
  };
}
