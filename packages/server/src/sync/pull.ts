import type { PledgeEvent } from '@pledgeflow/core';
import type { Queryable } from '../db/database.js';
import { EVENT_COLUMNS, eventFromRow, type EventRow } from './event-rows.js';

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

/** The plan's highest seq (0 when nothing is accepted yet). */
export async function headOf(q: Queryable, planId: string): Promise<number> {
  const { rows } = await q.query<{ head: number | string | null }>(
    "SELECT max(seq) AS head FROM events WHERE plan_id = $1 AND status = 'accepted'",
    [planId],
  );
  return Number(rows[0]?.head ?? 0);
}

/**
 * Accepted events after `after`, in seq order, and the caller's own refused events. Seqs
 * are given under the plan's lock and so become visible in order: a page never skips one.
 */
export async function pull(q: Queryable, planId: string, author: string, after: number, limit: number): Promise<PullPage> {
  const { rows } = await q.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM events WHERE plan_id = $1 AND status = 'accepted' AND seq > $2 ORDER BY seq LIMIT $3`,
    [planId, after, limit],
  );
  const events = rows.map(eventFromRow);
  // Read after the page: if more arrived meanwhile, `upToDate` is false and the client asks again.
  const head = Math.max(await headOf(q, planId), events.at(-1)?.seq ?? 0);
  const refusedRows = await q.query<{ id: string; stream: string; type: string; at: string; reasons: string[] | null; received_at: Date | string }>(
    `SELECT id, stream, type, at, reasons, received_at FROM events
     WHERE plan_id = $1 AND author = $2 AND status = 'refused' ORDER BY n DESC LIMIT $3`,
    [planId, author, REFUSED_LIMIT],
  );
  const refused = refusedRows.rows.map((r) => ({
    id: r.id, stream: r.stream, type: r.type, at: r.at, reasons: r.reasons ?? [],
    receivedAt: new Date(r.received_at).toISOString(),
  }));
  return { events, head, upToDate: (events.at(-1)?.seq ?? after) >= head, refused };
}
