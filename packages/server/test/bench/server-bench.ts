// The sync server's benchmarks on PostgreSQL (issue 12), each against a baseline in the same
// run: push-1k, pull-100k, restart-1m, concurrent-50. `npm run bench` builds this file and
// runs it in a process of its own (driver.ts); it prints one JSON line per result, and
// other lines for people. PLEDGEFLOW_BENCH_DATABASE_URL says where PostgreSQL is.
import { createEventId, type Actor, type Plan, type PledgeEvent } from '@pledgeflow/core';
import pg from 'pg';
import pino from 'pino';
import { syntheticLog, syntheticPlan } from '../../../../test/bench/synthetic.js';
import { migrate, openPostgres, startServer, type Database, type RunningServer } from '../../src/index.js';

export interface Measure {
  name: string;
  unit: string;
  value: number;
  baseline: number;
  goal: number;
  note?: string;
  checks?: Record<string, boolean>;
}

const url = process.env['PLEDGEFLOW_BENCH_DATABASE_URL'] ?? '';
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const RESTART_EVENTS = Number(process.env['PLEDGEFLOW_BENCH_RESTART_EVENTS'] ?? 1_000_000);
const emit = (line: { measure: Measure; scenario: string } | { skipped: string } | { failed: string }) => process.stdout.write(`${JSON.stringify(line)}\n`);
const say = (text: string) => process.stdout.write(`  ${text}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x * 100) / 100;
const count = (n: number) => n.toLocaleString('en-GB');

const EDITOR: Actor = { userId: 'editor', agencyId: 'ag0', role: 'plan-editor' };
const schemas: string[] = [];
const schema = (name: string) => {
  const s = `bench_${process.pid}_${name}`;
  schemas.push(s);
  return s;
};

/** Medians of RUNS alternating runs of the subject and its baseline, after one warm-up each. */
async function compare(subject: () => Promise<unknown>, baseline: () => Promise<unknown>): Promise<{ value: number; baseline: number }> {
  const time = async (fn: () => Promise<unknown>) => {
    const t0 = performance.now();
    await fn();
    return performance.now() - t0;
  };
  await subject();
  await baseline();
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    a.push(await time(subject));
    b.push(await time(baseline));
  }
  return { value: median(a), baseline: median(b) };
}

/** A plan of `items` synthetic actions under its own id, each agreed and started (two events per item). */
function benchPlan(id: string, items: number): { plan: Plan; base: PledgeEvent[] } {
  const plan = { ...syntheticPlan(items), id };
  return { plan, base: syntheticLog(plan, items * 2) };
}

async function start(db: Database, plan: Plan, events?: readonly PledgeEvent[]): Promise<RunningServer> {
  return startServer({
    db, plans: [{ plan, ...(events ? { events } : {}) }], dev: true, port: 0, logger: pino({ level: 'silent' }),
    rateLimits: { perPerson: 1_000_000, perAddress: 1_000_000 },
  });
}

async function signIn(server: RunningServer, userId: string): Promise<string> {
  const res = await fetch(`${server.url}/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) });
  return ((await res.json()) as { token: string }).token;
}

