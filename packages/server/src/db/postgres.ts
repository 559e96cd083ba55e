import pg from 'pg';
import type { Database, Queryable } from './database.js';

export interface PostgresOptions {
  /** A connection string: postgres://user:password@host:5432/database */
  url: string;
  /** A schema to work in (created if missing): lets tests and several plans share one database. */
  schema?: string;
  /** Most connections the pool opens. */
  max?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** PostgreSQL through a `pg` pool: the record of truth in production. */
export async function openPostgres(options: PostgresOptions): Promise<Database> {
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new Error(`The schema name "${options.schema}" is not allowed: use lower-case letters, digits and "_".`);
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // Channels are database-wide: one per schema, so servers in other schemas are not woken.
  const channel = options.schema ? `pledgeflow_${options.schema}` : 'pledgeflow';
  // An idle client that loses its connection must not crash the process: the next query reconnects.
  pool.on('error', () => {});
  if (options.schema) {
    try {
      await pool.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
    } catch (error) {
      // Two servers starting at once may both create it: IF NOT EXISTS does not hold between them.
      const code = (error as { code?: string }).code;
      if (code !== '23505' && code !== '42P06') {
        await pool.end();
        throw error;
      }
    }
  }
  const run: Queryable['query'] = async (text, params) => {
    const result = await pool.query(text, params as unknown[] | undefined);
    return { rows: result.rows };
  };
  return {
    kind: 'postgres',
    channel,
    query: run,
    exec: async (sql) => {
      await pool.query(sql);
    },
    async transaction(fn) {
      const client = await pool.connect();
      const tx: Queryable = {
        query: async (text, params) => ({ rows: (await client.query(text, params as unknown[] | undefined)).rows }),
        exec: async (sql) => {
          await client.query(sql);
        },
      };
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true; // the connection is gone: do not hand it out again
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    listen: (onMessage, onResumed) => listen(options.url, channel, onMessage, onResumed),
    close: () => pool.end(),
  };
}

/** How long to wait before listening again after the connection was lost. */
const RELISTEN_MS = 1000;

/** LISTEN on a connection of its own, outside the pool, listening again whenever it is lost. */
async function listen(url: string, channel: string, onMessage: (payload: string) => void, onResumed: () => void): Promise<() => Promise<void>> {
  let current: pg.Client | undefined;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const connect = async () => {
    const client = new pg.Client({ connectionString: url });
    const lost = () => {
      if (current !== client) return;
      current = undefined;
      client.end().catch(() => {});
      if (!stopped) timer = setTimeout(retry, RELISTEN_MS);
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (message) => {
      if (message.channel === channel && message.payload) onMessage(message.payload);
    });
    try {
      await client.connect();
      // LISTEN takes no parameters: the channel is made only of a checked schema name, and quoted.
      await client.query(`LISTEN "${channel}"`);
    } catch (error) {
      client.end().catch(() => {});
      throw error;
    }
    current = client;
  };
  const retry = async () => {
    timer = undefined;
    if (stopped) return;
    try {
      await connect();
      onResumed();
    } catch {
      if (!stopped) timer = setTimeout(retry, RELISTEN_MS);
    }
  };
  await connect();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    const client = current;
    current = undefined;
    await client?.end().catch(() => {});
  };
}
