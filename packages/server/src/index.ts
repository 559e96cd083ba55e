// @pledgeflow/server: the public API. Nothing else in this package is importable.
export type { Database, Queryable } from './db/database.js';
export { openPostgres } from './db/postgres.js';
export type { PostgresOptions } from './db/postgres.js';
export { openPglite } from './db/pglite.js';
export { migrate, readMigrations } from './db/migrate.js';
export type { Migration } from './db/migrate.js';
export { createApp, LIMITS } from './http/app.js';
export type { AppOptions } from './http/app.js';
export { ALGORITHMS, Authenticator, DevKeys, DEV_ISSUER } from './http/auth.js';
export type { AuthConfig, IssuerConfig, Verified } from './http/auth.js';
export { Judge } from './sync/judge.js';
export type { PushOutcome, PushResult, Verdict } from './sync/judge.js';
export { PlanRegistry } from './sync/plan-registry.js';
export { pull, headOf } from './sync/pull.js';
export type { PullPage, RefusedEvent } from './sync/pull.js';
export { startServer, startProblem } from './server.js';
export type { RunningServer, ServerOptions } from './server.js';
