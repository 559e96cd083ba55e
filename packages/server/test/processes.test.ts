// Several server processes on one PostgreSQL: one history, and live streams kept in step
// with LISTEN/NOTIFY. PGlite is owned by one process, so these run against PostgreSQL only.
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { createEventId, stringifyPlanFile, type Plan, type PledgeEvent } from '@pledgeflow/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Judge, migrate, PlanRegistry, type RunningServer } from '../src/index.js';
import { TEST_DATABASES, type TestDatabaseHandle } from './support/databases.js';
import { actorOf, eastmere } from './support/fixtures.js';
import { call, devSignIn, startTestServer } from './support/harness.js';
import { buildServerProcess, startServerProcess, type ServerProcess } from './support/processes.js';
import { openStream } from './support/stream.js';

const postgres = TEST_DATABASES.find((k) => k.name === 'PostgreSQL');
let clock = Date.parse('2026-11-24T09:00:00Z');
const nextAt = () => new Date((clock += 60_000)).toISOString();
const step = (plan: Plan, person: string, stream: string, type: PledgeEvent['type'], data: Record<string, unknown> = {}) =>
  ({ id: createEventId(clock + Math.floor(Math.random() * 1000)), stream, type, data, actor: actorOf(plan, person), at: nextAt() }) as PledgeEvent;
