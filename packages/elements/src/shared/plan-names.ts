// Display names for a plan's people, agencies and working groups: core's lookup, built once per plan.
export { planNames, type PlanNames } from '@pledgeflow/core';
