import { PRINCIPLES, type PrincipleNumber } from '../schema/checks.js';
import type { PlanState } from '../tracker/tracker.js';
import type { PromiseView } from '../items/views.js';
import { actionFacts } from '../items/action-facts.js';
import { principleBits } from '../items/report-line.js';
export { principleBits };

export interface PrincipleGap {
  principle: PrincipleNumber;
  text: string;
}

/** @internal The principles whose bit is not set in `served`, in order. */
export function principleGaps(served: number): PrincipleGap[] {
  return (Object.keys(PRINCIPLES).map(Number) as PrincipleNumber[])
    .filter((p) => (served & (1 << p)) === 0)
    .map((principle) => ({ principle, text: PRINCIPLES[principle] }));
}

/** Corporate parenting principles that no action serves, leaving out deferred and withdrawn ones. */
export function principlesWithoutActions(state: PlanState): PrincipleGap[] {
  let served = 0;
  for (const a of state.actions) {
    if (a.state === 'deferred' || a.state === 'withdrawn') continue;
    served |= principleBits(a.principles);
  }
  return principleGaps(served);
}

export interface PromiseEvidenceGap {
  promise: PromiseView;
  /** How many actions deliver it. */
  actions: number;
}

/** @internal How many actions deliver each promise, and whether any of them has accepted evidence. */
export type Delivery = Map<string, { actions: number; accepted: boolean }>;

/** @internal Counts one action into `delivery`: the promises it delivers (each once) and whether it has accepted evidence. */
export function countDelivery(delivery: Delivery, promises: readonly string[], hasAcceptedEvidence: boolean): void {
  for (let i = 0; i < promises.length; i++) {
    const id = promises[i]!;
    if (promises.indexOf(id) !== i) continue; // an action that lists a promise twice still counts once
    let d = delivery.get(id);
    if (!d) delivery.set(id, (d = { actions: 0, accepted: false }));
    d.actions++;
    if (hasAcceptedEvidence) d.accepted = true;
  }
}

/** @internal Adopted promises with no accepted evidence, given how actions deliver them. */
export function promiseEvidenceGaps(promises: readonly PromiseView[], delivery: Delivery): PromiseEvidenceGap[] {
  const out: PromiseEvidenceGap[] = [];
  for (const promise of promises) {
    if (promise.state === 'retired' || promise.state === 'drafted') continue;
    const d = delivery.get(promise.id);
    if (!d?.accepted) out.push({ promise, actions: d?.actions ?? 0 });
  }
  return out;
}

/** Adopted promises (not drafts, not retired) none of whose actions has accepted evidence. */
export function promisesWithoutEvidence(state: PlanState): PromiseEvidenceGap[] {
  // One pass over the actions, not one per promise.
  const delivery: Delivery = new Map();
  for (const a of state.actions) if (a.promises.length > 0) countDelivery(delivery, a.promises, actionFacts(a).hasAcceptedEvidence);
  return promiseEvidenceGaps(state.promises, delivery);
}
