import { PRINCIPLES, type PrincipleNumber } from '../schema/checks.js';
import type { PlanState } from '../tracker/tracker.js';
import type { PromiseView } from '../tracker/views.js';

export interface PrincipleGap {
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

export interface PromiseEvidenceGap {
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
