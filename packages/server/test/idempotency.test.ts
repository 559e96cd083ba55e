import { createEventId, type PledgeEvent } from '@pledgeflow/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { SyncClient, fetchTransport } from './support/client.js';
import { TEST_DATABASES, type TestDatabaseHandle } from './support/databases.js';
import { actorOf, eastmere, eastmereEvents } from './support/fixtures.js';
import { call, devSignIn, startTestServer } from './support/harness.js';

let clock = Date.parse('2026-11-21T09:00:00Z');
const nextAt = () => new Date((clock += 60_000)).toISOString();

for (const kind of TEST_DATABASES) {
  describe(`pushing twice, and pulling in pages (${kind.name})`, () => {
    const plan = eastmere('eastmere-idem');
    const seeded = eastmere('eastmere-seeded');
    let handle: TestDatabaseHandle;
    let server: RunningServer;
    let ruth: string;

    beforeAll(async () => {
      handle = await kind.create();
      server = await startTestServer(handle, [{ plan }, { plan: seeded, events: eastmereEvents() }], { heartbeatMs: 300 });
      ruth = await devSignIn(server.url, 'ruth-kendrick');
    }, 60_000);
    afterAll(async () => {
      await server?.close();
      await handle?.remove();
    });

    const step = (stream: string, type: PledgeEvent['type'], data: Record<string, unknown> = {}) =>
      ({ id: createEventId(clock + Math.random() * 1000), stream, type, data, actor: actorOf(plan, 'ruth-kendrick'), at: nextAt() }) as PledgeEvent;
    const push = (events: unknown[], token = ruth) =>
      call(server.url, token, `/v1/plans/${plan.id}/push`, { method: 'POST', body: { clientId: 'ruth-laptop', events } });

    it('answers a retried batch with the verdicts stored the first time, and stores nothing twice', async () => {
      const agree = step('ETE-01', 'action.agree');
      const early = step('ETE-03', 'action.start'); // not agreed yet: refused
      const first = await push([agree, early]);
      expect(first.body.results).toEqual([
        { id: agree.id, status: 'accepted', seq: expect.any(Number) },
        { id: early.id, status: 'refused', reasons: [expect.any(String)] },
      ]);
      const retry = await push([agree, early]);
      expect(retry.body.results).toEqual([
        { id: agree.id, status: 'duplicate', verdict: 'accepted', seq: first.body.results[0].seq },
        { id: early.id, status: 'duplicate', verdict: 'refused', reasons: first.body.results[1].reasons },
      ]);
      expect(retry.body.head).toBe(first.body.head);
      const pulled = await call(server.url, ruth, `/v1/plans/${plan.id}/pull`);
      expect(pulled.body.events.filter((e: PledgeEvent) => e.id === agree.id)).toHaveLength(1);
      expect(pulled.body.refused.filter((r: { id: string }) => r.id === early.id)).toHaveLength(1);
    });

    it('treats the same id twice in one batch as one event', async () => {
      const e = step('ETE-02', 'action.agree');
      const res = await push([e, e]);
      expect(res.body.results).toEqual([
        { id: e.id, status: 'accepted', seq: expect.any(Number) },
        { id: e.id, status: 'duplicate', verdict: 'accepted', seq: res.body.results[0].seq },
      ]);
    });

    it('refuses an id already used for different content, and keeps the first', async () => {
      const e = step('ETE-03', 'action.agree', { note: 'first' });
      await push([e]);
      const changed = await push([{ ...e, data: { note: 'second' } }]);
      expect(changed.body.results[0]).toMatchObject({ status: 'refused', reasons: [expect.stringMatching(/different content/)] });
      const pulled = await call(server.url, ruth, `/v1/plans/${plan.id}/pull`);
      expect(pulled.body.events.find((x: PledgeEvent) => x.id === e.id).data).toEqual({ note: 'first' });
    });

    it('ignores a seq set by the client, and judges in canonical order', async () => {
      const agree = step('ETE-05', 'action.agree');
      const start = step('ETE-05', 'action.start');
      // Sent in the wrong order, with made-up seqs: judged by time, seqs given by the server.
      const res = await push([{ ...start, seq: 1 }, { ...agree, seq: 99999 }]);
      const byId = Object.fromEntries(res.body.results.map((r: { id: string }) => [r.id, r]));
      expect(byId[agree.id].status).toBe('accepted');
      expect(byId[start.id].status).toBe('accepted');
      expect(byId[start.id].seq).toBe(byId[agree.id].seq + 1);
    });

    it('refuses an event core cannot read, with every reason, and keeps it for its author', async () => {
      const bad = { id: createEventId(clock), stream: 'ETE-06', type: 'action.fly', data: {}, actor: actorOf(plan, 'ruth-kendrick'), at: 'yesterday' };
      const noId = { stream: 'ETE-06' };
      const res = await push([bad, noId]);
      expect(res.body.results[0]).toMatchObject({ id: bad.id, status: 'refused' });
      expect(res.body.results[0].reasons.length).toBeGreaterThan(0);
      expect(res.body.results[1]).toMatchObject({ id: '', status: 'refused' });
      const pulled = await call(server.url, ruth, `/v1/plans/${plan.id}/pull`);
      expect(pulled.body.refused.map((r: { id: string }) => r.id)).toContain(bad.id);
    });

    it('pulls a seeded log in pages without skipping a seq', async () => {
      const token = await devSignIn(server.url, 'karen-doyle');
      const client = new SyncClient(seeded, actorOf(seeded, 'karen-doyle'), 'karen', fetchTransport(server.url, token));
      await client.pull(7); // throws if a page skips a seq
      const all = eastmereEvents();
      expect(client.last).toBeGreaterThan(100);
      expect(client.last).toBeLessThanOrEqual(all.length);
      expect(client.pulledSeqs).toEqual(Array.from({ length: client.last }, (_, i) => i + 1));
      const first = await call(server.url, token, `/v1/plans/${seeded.id}/pull?after=0&limit=5`);
      expect(first.body).toMatchObject({ head: client.last, upToDate: false });
      expect(first.body.events.map((e: PledgeEvent) => e.seq)).toEqual([1, 2, 3, 4, 5]);
      const end = await call(server.url, token, `/v1/plans/${seeded.id}/pull?after=${client.last}`);
      expect(end.body).toMatchObject({ events: [], head: client.last, upToDate: true });
      expect((await call(server.url, token, `/v1/plans/${seeded.id}/pull?after=-1`)).status).toBe(400);
      expect((await call(server.url, token, `/v1/plans/${seeded.id}/pull?limit=5000`)).status).toBe(400);
    });

    it('never lets a pull skip a seq while many pushes land at once', async () => {
      const people = ['ruth-kendrick', 'helen-pryce', 'marcus-flynn', 'sunita-rao'];
      const streams: Record<string, string[]> = {
        'ruth-kendrick': ['ETE-07', 'ETE-08'], 'helen-pryce': ['HOM-01', 'HOM-02', 'HOM-05'],
        'marcus-flynn': ['VOI-01', 'VOI-02', 'VOI-03'], 'sunita-rao': ['HLT-01', 'HLT-02', 'HLT-03'],
      };
      const tokens = await Promise.all(people.map((p) => devSignIn(server.url, p)));
      const reader = new SyncClient(plan, actorOf(plan, 'jo-whitfield'), 'reader', fetchTransport(server.url, await devSignIn(server.url, 'jo-whitfield')));
      let done = false;
      const reading = (async () => {
        while (!done) await reader.pull(3);
        await reader.pull(3);
      })();
      await Promise.all(people.map(async (person, i) => {
        for (const stream of streams[person]!) {
          for (let k = 0; k < 3; k++) {
            const e = { id: createEventId(clock + i * 1000 + k), stream, type: 'action.review', data: { note: `review ${k}` }, actor: actorOf(plan, person), at: nextAt() };
            await call(server.url, tokens[i], `/v1/plans/${plan.id}/push`, { method: 'POST', body: { clientId: person, events: [e] } });
          }
        }
      }));
      done = true;
      await reading;
      const head = (await call(server.url, ruth, `/v1/plans/${plan.id}/pull?after=0&limit=1`)).body.head;
      expect(reader.last).toBe(head);
      expect(reader.pulledSeqs).toEqual(Array.from({ length: head }, (_, i) => i + 1));
    });

    it('streams the head as server-sent events, resuming from Last-Event-ID', async () => {
      const controller = new AbortController();
      const res = await fetch(`${server.url}/v1/plans/${plan.id}/stream`, { headers: { authorization: `Bearer ${ruth}`, 'last-event-id': '1' }, signal: controller.signal });
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      const readUntil = async (pattern: RegExp) => {
        while (!pattern.test(text)) {
          const { value, done } = await reader.read();
          if (done) break;
          text += decoder.decode(value);
        }
      };
      const { head } = (await call(server.url, ruth, `/v1/plans/${plan.id}/pull?after=0&limit=1`)).body;
      await readUntil(new RegExp(`id: ${head}\\n`));
      expect(text).toContain('event: head');
      const e = step('HOM-06', 'action.agree');
      const pushed = await push([e]);
      await readUntil(new RegExp(`id: ${pushed.body.head}\\n`));
      expect(text).toContain(`data: {"head":${pushed.body.head}}`);
      // Quiet for a moment: a heartbeat comment keeps proxies from closing the stream.
      await readUntil(/: heartbeat\n\n/);
      expect(text).toContain(': heartbeat');
      controller.abort();
    });
  });
}
