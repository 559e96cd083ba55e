import type { ActionView, Plan } from '@pledgeflow/core';
import { planNames } from '../shared/plan-names.js';

/** A filter's choices as `[id, name]`, sorted by name. */
export interface FilterOptions {
  /** Agencies that lead or contribute to at least one action. */
  agencies: [string, string][];
  leadAgencies: [string, string][];
  owners: [string, string][];
}

const byName = new Intl.Collator('en-GB');
const cache = new WeakMap<Plan, { key: string; options: FilterOptions }>();

/**
 * The agencies (leading or contributing), lead agencies and owners that `actions` have, for the list's filters. Kept per plan
 * until the set of lead agencies or owners changes: sorting names on every render of a long
 * list is slow, and most changes (a step on an action) change neither.
 */
export function filterOptions(plan: Plan, actions: readonly ActionView[]): FilterOptions {
  const leads = new Set<string>();
  const owners = new Set<string>();
  const involved = new Set<string>();
  for (const a of actions) {
    leads.add(a.leadAgency);
    involved.add(a.leadAgency);
    for (const p of a.partners) involved.add(p);
    if (a.owner) owners.add(a.owner);
  }
  const key = `${[...leads].join('\n')}\n\n${[...owners].join('\n')}\n\n${[...involved].join('\n')}`;
  const hit = cache.get(plan);
  if (hit?.key === key) return hit.options;
  const names = planNames(plan);
  const sorted = (ids: Set<string>, name: (id: string) => string | undefined): [string, string][] =>
    [...ids].sort((a, b) => byName.compare(name(a) ?? a, name(b) ?? b)).map((id) => [id, name(id)!]);
  const options = { agencies: sorted(involved, names.agency), leadAgencies: sorted(leads, names.agency), owners: sorted(owners, names.person) };
  cache.set(plan, { key, options });
  return options;
}
