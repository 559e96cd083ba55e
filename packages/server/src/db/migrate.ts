import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';
import { LOCKS } from './locks.js';

const MIGRATION_FILE = /^(\d{3})_[a-z0-9_]+\.sql$/;

/** The package's migrations folder, from the source (src/db/) or the build (dist/). */
function migrationsDir(): string {
  for (const rel of ['../../migrations/', '../migrations/']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(`${dir}001_events.sql`)) return dir;
  }
  throw new Error('The server cannot find its migrations folder (packages/server/migrations).');
}

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function readMigrations(dir = migrationsDir()): Migration[] {
  return readdirSync(dir)
    .map((name) => ({ name, match: MIGRATION_FILE.exec(name) }))
    .filter((f) => f.match)
    .map((f) => ({ version: Number(f.match![1]), name: f.name, sql: readFileSync(`${dir}${f.name}`, 'utf8') }))
    .sort((a, b) => a.version - b.version);
}

/**
 * Brings the database up to the newest migration, in one transaction that first takes an
 * advisory lock: several servers starting at once wait for each other, and each migration
 * runs once. PostgreSQL's DDL is transactional, so a failed migration leaves nothing behind.
 */
export async function migrate(db: Database, migrations = readMigrations()): Promise<number[]> {
  const applied: number[] = [];
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1, $2)', LOCKS.migrations);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => Number(r.version)));
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
  });
  return applied;
}
