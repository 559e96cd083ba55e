import type { Person, Plan } from '@pledgeflow/core';

/** Who a verified token says the caller is, before any plan is looked at. */
export interface Identity {
  /** Claim values to match against a person's `login`, folded for comparison, most preferred first. */
  logins: readonly string[];
  /** The person id the logins file gives, or the claim's value itself when there is no logins file. */
  personId?: string;
  /** Development sign-in: the token names a person id, whatever their login. */
  dev?: boolean;
  /** A key for the per-person rate limit (issuer and subject); never logged. */
  key: string;
}

/** Logins are compared without regard to case (Entra ID keeps the case people typed). */
export function foldLogin(value: string): string {
  return value.normalize('NFC').toLowerCase();
}

/**
 * The person of the plan the identity names: first the one whose `login` matches a claim
 * value; failing that, the person the logins file (or the claim itself) gives, provided the
 * plan does not name a login for them. Once a plan says how someone signs in, only that does.
 */
export function findPerson(plan: Plan, identity: Identity): Person | undefined {
  if (identity.dev) return plan.people.find((p) => p.id === identity.personId);
  for (const login of identity.logins) {
    const found = plan.people.find((p) => p.login !== undefined && foldLogin(p.login) === login);
    if (found) return found;
  }
  if (identity.personId === undefined) return undefined;
  return plan.people.find((p) => p.id === identity.personId && p.login === undefined);
}

/** Why the plan's logins cannot tell its people apart, in plain words; undefined when they can. */
export function loginProblem(plan: Plan): string | undefined {
  const seen = new Map<string, Person>();
  for (const person of plan.people) {
    if (person.login === undefined) continue;
    const key = foldLogin(person.login);
    const other = seen.get(key);
    if (other) {
      return `${other.name} (${other.id}) and ${person.name} (${person.id}) in the plan "${plan.id}" have the same login, ` +
        `${JSON.stringify(person.login)} (logins are compared without regard to case): give each person their own.`;
    }
    seen.set(key, person);
  }
  return undefined;
}