async function push(server: RunningServer, token: string, planId: string, events: PledgeEvent[]): Promise<{ results: { status: string; seq?: number }[] }> {
  const res = await fetch(`${server.url}/v1/plans/${planId}/push`, {
    method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ clientId: 'bench', events }),
  });
  if (res.status !== 200) throw new Error(`push answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as { results: { status: string; seq?: number }[] };
}

/** `n` progress notes by `actor` on `streams` in turn, a second apart after `clock.at` (which moves on). */
function progressNotes(clock: { at: number }, actor: Actor, streams: readonly string[], n: number): PledgeEvent[] {
  return Array.from({ length: n }, (_, i) => {
    clock.at += 1000;
    return { id: createEventId(clock.at), stream: streams[i % streams.length]!, type: 'action.progress', data: { note: 'Monthly update.' }, actor, at: new Date(clock.at).toISOString() } as PledgeEvent;
  });
}

/** A plan with `total` accepted events, written straight into the tables: `base` (each item agreed and started), then progress notes, a second apart, made by SQL. */
async function bulkLoad(db: Database, plan: Plan, base: PledgeEvent[], total: number): Promise<void> {
  await db.query('INSERT INTO plans (id, version, plan) VALUES ($1, 1, $2::jsonb)', [plan.id, JSON.stringify(plan)]);
  await db.query('INSERT INTO plan_versions (plan_id, version, plan) VALUES ($1, 1, $2::jsonb)', [plan.id, JSON.stringify(plan)]);
  await db.query(
    `INSERT INTO events (plan_id, seq, id, stream, type, data, actor, at, author, client_id, status)
     SELECT $1, r.seq, r.id, r.stream, r.type, r.data, r.actor, r.at, r.author, 'bench', 'accepted'
     FROM jsonb_to_recordset($2::jsonb) AS r(seq bigint, id text, stream text, type text, data jsonb, actor jsonb, at text, author text)`,
    [plan.id, JSON.stringify(base.map((e, i) => ({ ...e, seq: i + 1, author: e.actor.userId })))],
  );
  const first = Date.parse(base.at(-1)!.at);
  const streams = plan.actions.map((a) => a.id);
  for (let done = base.length; done < total; done += 200_000) {
    const n = Math.min(200_000, total - done);
    await db.query(
      `INSERT INTO events (plan_id, seq, id, stream, type, data, actor, at, author, client_id, status)
       SELECT $1, s, 'bench-' || lpad(s::text, 10, '0'), ($2::text[])[1 + s % cardinality($2::text[])], 'action.progress',
              '{"note": "Monthly update."}'::jsonb, $3::jsonb,
              to_char(to_timestamp(($4::bigint + (s - $7::bigint) * 1000) / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
              'editor', 'bench', 'accepted'
       FROM generate_series($5::bigint + 1, $5::bigint + $6::bigint) AS s`,
      [plan.id, streams, JSON.stringify(EDITOR), first, done, n, base.length],
    );
  }
}

async function pushOneThousand(db: Database): Promise<Measure> {
  const { plan, base } = benchPlan('bench-push', 200);
  const server = await start(db, plan, base);
  const raw = await openPostgres({ url, schema: schema('push_raw'), max: 1 });
  try {
    await migrate(raw);
    await raw.query('INSERT INTO plans (id, version, plan) VALUES ($1, 1, $2::jsonb)', [plan.id, JSON.stringify(plan)]);
    const token = await signIn(server, 'editor');
    const clock = { at: Date.parse(base.at(-1)!.at) };
    const streams = plan.actions.map((a) => a.id);
    let accepted = 0;
    let rawSeq = 0;
    const r = await compare(async () => {
      const events = progressNotes(clock, EDITOR, streams, 1000);
      for (let i = 0; i < events.length; i += 100) {
        accepted += (await push(server, token, plan.id, events.slice(i, i + 100))).results.filter((x) => x.status === 'accepted').length;
      }
    }, async () => {
      const events = progressNotes(clock, EDITOR, streams, 1000);
      for (let i = 0; i < events.length; i += 100) {
        const batch = events.slice(i, i + 100);
        const values: unknown[] = [];
        const rows = batch.map((e, k) => {
          values.push(plan.id, ++rawSeq, e.id, e.stream, e.type, JSON.stringify(e.data), JSON.stringify(e.actor), e.at, 'editor', 'bench', 'accepted');
          return `(${Array.from({ length: 11 }, (_, j) => `$${k * 11 + j + 1}`).join(', ')})`;
        });
        await raw.query(`INSERT INTO events (plan_id, seq, id, stream, type, data, actor, at, author, client_id, status) VALUES ${rows.join(', ')}`, values);
      }
    });
    return {
      name: 'push-1k', unit: 'ms', value: r.value, baseline: r.baseline, goal: 3,
      note: '1,000 progress notes in batches of 100 through HTTP, judged and stored with their snapshots, against a raw INSERT of the same rows in the same batches through pg',
      checks: { allAccepted: accepted === 1000 * (RUNS + 1) },
    };
  } finally {
    await server.close();
    await raw.close();
  }
}

async function pullOneHundredThousand(schemaName: string): Promise<Measure> {
  const total = 100_000;
  const { plan, base } = benchPlan('bench-pull', 200);
  const db = await openPostgres({ url, schema: schemaName });
  await migrate(db);
  await bulkLoad(db, plan, base, total);
  const server = await start(db, plan);
  const reader = new pg.Client({ connectionString: url, options: `-c search_path=${schemaName}` });
  await reader.connect();
  try {
    const token = await signIn(server, 'board');
    let pulled = 0;
    let gapless = true;
    const r = await compare(async () => {
      let after = 0;
      for (;;) {
        const res = await fetch(`${server.url}/v1/plans/${plan.id}/pull?after=${after}&limit=1000`, { headers: { authorization: `Bearer ${token}` } });
        const page = (await res.json()) as { events: PledgeEvent[]; upToDate: boolean };
        for (const e of page.events) gapless &&= e.seq === ++after;
        pulled += page.events.length;
        if (page.upToDate) break;
      }
    }, async () => {
      let after = 0;
      for (;;) {
        const { rows } = await reader.query(
          "SELECT seq, id, stream, type, data, actor, at FROM events WHERE plan_id = $1 AND seq > $2 ORDER BY seq LIMIT 1000",
          [plan.id, after],
        );
        const events = rows.map((row) => ({ id: row.id, stream: row.stream, type: row.type, data: row.data, actor: row.actor, at: row.at, seq: Number(row.seq) }));
        JSON.stringify({ events });
        if (!events.length) break;
        after = events.at(-1)!.seq;
      }
    });
    return {
      name: 'pull-100k', unit: 'ms', value: r.value, baseline: r.baseline, goal: 2,
      note: 'a client pulling 100,000 events from seq 0 in pages of 1,000 over HTTP (parsing each page), against a raw SELECT of the same pages turned into the same JSON',
      checks: { allPulled: pulled === total * (RUNS + 1), noSeqSkipped: gapless },
    };
  } finally {
    await reader.end();
    await server.close();
  }
}

async function restartOneMillion(schemaName: string): Promise<Measure> {
  const total = RESTART_EVENTS;
  const { plan, base } = benchPlan('bench-restart', 2000);
  const setup = await openPostgres({ url, schema: schemaName });
  let t0 = performance.now();
  await migrate(setup);
  await bulkLoad(setup, plan, base, total);
  await setup.query('VACUUM ANALYZE events');
  await setup.close();
  say(`restart: ${count(total)} events written in ${Math.round((performance.now() - t0) / 1000)} s`);

  // The first start finds no snapshots: it replays every event, and writes them.
  t0 = performance.now();
  let server = await start(await openPostgres({ url, schema: schemaName }), plan);
  const cold = performance.now() - t0;
  const report = async () => {
    const token = await signIn(server, 'board');
    return (await fetch(`${server.url}/v1/plans/${plan.id}/report?today=2027-01-15`, { headers: { authorization: `Bearer ${token}` } })).text();
  };
  const before = await report();
  await server.close();
  say(`restart: first start, replaying every event and writing the snapshots: ${count(Math.round(cold))} ms`);

  let ready = true;
  const r = await compare(async () => {
    server = await start(await openPostgres({ url, schema: schemaName }), plan);
    ready &&= (await fetch(`${server.url}/readyz`)).status === 200;
    await server.close();
  }, async () => {
    const client = new pg.Client({ connectionString: url, options: `-c search_path=${schemaName}` });
    await client.connect();
    await client.query('SELECT count(*) FROM events WHERE plan_id = $1', [plan.id]);
    await client.query('SELECT stream, seq, snapshot FROM snapshots WHERE plan_id = $1', [plan.id]);
    await client.end();
  });
  // After the restarts: the same report, and how long the first one takes (it reads the covered events).
  server = await start(await openPostgres({ url, schema: schemaName }), plan);
  t0 = performance.now();
  const after = await report();
  const firstReport = performance.now() - t0;
  await server.close();
  return {
    name: total === 1_000_000 ? 'restart-1m' : `restart-${total / 1000}k`, unit: 'ms', value: r.value, baseline: r.baseline, goal: 3,
    note: `a server with ${count(total)} events (2,000 items) started until /readyz answers, against SELECT count(*) plus reading the snapshots table; ` +
      `the first start (no snapshots) took ${count(Math.round(cold))} ms, and the first report after a restart ${count(Math.round(firstReport))} ms (it reads the covered events)`,
    checks: { ready, sameReport: after === before && before.includes('"actions"') },
  };
}

async function concurrentFifty(db: Database): Promise<Measure> {
  const { plan, base } = benchPlan('bench-concurrent', 200);
  const server = await start(db, plan, base);
  try {
    // 50 action owners, each on the actions they own (a<k>, a<k+60>, ...); the baseline is the plan editor alone.
    const owners = Array.from({ length: 50 }, (_, k) => {
      const person = plan.people.find((p) => p.id === `p${k}`)!;
      return { actor: { userId: person.id, agencyId: person.agency, role: person.role } as Actor, streams: plan.actions.filter((a) => a.owner === person.id).map((a) => a.id) };
    });
    const tokens = await Promise.all(owners.map((o) => signIn(server, o.actor.userId)));
    const editor = await signIn(server, 'editor');
    const clock = { at: Date.parse(base.at(-1)!.at) };
    let exactlyOnce = true;
    const r = await compare(async () => {
      const batches = owners.map((o) => progressNotes(clock, o.actor, o.streams, 100));
      const answers = await Promise.all(batches.map((events, k) => push(server, tokens[k]!, plan.id, events)));
      const seqs = answers.flatMap((a) => a.results.map((x) => (x.status === 'accepted' ? x.seq : undefined)));
      exactlyOnce &&= seqs.every((s) => s !== undefined) && new Set(seqs).size === 5000;
    }, async () => {
      const events = progressNotes(clock, EDITOR, plan.actions.map((a) => a.id), 5000);
      for (let i = 0; i < events.length; i += 100) {
        const answer = await push(server, editor, plan.id, events.slice(i, i + 100));
        exactlyOnce &&= answer.results.every((x) => x.status === 'accepted');
      }
    });
    const { rows } = await db.query<{ n: string; distinct_ids: string; max: string }>(
      "SELECT count(*) AS n, count(DISTINCT id) AS distinct_ids, max(seq) AS max FROM events WHERE plan_id = $1 AND status = 'accepted'", [plan.id]);
    const row = rows[0]!;
    const expected = base.length + 2 * 5000 * (RUNS + 1);
    return {
      name: 'concurrent-50', unit: 'ms', value: r.value, baseline: r.baseline, goal: 1.5,
      note: '50 clients (action owners) each pushing 100 events at once, against one client pushing the 5,000 alone in batches of 100',
      checks: { acceptedOnce: exactlyOnce && Number(row.distinct_ids) === expected && Number(row.n) === expected, noSeqGap: Number(row.max) === expected },
    };
  } finally {
    await server.close();
  }
}

async function main() {
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await probe.connect();
    await probe.end();
  } catch (error) {
    emit({ skipped: `no PostgreSQL at ${url.replace(/:[^:@/]*@/, ':***@')} (${(error as Error).message}): set PLEDGEFLOW_TEST_DATABASE_URL, or start one as .ci/run does` });
    return;
  }
  const scenarios: [string, () => Promise<Measure>][] = [
    ['push-1k', async () => pushOneThousand(await openPostgres({ url, schema: schema('push') }))],
    ['pull-100k', () => pullOneHundredThousand(schema('pull'))],
    ['restart-1m', () => restartOneMillion(schema('restart'))],
    ['concurrent-50', async () => concurrentFifty(await openPostgres({ url, schema: schema('concurrent') }))],
  ];
  // PLEDGEFLOW_BENCH_SCENARIOS=push-1k,pull-100k runs only those (for profiling one).
  const only = process.env['PLEDGEFLOW_BENCH_SCENARIOS']?.split(',');
  try {
    for (const [name, run] of scenarios.filter(([name]) => !only || only.includes(name))) {
      const t0 = performance.now();
      const m = await run();
      emit({ scenario: name, measure: { ...m, value: round(m.value), baseline: round(m.baseline) } });
      say(`${name}: ${Math.round((performance.now() - t0) / 1000)} s in all`);
    }
  } catch (error) {
    emit({ failed: (error as Error).stack ?? String(error) });
    process.exitCode = 1;
  } finally {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    await client.end();
  }
}

await main();
