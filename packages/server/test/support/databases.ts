// The databases every server suite runs against: PGlite always; PostgreSQL when
// PLEDGEFLOW_TEST_DATABASE_URL is set. Under CI=true a missing PostgreSQL fails the suites.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../../src/index.js';

/** One database for a test: opened (and opened again, for restarts) and removed afterwards. */
export interface TestDatabaseHandle {
  open(): Promise<Database>;
  /** PostgreSQL: the schema the database's tables are in. */
  schema?: string;
  remove(): Promise<void>;
}

export interface TestDatabaseKind {
  name: 'PGlite' | 'PostgreSQL';
  /** A new, empty database. `persistent`: PGlite keeps it in a directory so that it survives a restart. */
  create(options?: { persistent?: boolean }): Promise<TestDatabaseHandle>;
}

const url = process.env['PLEDGEFLOW_TEST_DATABASE_URL'];
let schemas = 0;

const pglite: TestDatabaseKind = {
  name: 'PGlite',
  async create(options = {}) {
    if (!options.persistent) return { open: () => openPglite(), remove: async () => {} };
    const dir = mkdtempSync(join(tmpdir(), 'pledgeflow-pglite-'));
    return { open: () => openPglite(dir), remove: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

const postgres: TestDatabaseKind = {
  name: 'PostgreSQL',
  async create() {
    if (!url) {
      throw new Error('CI=true but PLEDGEFLOW_TEST_DATABASE_URL is not set: CI must run the server suites against PostgreSQL (see .ci/run).');
    }
    // A schema of its own for each test database: suites run side by side on one database.
    const schema = `t_${process.pid}_${Date.now().toString(36)}_${++schemas}`;
    return {
      schema,
      open: () => openPostgres({ url, schema, max: 5 }),
      async remove() {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        } finally {
          await client.end();
        }
      },
    };
  },
};

/**
 * PGlite always; PostgreSQL when a URL is given, or under CI=true (where its absence fails).
 * Without either, the PostgreSQL suites do not run: `npm test` prints one line saying so.
 */
export const TEST_DATABASES: readonly TestDatabaseKind[] =
  url || process.env['CI'] === 'true' ? [pglite, postgres] : [pglite];
