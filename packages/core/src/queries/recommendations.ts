// Scrutiny recommendations: responses overdue, ones delivered and waiting for the committee's
// sign-off, rejected ones with the executive's reasons. Pure functions of a plan's state.
import { addMonths, daysBetween } from '../calendar/dates.js';
import type { RecommendationView } from '../items/views.js';
import type { Plan } from '../schema/plan.js';
import type { PlanState } from '../tracker/types.js';
import { checkToday } from './today.js';
import { plural } from '../schema/wording.js';


/**
 * When the executive's answer is due: `scrutiny.responseMonths` after the recommendation was
 * made, or after the committee last reopened it. Undefined once it is answered.
 */
export function responseDue(plan: Plan, r: RecommendationView): string | undefined {
  if (r.state !== 'made' && r.state !== 'reopened') return undefined;
  const from = r.state === 'reopened' && r.reopened ? r.reopened.on : r.madeOn;
  return addMonths(from, plan.scrutiny.responseMonths);
}

export interface ResponseOverdue {
  recommendation: string;
  due: string;
  daysOverdue: number;
  reason: string;
}

/** Recommendations whose response is past due on `today`, most overdue first. */
export function responsesOverdue(state: PlanState, today: string): ResponseOverdue[] {
  checkToday(today);
  const out: ResponseOverdue[] = [];
  for (const r of state.recommendations) {
    const due = responseDue(state.plan, r);
    if (!due || due >= today) continue;
    const daysOverdue = daysBetween(due, today);
    const again = r.state === 'reopened' ? ' since the committee reopened it' : '';
    out.push({
      recommendation: r.id,
      due,
      daysOverdue,
      reason: `The executive's response was due by ${due}${again} (${plural(state.plan.scrutiny.responseMonths, 'month')} allowed) and is ${plural(daysOverdue, 'day')} overdue.`,
    });
  }
  return out.sort((a, b) => b.daysOverdue - a.daysOverdue || a.recommendation.localeCompare(b.recommendation));
}

export interface AwaitingSignOff {
  recommendation: string;
  reason: string;
}

const DONE = new Set(['completed', 'verified']);
const DELIVERING = new Set(['accepted', 'partlyAccepted', 'inProgress']);

/**
 * Recommendations the committee could sign off: marked implemented, or accepted and being
 * delivered with every linked action completed or verified.
 */
export function awaitingSignOff(state: PlanState): AwaitingSignOff[] {
  // Each action's state, looked up only when a recommendation being delivered has actions.
  let stateOf: Map<string, string> | undefined;
  const done = (id: string) => DONE.has((stateOf ??= new Map(state.actions.map((a) => [a.id, a.state]))).get(id) ?? '');
  const out: AwaitingSignOff[] = [];
  for (const r of state.recommendations) {
    if (r.state === 'implemented') {
      out.push({ recommendation: r.id, reason: `Marked implemented on ${r.implementedOn}; waiting for the committee to sign it off.` });
    } else if (DELIVERING.has(r.state) && r.actions.length && r.actions.every(done)) {
      out.push({ recommendation: r.id, reason: `All ${plural(r.actions.length, 'linked action')} done; not yet marked implemented or signed off.` });
    }
  }
  return out;
}

export interface RejectedRecommendation {
  recommendation: string;
  respondedOn: string;
  reason: string;
  /** Whether the committee has signed off the rejection (accepted the reasons). */
  signedOff: boolean;
}

/** Recommendations the executive rejected, with its reasons: still open to the committee, or signed off. */
export function rejectedRecommendations(state: PlanState): RejectedRecommendation[] {
  return state.recommendations
    .filter((r) => r.response?.value === 'rejected' && (r.state === 'rejected' || r.state === 'signedOff'))
    .map((r) => ({ recommendation: r.id, respondedOn: r.response!.on, reason: r.response!.reason ?? '', signedOff: r.state === 'signedOff' }));
}
