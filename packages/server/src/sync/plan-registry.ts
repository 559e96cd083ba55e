import type { Person, Plan } from '@pledgeflow/core';
import type { Database, Queryable } from '../db/database.js';
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

  /** The plan's version in the database (undefined when it is not there): a cheap check that memory is current. */
  async storedVersion(q: Queryable, planId: string): Promise<number | undefined> {
    const { rows } = await q.query<{ version: number }>('SELECT version FROM plans WHERE id = $1', [planId]);
    return rows[0] ? Number(rows[0].version) : undefined;
  }

  /** Reads one plan's current version from the database into memory (another process may have changed it). */
  async reload(q: Queryable, planId: string): Promise<StoredPlan | undefined> {
    const { rows } = await q.query<{ version: number; plan: Plan }>('SELECT version, plan FROM plans WHERE id = $1', [planId]);
    const row = rows[0];
    if (!row) return undefined;
    const stored = { plan: row.plan, version: Number(row.version) };
    this.#plans.set(planId, stored);
    return stored;
  }

  /**
   * Writes `plan` as the current version of its plan: version 1 when new, the next version
   * when it differs from the stored one (every version kept), nothing when it is the same.
   * The caller holds the plan's lock and calls `remember` once the transaction commits.
   */
  async write(tx: Queryable, plan: Plan, by: string | null): Promise<{ stored: StoredPlan; changed: boolean }> {
    const problem = loginProblem(plan);
    if (problem) throw new Error(problem);
    const { rows } = await tx.query<{ version: number; plan: Plan }>('SELECT version, plan FROM plans WHERE id = $1', [plan.id]);
    const current = rows[0];
    if (current && stableJson(current.plan) === stableJson(plan)) return { stored: { plan: current.plan, version: Number(current.version) }, changed: false };
    const version = current ? Number(current.version) + 1 : 1;
    const json = JSON.stringify(plan);
    if (current) await tx.query('UPDATE plans SET version = $2, plan = $3::jsonb, updated_at = now() WHERE id = $1', [plan.id, version, json]);
    else await tx.query('INSERT INTO plans (id, version, plan) VALUES ($1, $2, $3::jsonb)', [plan.id, version, json]);
    await tx.query('INSERT INTO plan_versions (plan_id, version, plan, created_by) VALUES ($1, $2, $3::jsonb, $4)', [plan.id, version, json, by]);
    return { stored: { plan, version }, changed: true };
  }

  /** Makes a committed version the one this process serves. */
  remember(stored: StoredPlan): void {
    const known = this.#plans.get(stored.plan.id);
    if (!known || known.version <= stored.version) this.#plans.set(stored.plan.id, stored);
  }

  /** Makes `plan` the current version of its plan, in a transaction of its own (see `write`). */
  async ensure(plan: Plan, by: string | null = null): Promise<StoredPlan> {
    const { stored } = await this.#db.transaction(async (tx) => {
      await lockPlan(tx, plan.id);
      return this.write(tx, plan, by);
    });
    this.remember(stored);
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
