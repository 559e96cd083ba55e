import { createTracker, findItem, type ItemSnapshot, type PledgeEvent, type Tracker } from '@pledgeflow/core';
import type { Queryable } from '../db/database.js';
import { EVENT_COLUMNS, eventFromRow, type EventRow } from './event-rows.js';
import type { StoredPlan } from './plan-registry.js';

/**
 * What the server keeps in memory for a plan: a core tracker of the accepted events up to
 * `seen`, loaded from the per-item snapshots in the database where they still fit.
 */
export interface PlanState {
  tracker: Tracker;
  version: number;
  seen: number;
  /** The seq of each item's last accepted event: where a snapshot written now ends. */
  lastSeq: Map<string, number>;
  /** Items whose stored snapshot is missing or no longer fits: written in the next transaction that holds the plan's lock. */
  dirty: Set<string>;
  /** Events the restored snapshots cover, not read yet: core reads them before it takes or receives a step (see `readCovered`). */
  covered?: { upTo: number; streams: string[]; events?: Map<string, PledgeEvent[]> };
}

/** Thrown when core asks for covered events while the tracker is being built: the plan is then loaded from its events. */
class CoveredWhileLoading extends Error {}

/**
 * Loads a plan's state without replaying what its snapshots cover. Per item, the database's
 * count of accepted events and the seq of the last one are checked against the item's
 * snapshot (made under this version of the plan); a snapshot that fits is restored, and its
 * events are read only when core needs them. Every other item (no snapshot, a stale one, one
 * with refused events, another machine version) is folded from its events now and marked
 * dirty, so that its snapshot is written again.
 */
export async function loadPlanState(q: Queryable, stored: StoredPlan): Promise<PlanState> {
  const { plan, version } = stored;
  const counts = new Map<string, { n: number; last: number }>();
  const stats = await q.query<{ stream: string; n: number | string; last: number | string }>(
    "SELECT stream, count(*) AS n, max(seq) AS last FROM events WHERE plan_id = $1 AND status = 'accepted' GROUP BY stream",
    [plan.id],
  );
  for (const r of stats.rows) counts.set(r.stream, { n: Number(r.n), last: Number(r.last) });
  const seen = Math.max(0, ...[...counts.values()].map((c) => c.last));

  const { rows } = await q.query<{ stream: string; seq: number | string; snapshot: ItemSnapshot }>(
    'SELECT stream, seq, snapshot FROM snapshots WHERE plan_id = $1 AND plan_version = $2',
    [plan.id, version],
  );
  const snapshots: ItemSnapshot[] = [];
  for (const { stream, seq, snapshot } of rows) {
    const count = counts.get(stream);
    const item = findItem(plan, stream);
    const accepted = snapshot.eventCount - (snapshot.refused?.length ?? 0);
    const fits =
      count !== undefined && item !== undefined && snapshot.stream === stream &&
      snapshot.kind === item.kind.kind && snapshot.machineVersion === item.kind.version &&
      snapshot.eventCount === count.n && Number(seq) === count.last &&
      // Core reads these items' events while loading: they are loaded from their events here.
      !snapshot.refused?.length && accepted > 0 && snapshot.updatedAt !== undefined;
    if (fits) snapshots.push(snapshot);
  }
  const restored = new Set(snapshots.map((s) => s.stream));
  const loadNow = [...counts.keys()].filter((stream) => !restored.has(stream));
  const events = loadNow.length
    ? (await q.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE plan_id = $1 AND status = 'accepted' AND stream = ANY($2::text[]) ORDER BY seq`,
        [plan.id, loadNow],
      )).rows.map(eventFromRow)
    : [];

  const state: PlanState = {
    tracker: undefined as unknown as Tracker,
    version,
    seen,
    lastSeq: new Map([...counts].map(([stream, c]) => [stream, c.last])),
    dirty: new Set(loadNow),
    ...(restored.size ? { covered: { upTo: seen, streams: [...restored] } } : {}),
  };
  let loading = true;
  const coveredEvents = (stream: string): readonly PledgeEvent[] => {
    if (loading) throw new CoveredWhileLoading(stream);
    const list = state.covered?.events?.get(stream);
    // Never hand core a short list: it would take it as the item's whole history.
    if (!list) throw new Error(`The events of ${stream} that its snapshot covers were not read before they were needed.`);
    state.covered!.events!.delete(stream);
    return list;
  };
  try {
    state.tracker = createTracker({ plan, snapshots, events, coveredEvents });
  } catch (error) {
    if (!(error instanceof CoveredWhileLoading)) throw error;
    return loadFromEvents(q, stored);
  }
  loading = false;
  for (const stream of state.tracker.rebuilt) state.dirty.add(stream);
  return state;
}

/** Loads a plan by replaying every accepted event (no snapshot used); every item's snapshot is then written again. */
async function loadFromEvents(q: Queryable, stored: StoredPlan): Promise<PlanState> {
  const { rows } = await q.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM events WHERE plan_id = $1 AND seq IS NOT NULL ORDER BY seq`,
    [stored.plan.id],
  );
  const events = rows.map(eventFromRow);
  const lastSeq = new Map<string, number>();
  for (const e of events) lastSeq.set(e.stream, e.seq!);
  return {
    tracker: createTracker({ plan: stored.plan, events }),
    version: stored.version,
    seen: events.at(-1)?.seq ?? 0,
    lastSeq,
    dirty: new Set(lastSeq.keys()),
  };
}

