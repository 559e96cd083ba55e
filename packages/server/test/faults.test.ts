// A seeded fault run: three clients in different agencies push through a transport that
// drops requests and responses, duplicates and reorders, while the server restarts twice.
// PLEDGEFLOW_SIM_SEED repeats a run; PLEDGEFLOW_SIM_EVENTS sets events per client (`npm run sim`: 1,000).
import { createEventId, createTracker, scrutinyReport, type EventType, type PledgeEvent } from '@pledgeflow/core';
import { afterAll, describe, expect, it } from 'vitest';
import { prng } from '../../core/test/prng.js';
import type { Database, RunningServer } from '../src/index.js';
import { SyncClient, fetchTransport, type Transport } from './support/client.js';
import { TEST_DATABASES, type TestDatabaseHandle } from './support/databases.js';
import { actorOf, eastmere } from './support/fixtures.js';
import { devSignIn, startTestServer } from './support/harness.js';

const SEED = Number(process.env['PLEDGEFLOW_SIM_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
const EVENTS_PER_CLIENT = Number(process.env['PLEDGEFLOW_SIM_EVENTS'] ?? 40);
const BATCH = 10;
console.log(`fault run: seed ${SEED}, ${EVENTS_PER_CLIENT} events per client (repeat with PLEDGEFLOW_SIM_SEED=${SEED})`);

/**
 * Seeds that once failed, run on every `npm test` with the events per client they failed with.
 * 893996358: the last client still had steps in its outbox when the drain began, and the
 * drain pulled each client right after its own push, so the first two never saw those steps.
 */
const REGRESSION_SEEDS = [{ seed: 893996358, events: 40 }];
const RUNS = [{ seed: SEED, events: EVENTS_PER_CLIENT }, ...REGRESSION_SEEDS.filter((r) => r.seed !== SEED)];


const PEOPLE = {
  'ruth-kendrick': ['ETE-01', 'ETE-02', 'ETE-03', 'ETE-04'],
  'helen-pryce': ['HOM-01', 'HOM-02', 'HOM-05', 'HOM-06'],
  'sunita-rao': ['HLT-01', 'HLT-02', 'HLT-03', 'HLT-04'],
} as const;
const STEPS: EventType[] = ['action.agree', 'action.start', 'action.progress', 'action.review', 'action.flag-risk', 'action.clear-risk'];

/** The data each step needs. */
function dataFor(type: EventType, n: number): Record<string, unknown> {
  if (type === 'action.progress') return { note: `Progress note ${n}.` };
  if (type === 'action.flag-risk') return { reason: `Risk ${n}: a post is vacant.` };
  return {};
}

/** The transport's faults: 10% of requests dropped before the server, 10% of answers lost after it, 5% sent twice, 5% reordered. */
function faulty(inner: () => Transport, rnd: () => number, counts: Record<string, number>): Transport {
  return async (path, init) => {
    const roll = rnd();
    let body = init.body;
    if (body && rnd() < 0.05) {
      const parsed = JSON.parse(body) as { events: unknown[] };
      for (let i = parsed.events.length - 1; i > 0; i--) {
        const j = Math.floor(rnd() * (i + 1));
        [parsed.events[i], parsed.events[j]] = [parsed.events[j], parsed.events[i]];
      }
      body = JSON.stringify(parsed);
      counts['reordered']!++;
    }
    const send = () => inner()(path, { ...init, ...(body ? { body } : {}) });
    if (roll < 0.1) {
      counts['dropped before']!++;
      throw new Error('dropped before the server');
    }
    if (roll < 0.2) {
      await send();
      counts['dropped after']!++;
      throw new Error('answer lost after the server');
    }
    if (roll < 0.25) {
      counts['duplicated']!++;
      await send().catch(() => undefined);
    }
    return send();
  };
}

for (const kind of TEST_DATABASES) {
  describe.each(RUNS)(`fault run (${kind.name}, seed $seed)`, ({ seed, events: perClient }) => {
    let handle: TestDatabaseHandle | undefined;
    let server: RunningServer | undefined;
    afterAll(async () => {
      await server?.close();
      await handle?.remove();
    });

    it(`keeps one history through drops, duplicates, reorders and two restarts (seed ${seed}, ${perClient} events per client)`, async () => {
      const rnd = prng(seed);
      const plan = eastmere(`eastmere-faults-${kind.name.toLowerCase()}-${seed}`);
      handle = await kind.create({ persistent: true });
      server = await startTestServer(handle, [{ plan }]);
      const port = server.port;
      const counts: Record<string, number> = { 'dropped before': 0, 'dropped after': 0, duplicated: 0, reordered: 0, failed: 0 };
      let clock = Date.parse('2026-10-01T08:00:00Z');
      const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(rnd() * 256));

      const clients = await Promise.all(Object.keys(PEOPLE).map(async (person) => {
        const token = await devSignIn(server!.url, person);
        const c = new SyncClient(plan, actorOf(plan, person), `${person}-device`, fetchTransport(server!.url, token));
        c.transport = faulty(() => fetchTransport(server!.url, token), rnd, counts);
        return { person: person as keyof typeof PEOPLE, client: c, token, made: [] as string[] };
      }));

      const total = perClient * clients.length;
      const restartAt = new Set([Math.floor(total / 3), Math.floor((2 * total) / 3)]);
      let made = 0;
      let restarts = 0;
      while (made < total) {
        for (const c of clients) {
          if (c.made.length >= perClient) continue;
          for (let k = 0; k < 1 + Math.floor(rnd() * 4) && c.made.length < perClient; k++) {
            const streams = PEOPLE[c.person];
            const stream = streams[Math.floor(rnd() * streams.length)]!;
            const type = STEPS[Math.floor(rnd() * STEPS.length)]!;
            clock += 1000 + Math.floor(rnd() * 60_000);
            const event = { id: createEventId(clock, bytes), stream, type, data: dataFor(type, made), actor: c.client.actor, at: new Date(clock).toISOString() } as PledgeEvent;
            c.client.queue(event);
            c.made.push(event.id);
            made++;
            if (restartAt.has(made)) {
              restarts++;
              await server!.close();
              server = await startTestServer(handle, [{ plan }], { port });
              // Tokens from the old process's development key no longer pass: sign in again.
              const fresh = await Promise.all(clients.map((x) => devSignIn(server!.url, x.person)));
              clients.forEach((x, i) => (x.client.transport = faulty(() => fetchTransport(server!.url, fresh[i]!), rnd, counts)));
            }
          }
          await c.client.push(BATCH).catch(() => counts['failed']!++);
          if (rnd() < 0.5) await c.client.pull(25).catch(() => counts['failed']!++);
        }
      }
      expect(restarts).toBe(2);

      // Drain: the network heals; every outbox empties, and only then does every client
      // catch up (a client that pulled before another's last push would miss it).
      for (const c of clients) {
        c.client.transport = fetchTransport(server.url, await devSignIn(server.url, c.person));
        while (c.client.outbox.size) await c.client.push(BATCH);
      }
      for (const c of clients) await c.client.pull(50);
      console.log(`fault run (${kind.name}) seed ${seed}: ${JSON.stringify(counts)}`);
      expect(counts['dropped before']! + counts['dropped after']!).toBeGreaterThan(0);

      await server.close();
      server = undefined;
      const db: Database = await handle.open();
      try {
        const { rows } = await db.query<{ id: string; status: string; seq: string | number | null; author: string }>(
          'SELECT id, status, seq, author FROM events WHERE plan_id = $1', [plan.id]);
        // Every id stored at most once, and every pushed id has exactly one stored verdict.
        expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
        const stored = new Map(rows.map((r) => [r.id, r]));
        for (const c of clients) {
          const accepted = new Set(c.client.tracker.events().filter((e) => e.seq !== undefined).map((e) => e.id));
          const refused = new Set(c.client.refused.map((r) => r.id));
          for (const id of c.made) {
            const row = stored.get(id);
            expect(row, `event ${id} of ${c.person} has no verdict`).toBeDefined();
            expect(row!.author).toBe(c.person);
            // Visible to its author: accepted ones in the pulled log, refused ones in `refused`.
            if (row!.status === 'accepted') expect(accepted.has(id) && !refused.has(id)).toBe(true);
            else expect(refused.has(id) && !accepted.has(id)).toBe(true);
          }
        }
        // No seq gap, and no pull skipped one.
        const seqs = rows.filter((r) => r.status === 'accepted').map((r) => Number(r.seq)).sort((a, b) => a - b);
        expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
        for (const c of clients) expect(c.client.pulledSeqs).toEqual(seqs);

        // Every client's state equals a fresh replay of the server's log, which takes every event it holds.
        const log = await db.query<{ seq: string; id: string; stream: string; type: string; data: object; actor: object; at: string }>(
          "SELECT seq, id, stream, type, data, actor, at FROM events WHERE plan_id = $1 AND status = 'accepted' ORDER BY seq", [plan.id]);
        const replay = createTracker({ plan, events: log.rows.map((r) => ({ ...r, seq: Number(r.seq) }) as PledgeEvent) });
        expect(replay.rejected).toEqual([]);
        const expected = JSON.stringify(scrutinyReport(replay.state(), '2026-12-01'));
        for (const c of clients) {
          const pulled = c.client.tracker.events().filter((e) => e.seq !== undefined);
          const theirs = createTracker({ plan, events: pulled });
          expect(JSON.stringify(scrutinyReport(theirs.state(), '2026-12-01'))).toBe(expected);
          expect(theirs.actions().map((a) => [a.id, a.state, a.eventCount])).toEqual(replay.actions().map((a) => [a.id, a.state, a.eventCount]));
        }
      } finally {
        await db.close();
      }
    }, Math.max(300_000, perClient * 3_000));
  });
}

