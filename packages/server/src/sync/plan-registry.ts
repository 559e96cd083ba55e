import type { Person, Plan } from '@pledgeflow/core';
import type { Database } from '../db/database.js';
import { lockPlan } from '../db/locks.js';
import { findPerson, loginProblem, type Identity } from '../http/identity.js';
import { stableJson } from './stable-json.js';

export interface StoredPlan {
  plan: Plan;
  version: number;
}

/** The plans this server holds, as stored in the `plans` table (every version kept in `plan_versions`). */
export class PlanRegistry {
  readonly #plans = new Map<string, StoredPlan>();
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /** Reads every plan's current version from the database. */
  async load(): Promise<void> {
    const { rows } = await this.#db.query<{ id: string; version: number; plan: Plan }>('SELECT id, version, plan FROM plans');
    this.#plans.clear();
    for (const row of rows) this.#plans.set(row.id, { plan: row.plan, version: Number(row.version) });
  }

  /**
   * Makes `plan` the current version of its plan: stored as version 1 when new, as the next
   * version when it differs from the stored one, left alone when it is the same.
   */
  async ensure(plan: Plan, by: string | null = null): Promise<StoredPlan> {
    const problem = loginProblem(plan);
    if (problem) throw new Error(problem);
    const stored = await this.#db.transaction(async (tx) => {
      await lockPlan(tx, plan.id);
      const { rows } = await tx.query<{ version: number; plan: Plan }>('SELECT version, plan FROM plans WHERE id = $1', [plan.id]);
      const current = rows[0];
      if (current && stableJson(current.plan) === stableJson(plan)) return { plan: current.plan, version: Number(current.version) };
      const version = current ? Number(current.version) + 1 : 1;
      const json = JSON.stringify(plan);
      if (current) await tx.query('UPDATE plans SET version = $2, plan = $3::jsonb, updated_at = now() WHERE id = $1', [plan.id, version, json]);
      else await tx.query('INSERT INTO plans (id, version, plan) VALUES ($1, $2, $3::jsonb)', [plan.id, version, json]);
      await tx.query('INSERT INTO plan_versions (plan_id, version, plan, created_by) VALUES ($1, $2, $3::jsonb, $4)', [plan.id, version, json, by]);
      return { plan, version };
    });
    this.#plans.set(plan.id, stored);
    return stored;
  }

  get(id: string): StoredPlan | undefined {
    return this.#plans.get(id);
  }

  all(): StoredPlan[] {
    return [...this.#plans.values()];
  }

  /** The person of the plan a sign-in names, if they are one of its people. */
  personIn(planId: string, identity: Identity): Person | undefined {
    const stored = this.#plans.get(planId);
    return stored ? findPerson(stored.plan, identity) : undefined;
  }

  /** Whether a sign-in names a person of any plan here. */
  knows(identity: Identity): boolean {
    return this.all().some(({ plan }) => findPerson(plan, identity) !== undefined);
  }
}
