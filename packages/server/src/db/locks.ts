import type { Queryable } from './database.js';

/** Advisory lock keys (class, key): one class for migrations, one for plans. */
export const LOCKS = { migrations: [7410, 1], planClass: 7411 } as const;

/** Holds the plan's lock until the transaction ends: appends to one plan are serialised across processes. */
export async function lockPlan(tx: Queryable, planId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCKS.planClass, planId]);
}