/**
 * Reads the events the restored snapshots cover, once, before core needs them: core reads
 * every item's history on the first step it takes or receives (to know every id), and it
 * reads synchronously. Reading rows is far cheaper than folding them.
 */
export async function readCovered(q: Queryable, planId: string, state: PlanState): Promise<void> {
  const covered = state.covered;
  if (!covered || covered.events) return;
  const { rows } = await q.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM events WHERE plan_id = $1 AND status = 'accepted' AND seq <= $2 AND stream = ANY($3::text[]) ORDER BY seq`,
    [planId, covered.upTo, covered.streams],
  );
  const events = new Map<string, PledgeEvent[]>(covered.streams.map((s) => [s, []]));
  for (const row of rows) events.get(row.stream)?.push(eventFromRow(row));
  covered.events = events;
}

/**
 * The snapshots of `streams` (items that took steps, and dirty ones) as rows for
 * `upsertSnapshots`, as JSON; the dirty items are then taken as written.
 */
export function snapshotRows(state: PlanState, streams: Iterable<string>): string {
  const rows: { stream: string; seq: number; snapshot: ItemSnapshot }[] = [];
  for (const stream of new Set(streams)) {
    const snapshot = state.tracker.snapshot(stream);
    const seq = state.lastSeq.get(stream);
    // An item with no events needs no snapshot; one whose last seq is not known is loaded from its events next time.
    if (snapshot && snapshot.eventCount > 0 && seq !== undefined) rows.push({ stream, seq, snapshot });
  }
  state.dirty.clear();
  return JSON.stringify(rows);
}

/** SQL that writes snapshot rows (`snapshotRows`) for a plan and version, given as the numbered parameters. */
export function upsertSnapshots(plan: string, version: string, rows: string): string {
  return `INSERT INTO snapshots (plan_id, stream, seq, snapshot, plan_version)
     SELECT ${plan}, r.stream, r.seq, r.snapshot, ${version}::integer FROM jsonb_to_recordset(${rows}::jsonb) AS r(stream text, seq bigint, snapshot jsonb)
     ON CONFLICT (plan_id, stream) DO UPDATE SET seq = EXCLUDED.seq, snapshot = EXCLUDED.snapshot, plan_version = EXCLUDED.plan_version`;
}

/**
 * Writes the snapshots of `streams` under the plan's version, in the caller's transaction
 * (which holds the plan's lock): a restart then starts each item from its snapshot.
 */
export async function writeSnapshots(tx: Queryable, planId: string, state: PlanState, streams: Iterable<string>): Promise<void> {
  const rows = snapshotRows(state, streams);
  if (rows !== '[]') await tx.query(upsertSnapshots('$1', '$2', '$3'), [planId, state.version, rows]);
}
