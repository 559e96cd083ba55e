import type { PledgeEvent } from '@pledgeflow/core';
import type { Queryable } from '../db/database.js';

export interface RefusedEvent {
  id: string;
  stream: string;
  type: string;
  at: string;
  reasons: string[];
  receivedAt: string;
}

export interface PullPage {
  events: PledgeEvent[];
  head: number;
  upToDate: boolean;
  refused: RefusedEvent[];
}

/** How many of the caller's refused events a pull lists, newest first. */
export const REFUSED_LIMIT = 500;

/** The plan's highest seq (0 when nothing is accepted yet). Accepted events are exactly those with a seq. */
export async function headOf(q: Queryable, planId: string): Promise<number> {
  const { rows } = await q.query<{ head: number | string | null }>(
    'SELECT max(seq) AS head FROM events WHERE plan_id = $1 AND seq IS NOT NULL',
    [planId],
  );
  return Number(rows[0]?.head ?? 0);
}

/**
 * A pull page as JSON text (`PullPage`), made by PostgreSQL in one statement: accepted
 * events after `after` in seq order, the head, and the caller's own refused events, all
 * from one snapshot of the database. Seqs are given under the plan's lock and so become
 * visible in order: a page never skips one. The events' JSON is built from the stored
 * text, never parsed and written again.
 */
export async function pullJson(q: Queryable, planId: string, author: string, after: number, limit: number): Promise<string> {
  const { rows } = await q.query<{ events: string; last: number | string | null; head: number | string | null; refused: string }>(
    `WITH page AS (
       SELECT seq, id, stream, type, data, actor, at FROM events
       WHERE plan_id = $1 AND seq > $2 ORDER BY seq LIMIT $3
     ), refused AS (
       SELECT n, id, stream, type, at, reasons, received_at FROM events
       WHERE plan_id = $1 AND author = $4 AND status = 'refused' ORDER BY n DESC LIMIT $5
     )
     SELECT
       (SELECT coalesce(string_agg(format('{"id":%s,"stream":%s,"type":%s,"data":%s,"actor":%s,"at":%s,"seq":%s}',
          to_json(id), to_json(stream), to_json(type), data, actor, to_json(at), seq), ',' ORDER BY seq), '') FROM page) AS events,
       (SELECT max(seq) FROM page) AS last,
       (SELECT max(seq) FROM events WHERE plan_id = $1 AND seq IS NOT NULL) AS head,
       (SELECT coalesce(json_agg(json_build_object('id', id, 'stream', stream, 'type', type, 'at', at, 'reasons', coalesce(reasons, '[]'::jsonb),
          'receivedAt', to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY n DESC), '[]')::text FROM refused) AS refused`,
    [planId, after, limit, author, REFUSED_LIMIT],
  );
  const row = rows[0]!;
  const last = row.last === null ? after : Number(row.last);
  const head = Math.max(Number(row.head ?? 0), last);
  return `{"events":[${row.events}],"head":${head},"upToDate":${last >= head},"refused":${row.refused}}`;
}

/** A pull page (see `pullJson`), read. */
export async function pull(q: Queryable, planId: string, author: string, after: number, limit: number): Promise<PullPage> {
  return JSON.parse(await pullJson(q, planId, author, after, limit)) as PullPage;
}
