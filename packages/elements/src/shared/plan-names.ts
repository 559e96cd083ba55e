import type { Plan } from '@pledgeflow/core';

/** Display names for a plan's people, agencies and working groups, looked up by id. */
export interface PlanNames {
  person(id: string | undefined): string | undefined;
  agency(id: string | undefined): string | undefined;
  workstream(id: string | undefined): string | undefined;
}

const cache = new WeakMap<Plan, PlanNames>();

/** Names for `plan`, built once per plan: a 1,000-row table looks names up for every row. */
export function planNames(plan: Plan): PlanNames {
  let names = cache.get(plan);
  if (!names) {
    const people = new Map(plan.people.map((p) => [p.id, p.name]));
    const agencies = new Map(plan.agencies.map((a) => [a.id, a.name]));
    const workstreams = new Map(plan.workstreams.map((w) => [w.id, w.name]));
    // An id the plan does not know is shown as itself rather than as nothing.
    names = {
      person: (id) => (id === undefined ? undefined : (people.get(id) ?? id)),
      agency: (id) => (id === undefined ? undefined : (agencies.get(id) ?? id)),
      workstream: (id) => (id === undefined ? undefined : (workstreams.get(id) ?? id)),
    };
    cache.set(plan, names);
  }
  return names;
}
