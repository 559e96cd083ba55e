import type { Actor } from '../schema/events.js';
import type { Person, Plan } from '../schema/plan.js';
import { ROLE_LABELS } from '../schema/roles.js';
import { withArticle } from '../schema/wording.js';

const NONE: readonly string[] = Object.freeze([]);

/** "an action owner", "a board member". */

/**
 * Why `actor` cannot act in this plan, if they cannot: someone the plan does not list, or
 * who claims a role or an agency other than the plan's record of them. Empty when they can.
 * The plan's people are the council's record of who holds which role where; a step claiming
 * anything else is refused, wherever it comes from (a page, a backup, another tab, a server).
 */
export function actorProblems(actor: Actor, people: ReadonlyMap<string, Person>): readonly string[] {
  const person = people.get(actor.userId);
  // The common case, without allocating: every fold asks this for every event.
  if (person && person.role === actor.role && person.agency === actor.agencyId) return NONE;
  if (!person) return [`actor.userId: "${actor.userId}" is not one of the people in this plan, so they cannot take steps in it.`];
  const out: string[] = [];
  if (person.role !== actor.role) {
    out.push(`actor.role: ${person.name} is ${withArticle(ROLE_LABELS[person.role])} in this plan, not ${withArticle(ROLE_LABELS[actor.role] ?? actor.role)}.`);
  }
  if (person.agency !== actor.agencyId) {
    out.push(`actor.agencyId: ${person.name} works for "${person.agency}" in this plan, not "${actor.agencyId}".`);
  }
  return out;
}

const byPlan = new WeakMap<Plan, ReadonlyMap<string, Person>>();

/** The plan's people by id, for `actorProblems`: made once per plan. */
export function peopleById(plan: Plan): ReadonlyMap<string, Person> {
  let people = byPlan.get(plan);
  if (!people) byPlan.set(plan, (people = new Map(plan.people.map((p) => [p.id, p]))));
  return people;
}