const push = async (url: string, token: string, plan: Plan, events: PledgeEvent[]) => {
  const res = await call(url, token, `/v1/plans/${plan.id}/push`, { method: 'POST', body: { clientId: 'test', events } });
  if (res.status !== 200) throw new Error(`push answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as { results: { id: string; status: string; seq?: number; reasons?: string[] }[]; head: number };
};

describe.skipIf(!postgres)('two servers on one PostgreSQL, each with its own pool (needs PLEDGEFLOW_TEST_DATABASE_URL; PGlite is one process)', () => {
  const plan = eastmere('eastmere-two-servers');
  let handle: TestDatabaseHandle;
  let a: RunningServer;
  let b: RunningServer;

  beforeAll(async () => {
    handle = await postgres!.create();
    a = await startTestServer(handle, [{ plan }]);
    b = await startTestServer(handle, [{ plan }]);
  }, 60_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await handle?.remove();
  });

  it("shows a push to one server on the other's live stream, and judges on top of it", async () => {
    const ruthOnA = await devSignIn(a.url, 'ruth-kendrick');
    const ruthOnB = await devSignIn(b.url, 'ruth-kendrick');
    // B reads the plan's (empty) history before A takes any step.
    expect((await call(b.url, ruthOnB, `/v1/plans/${plan.id}/report?today=2026-11-24`)).status).toBe(200);
    const stream = await openStream(b.url, ruthOnB, plan.id);
    try {
      await stream.until(/event: head\ndata: \{"head":0\}\nid: 0\n/);
      const agreed = await push(a.url, ruthOnA, plan, [step(plan, 'ruth-kendrick', 'ETE-04', 'action.agree')]);
      expect(agreed.results[0]).toMatchObject({ status: 'accepted', seq: 1 });
      await stream.until(/event: head\ndata: \{"head":1\}\nid: 1\n/);
      // B catches up inside the plan's lock before it judges: starting needs A's agree.
      const started = await push(b.url, ruthOnB, plan, [step(plan, 'ruth-kendrick', 'ETE-04', 'action.start')]);
      expect(started.results[0]).toMatchObject({ status: 'accepted', seq: 2 });
      await stream.until(/id: 2\n/);
    } finally {
      stream.close();
    }
    const pulled = await call(a.url, ruthOnA, `/v1/plans/${plan.id}/pull`);
    expect(pulled.body.events.map((e: PledgeEvent) => [e.seq, e.type])).toEqual([[1, 'action.agree'], [2, 'action.start']]);
  });

  it('gives one history with no seq gap when both take pushes at once', async () => {
    const people = ['helen-pryce', 'marcus-flynn', 'sunita-rao'];
    const streams: Record<string, string[]> = { 'helen-pryce': ['HOM-01', 'HOM-02'], 'marcus-flynn': ['VOI-01', 'VOI-02'], 'sunita-rao': ['HLT-01', 'HLT-02'] };
    const sent: string[] = [];
    await Promise.all(people.flatMap((person) => [a, b].map(async (server, n) => {
      const token = await devSignIn(server.url, person);
      for (const stream of streams[person]!) {
        for (let k = 0; k < 4; k++) {
          const e = step(plan, person, stream, 'action.review', { note: `review ${n}-${k}` });
          sent.push(e.id);
          const res = await push(server.url, token, plan, [e]);
          expect(res.results[0]).toMatchObject({ status: 'accepted' });
        }
      }
    })));
    const jo = await devSignIn(b.url, 'jo-whitfield');
    const pulled = await call(b.url, jo, `/v1/plans/${plan.id}/pull?limit=1000`);
    const seqs = pulled.body.events.map((e: PledgeEvent) => e.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(pulled.body.events.map((e: PledgeEvent) => e.id)).toEqual(expect.arrayContaining(sent));
    expect(new Set(pulled.body.events.map((e: PledgeEvent) => e.id)).size).toBe(seqs.length);
  });

  it("tells the other server of a new plan version: its stream, its plan, and its judging follow", async () => {
    const joOnA = await devSignIn(a.url, 'jo-whitfield');
    const joOnB = await devSignIn(b.url, 'jo-whitfield');
    const ruthOnB = await devSignIn(b.url, 'ruth-kendrick');
    const stream = await openStream(b.url, joOnB, plan.id);
    try {
      await stream.until(/event: head/);
      // Ruth becomes an action owner on A.
      const demoted: Plan = { ...plan, people: plan.people.map((p) => (p.id === 'ruth-kendrick' ? { ...p, role: 'action-owner' } : p)) };
      const put = await call(a.url, joOnA, `/v1/plans/${plan.id}`, { method: 'PUT', body: stringifyPlanFile(demoted) });
      expect(put.body).toMatchObject({ version: 2, changed: true });
      await stream.until(/event: plan\ndata: \{"version":2\}/);
    } finally {
      stream.close();
    }
    const got = await call(b.url, joOnB, `/v1/plans/${plan.id}`);
    expect(got.headers.get('etag')).toBe('"v2"');
    // B judges by version 2: Ruth's step as a working-group lead no longer fits her role.
    const res = await push(b.url, ruthOnB, plan, [step(plan, 'ruth-kendrick', 'ETE-05', 'action.agree')]);
    expect(res.results[0]!.status).toBe('refused');
  });
});

describe.skipIf(!postgres)('two judges on one PostgreSQL, told nothing of each other (needs PLEDGEFLOW_TEST_DATABASE_URL)', () => {
  it('catch up with the events and the plan version inside the locked transaction, before judging', async () => {
    const plan = eastmere('eastmere-two-judges');
    const handle = await postgres!.create();
    const dbs = [await handle.open(), await handle.open()];
    try {
      await migrate(dbs[0]!);
      const [one, two] = dbs.map((db) => {
        const registry = new PlanRegistry(db);
        return { registry, judge: new Judge(db, registry) };
      }) as [{ registry: PlanRegistry; judge: Judge }, { registry: PlanRegistry; judge: Judge }];
      expect(await one.judge.revise(plan, null)).toMatchObject({ ok: true, version: 1 });
      await two.registry.load();
      const ruth = plan.people.find((p) => p.id === 'ruth-kendrick')!;
      // Both have built their trackers before either takes a step.
      await one.judge.tracker(plan.id);
      await two.judge.tracker(plan.id);
      const agree = await one.judge.push(plan.id, ruth, 'one', [step(plan, 'ruth-kendrick', 'ETE-04', 'action.agree')]);
      expect(agree.results[0]).toMatchObject({ status: 'accepted', seq: 1 });
      const start = await two.judge.push(plan.id, ruth, 'two', [step(plan, 'ruth-kendrick', 'ETE-04', 'action.start')]);
      expect(start.results[0]).toMatchObject({ status: 'accepted', seq: 2 });
      // A new version stored through one judge: the other judges by it at once.
      const withoutEte05: Plan = { ...plan, actions: plan.actions.filter((a) => a.id !== 'ETE-05') };
      expect(await one.judge.revise(withoutEte05, 'jo-whitfield')).toMatchObject({ ok: true, version: 2, changed: true });
      const late = await two.judge.push(plan.id, ruth, 'two', [step(plan, 'ruth-kendrick', 'ETE-05', 'action.agree')]);
      expect(late.results[0]).toMatchObject({ status: 'refused', reasons: [expect.stringMatching(/no promise, action, meeting or recommendation with the id "ETE-05"/)] });
      expect(late.head).toBe(2);
    } finally {
      for (const db of dbs) await db.close();
      await handle.remove();
    }
  }, 60_000);
});

describe.skipIf(!postgres)('two server processes on one PostgreSQL (needs PLEDGEFLOW_TEST_DATABASE_URL; PGlite is one process)', () => {
  const plan = eastmere('eastmere-two-processes');
  const planFile = 'examples/plans/eastmere.plan.json';
  let handle: TestDatabaseHandle;
  let script: string | undefined;
  const running: ServerProcess[] = [];

  beforeAll(async () => {
    handle = await postgres!.create();
    script = await buildServerProcess();
  }, 60_000);
  afterAll(async () => {
    for (const p of running) await p.stop();
    if (script) rmSync(dirname(script), { recursive: true, force: true });
    await handle?.remove();
  });

  it("shows a push to one process on the other's live stream", async () => {
    const url = process.env['PLEDGEFLOW_TEST_DATABASE_URL']!;
    const schema = handle.schema!;
    const args = ['--plan', planFile, '--dev', '--port', '0', '--db', url, '--db-schema', schema, '--log-level', 'silent'];
    // Both at once on an empty schema: the migration lock lets one create the tables.
    running.push(...(await Promise.all([startServerProcess(script!, args), startServerProcess(script!, args)])));
    const [one, two] = running as [ServerProcess, ServerProcess];
    const example = { ...plan, id: 'eastmere-2026-28' };
    const onOne = await devSignIn(one.url, 'ruth-kendrick');
    const onTwo = await devSignIn(two.url, 'imran-hussain');
    const stream = await openStream(two.url, onTwo, example.id);
    try {
      await stream.until(/event: head\ndata: \{"head":0\}\nid: 0\n/);
      const res = await push(one.url, onOne, example, [step(example, 'ruth-kendrick', 'ETE-04', 'action.agree')]);
      expect(res.results[0]).toMatchObject({ status: 'accepted', seq: 1 });
      await stream.until(/event: head\ndata: \{"head":1\}\nid: 1\n/);
    } finally {
      stream.close();
    }
    const pulled = await call(two.url, onTwo, `/v1/plans/${example.id}/pull`);
    expect(pulled.body.events.map((e: PledgeEvent) => e.seq)).toEqual([1]);
    expect(await one.stop()).toBe(0);
    expect(await two.stop()).toBe(0);
  }, 120_000);
});
