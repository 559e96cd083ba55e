import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.js';

/**
 * PGlite: PostgreSQL in WebAssembly, kept in a data directory (or in memory when none is
 * given). One connection, fsync off: for trying pledgeflow and small single-server use.
 */
export async function openPglite(dataDir?: string): Promise<Database> {
  // PGlite makes its data directory but not the folders above it.
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  return {
    kind: 'pglite',
    channel: 'pledgeflow',
    query: async (text, params) => ({ rows: (await db.query(text, params as unknown[] | undefined)).rows as never[] }),
    exec: async (sql) => {
      await db.exec(sql);
    },
    transaction: (fn) =>
      db.transaction((tx) => {
        const q: Queryable = {
          query: async (text, params) => ({ rows: (await tx.query(text, params as unknown[] | undefined)).rows as never[] }),
          exec: async (sql) => {
            await tx.exec(sql);
          },
        };
        return fn(q);
      }),
    close: () => db.close(),
  };
}
