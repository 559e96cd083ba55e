// Display names for a plan's people, agencies and working groups: core's lookup, built once per plan.
import { planNames, type Plan } from '@pledgeflow/core';

export { planNames, type PlanNames } from '@pledgeflow/core';

/** "Name (Agency)" for the plan's people, by id; an id the plan does not know is shown as itself. */
export function personWithAgency(plan: Plan): (id: string) => string {
  const names = planNames(plan);
  const agencyOf = new Map(plan.people.map((p) => [p.id, p.agency]));
  return (id) => `${names.person(id)} (${names.agency(agencyOf.get(id) ?? '')})`;
}
