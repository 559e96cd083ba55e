import type { PledgeEvent } from '@pledgeflow/core';

/** An event as the `events` table holds it. */
export interface EventRow {
  seq: number | string | null;
  id: string;
  stream: string;
  type: string;
  data: Record<string, unknown>;
  actor: PledgeEvent['actor'];
  at: string;
}

export const EVENT_COLUMNS = 'seq, id, stream, type, data, actor, at';

/** An accepted event as clients see it, with its `seq` (pg gives bigint as text). */
export function eventFromRow(row: EventRow): PledgeEvent {
  return { id: row.id, stream: row.stream, type: row.type, data: row.data, actor: row.actor, at: row.at, seq: Number(row.seq) } as PledgeEvent;
}
