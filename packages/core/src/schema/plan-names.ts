import type { Plan } from './plan.js';
import { meetingTitle, recommendationTitle } from './titles.js';

/** The names people recognise for a plan's ids. An id the plan does not know is shown as itself rather than as nothing. */
export interface PlanNames {
  person(id: string): string;
  person(id: string | undefined): string | undefined;
  agency(id: string): string;
  agency(id: string | undefined): string | undefined;
  workstream(id: string): string;
  workstream(id: string | undefined): string | undefined;
  /** An action's title, a promise as "Promise 3: A home", a meeting as "Board meeting, 12 March 2027", a recommendation as "Recommendation 2: ...". */
  item(id: string): string;
  item(id: string | undefined): string | undefined;
}

const cache = new WeakMap<Plan, PlanNames>();

/** Names for `plan`, built once per plan (a 1,000-row table or a 100,000-event history looks them up for every row). */
export function planNames(plan: Plan): PlanNames {
  let names = cache.get(plan);
  if (!names) {
    const lookup = (pairs: Iterable<[string, string]>) => {
      const map = new Map(pairs);
      return ((id: string | undefined) => (id === undefined ? undefined : (map.get(id) ?? id))) as {
        (id: string): string;
        (id: string | undefined): string | undefined;
      };
    };
    names = {
      person: lookup(plan.people.map((p) => [p.id, p.name])),
      agency: lookup(plan.agencies.map((a) => [a.id, a.name])),
      workstream: lookup(plan.workstreams.map((w) => [w.id, w.name])),
      item: lookup([
        ...plan.actions.map((a): [string, string] => [a.id, a.title]),
        ...plan.promises.map((p): [string, string] => [p.id, `Promise ${p.number}: ${p.title}`]),
        ...plan.meetings.map((m): [string, string] => [m.id, meetingTitle(m)]),
        ...plan.recommendations.map((r): [string, string] => [r.id, `${recommendationTitle(r)}: ${r.title}`]),
      ]),
    };
    cache.set(plan, names);
  }
  return names;
}
