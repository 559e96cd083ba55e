import { createEventId, createTracker, ITEM_KINDS, type ItemSnapshot, type PledgeEvent } from '@pledgeflow/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanRegistry, type Database, type RunningServer } from '../src/index.js';
import { loadPlanState, readCovered } from '../src/sync/plan-state.js';
import { TEST_DATABASES, type TestDatabaseHandle } from './support/databases.js';
import { actorOf, eastmere, eastmereEvents } from './support/fixtures.js';
import { call, devSignIn, startTestServer } from './support/harness.js';

const TODAY = '2026-12-01';
let clock = Date.parse('2026-11-25T09:00:00Z');
const nextAt = () => new Date((clock += 60_000)).toISOString();

for (const kind of TEST_DATABASES) {
  describe(`restarting from per-item snapshots (${kind.name})`, () => {
    const plan = eastmere('eastmere-snapshots');
    let handle: TestDatabaseHandle;
    let server: RunningServer | undefined;
    let before: { report: unknown; events: PledgeEvent[] };

    beforeAll(async () => {
      handle = await kind.create({ persistent: true });
    });
    afterAll(async () => {
      await server?.close();
      await handle?.remove();
    });

    const start = () => startTestServer(handle, [{ plan, events: eastmereEvents() }]);
    const answers = async () => {
      const token = await devSignIn(server!.url, 'jo-whitfield');
      const report = (await call(server!.url, token, `/v1/plans/${plan.id}/report?today=${TODAY}`)).body;
      const events = (await call(server!.url, token, `/v1/plans/${plan.id}/pull?limit=1000`)).body.events as PledgeEvent[];
      return { report, events };
    };
    /** The database alone, with the server stopped. */
    const withDatabase = async <T>(fn: (db: Database) => Promise<T>): Promise<T> => {
      await server?.close();
      server = undefined;
      const db = await handle.open();
      try {
        return await fn(db);
      } finally {
        await db.close();
      }
    };
    const snapshotRows = (db: Database) =>
      db.query<{ stream: string; seq: number | string; snapshot: ItemSnapshot; plan_version: number }>(
        'SELECT stream, seq, snapshot, plan_version FROM snapshots WHERE plan_id = $1 ORDER BY stream', [plan.id]).then((r) => r.rows);
    const lastSeqs = (db: Database) =>
      db.query<{ stream: string; n: string | number; last: string | number }>(
        "SELECT stream, count(*) AS n, max(seq) AS last FROM events WHERE plan_id = $1 AND status = 'accepted' GROUP BY stream ORDER BY stream", [plan.id]).then((r) => r.rows);

    it('writes a snapshot of every item with events, in the transaction that stores its events', async () => {
      server = await start();
      const ruth = await devSignIn(server.url, 'ruth-kendrick');
      const steps = [
        // ETE-07 is agreed in the example log.
        { id: createEventId(clock), stream: 'ETE-07', type: 'action.start', data: {}, actor: actorOf(plan, 'ruth-kendrick'), at: nextAt() },
        { id: createEventId(clock + 1), stream: 'ETE-07', type: 'action.progress', data: { note: 'Twelve young people matched with mentors.' }, actor: actorOf(plan, 'ruth-kendrick'), at: nextAt() },
      ];
      const pushed = await call(server.url, ruth, `/v1/plans/${plan.id}/push`, { method: 'POST', body: { clientId: 'ruth', events: steps } });
      expect(pushed.body.results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'accepted']);
      before = await answers();
      expect(before.events.length).toBeGreaterThan(100);

      await withDatabase(async (db) => {
        const rows = await snapshotRows(db);
        const counts = await lastSeqs(db);
        // One per item with events, each ending at its item's last seq and covering all its events.
        expect(rows.map((r) => [r.stream, Number(r.seq), r.snapshot.eventCount, Number(r.plan_version)]))
          .toEqual(counts.map((c) => [c.stream, Number(c.last), Number(c.n), 1]));
        const ete07 = rows.find((r) => r.stream === 'ETE-07')!.snapshot;
        expect(ete07).toMatchObject({ kind: 'action', machineVersion: ITEM_KINDS.action.version, lastEventId: steps[1]!.id, value: 'inProgress' });

        // Loading restores every item from its snapshot and folds none from its events.
        const registry = new PlanRegistry(db);
        await registry.load();
        const state = await loadPlanState(db, registry.get(plan.id)!);
        expect(state.dirty.size).toBe(0);
        expect(state.covered?.streams.sort()).toEqual(counts.map((c) => c.stream));
        expect(state.seen).toBe(Math.max(...before.events.map((e) => e.seq!)));
        const replay = createTracker({ plan, events: before.events });
        const view = (t: typeof replay) => t.actions().map((a) => [a.id, a.state, a.eventCount, a.updatedAt]);
        expect(view(state.tracker)).toEqual(view(replay));
        // Its covered events, read when core needs them, are the whole log.
        await readCovered(db, plan.id, state);
        expect(state.tracker.events().map((e) => e.id)).toEqual(replay.events().map((e) => e.id));
        expect(state.tracker.rebuilt).toEqual([]);
      });
    }, 60_000);

    it('answers the same after a restart, and takes steps on top of the snapshots', async () => {
      server = await start();
      expect(await answers()).toEqual(before);
      const ruth = await devSignIn(server.url, 'ruth-kendrick');
      const progress = { id: createEventId(clock), stream: 'ETE-07', type: 'action.progress', data: { note: 'Careers adviser in post.' }, actor: actorOf(plan, 'ruth-kendrick'), at: nextAt() };
      const res = await call(server.url, ruth, `/v1/plans/${plan.id}/push`, { method: 'POST', body: { clientId: 'ruth', events: [progress] } });
      expect(res.body.results[0]).toMatchObject({ status: 'accepted', seq: before.events.length + 1 });
      // A step pushed again after the restart is still known by its id.
      const again = await call(server.url, ruth, `/v1/plans/${plan.id}/push`, { method: 'POST', body: { clientId: 'ruth', events: [progress] } });
      expect(again.body.results[0]).toMatchObject({ status: 'duplicate', verdict: 'accepted' });
      before = await answers();
      const replay = createTracker({ plan, events: before.events });
      expect(replay.rejected).toEqual([]);
      expect(replay.getAction('ETE-07')?.eventCount).toBe(4);
    }, 60_000);

    it('rebuilds a stale snapshot from events, answers the same, and writes it again', async () => {
      const stale = await withDatabase(async (db) => {
        const rows = await snapshotRows(db);
        const ete07 = rows.find((r) => r.stream === 'ETE-07')!;
        const other = rows.find((r) => r.stream !== 'ETE-07' && r.snapshot.eventCount > 1)!;
        // ETE-07's snapshot as it was two steps ago; another item's from an older machine version.
        await db.query("UPDATE snapshots SET snapshot = jsonb_set(jsonb_set(snapshot, '{eventCount}', to_jsonb($3::int)), '{value}', '\"agreed\"'::jsonb) WHERE plan_id = $1 AND stream = $2",
          [plan.id, 'ETE-07', ete07.snapshot.eventCount - 2]);
        await db.query("UPDATE snapshots SET snapshot = jsonb_set(snapshot, '{machineVersion}', '0'::jsonb) WHERE plan_id = $1 AND stream = $2", [plan.id, other.stream]);
        const registry = new PlanRegistry(db);
        await registry.load();
        const state = await loadPlanState(db, registry.get(plan.id)!);
        expect([...state.dirty].sort()).toEqual(['ETE-07', other.stream].sort());
        expect(state.tracker.getAction('ETE-07')?.state).toBe('inProgress');
        return other.stream;
      });

      server = await start();
      expect(await answers()).toEqual(before);
      await withDatabase(async (db) => {
        const rows = await snapshotRows(db);
        const counts = new Map((await lastSeqs(db)).map((c) => [c.stream, Number(c.n)]));
        for (const stream of ['ETE-07', stale]) {
          const row = rows.find((r) => r.stream === stream)!.snapshot;
          expect(row.eventCount, stream).toBe(counts.get(stream));
          expect(row.machineVersion, stream).toBe(ITEM_KINDS[row.kind].version);
        }
        expect(rows.find((r) => r.stream === 'ETE-07')!.snapshot.value).toBe('inProgress');
      });
    }, 60_000);
  });
}
