import { createTracker, type PledgeEvent } from '@pledgeflow/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, loadFromServer, MemorySyncStore } from '../src/index.js';
import { actorOf, eastmere, signIn, startServerProcess, type ServerProcess } from './support/server-process.js';

const plan = eastmere();

describe('loadFromServer(): a first load into the store, before the tracker is made', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess();
    // Seven steps on the server, pushed by Ruth's own client.
    const store = new MemorySyncStore();
    const tracker = createTracker({ plan, store });
    const sync = connect(tracker, { url: server.url, planId: plan.id, getToken: () => signIn(server.url, 'ruth-kendrick'), store, live: false });
    const ruth = actorOf(plan, 'ruth-kendrick');
    for (const [i, type] of ['action.agree', 'action.start'].entries()) {
      const r = tracker.step(ruth, { stream: 'ETE-04', type } as never);
      if (!r.ok) throw new Error(`step ${i}: ${r.reasons.join(' ')}`);
    }
    for (let i = 0; i < 5; i++) {
      const r = tracker.step(ruth, { stream: 'ETE-04', type: 'action.progress', data: { note: `Week ${i + 1} of the bridging course.` } } as never);
      if (!r.ok) throw new Error(r.reasons.join(' '));
    }
    await sync.whenSaved();
    sync.close();
  }, 90_000);
  afterAll(async () => {
    await server?.remove();
  }, 30_000);

  it('pulls every event page by page into the store, saying how far it has got, and gives nothing to a tracker', async () => {
    const store = new MemorySyncStore();
    const received: PledgeEvent[] = [];
    const inner = store.receive.bind(store);
    store.receive = async (events) => {
      received.push(...events);
      await inner(events);
    };
    const progress: { received: number; head: number }[] = [];
    const done = await loadFromServer({ url: server.url, planId: plan.id, getToken: () => signIn(server.url, 'imran-hussain'), store, pageSize: 3, onProgress: (p) => progress.push(p) });
    expect(done).toEqual({ received: 7, head: 7 });
    expect(progress).toEqual([{ received: 3, head: 7 }, { received: 6, head: 7 }, { received: 7, head: 7 }]);
    expect(received.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(await store.lastSeq()).toBe(7);
    // A tracker made from what was stored is the server's plan.
    const tracker = createTracker({ plan, events: received });
    expect(tracker.getAction('ETE-04')?.state).toBe('inProgress');
  });

  it('starts after the last seq the store has: a cut-off first load goes on where it stopped', async () => {
    const store = new MemorySyncStore();
    let calls = 0;
    const flaky: typeof fetch = async (input, init) => {
      if (++calls === 2) throw new TypeError('fetch failed');
      return fetch(input, init);
    };
    const options = { url: server.url, planId: plan.id, getToken: () => signIn(server.url, 'imran-hussain'), store, pageSize: 4 };
    await expect(loadFromServer({ ...options, fetch: flaky })).rejects.toThrow(/could not reach the server/);
    expect(await store.lastSeq()).toBe(4);
    const asked: string[] = [];
    await loadFromServer({ ...options, fetch: (input, init) => (asked.push(new URL(String(input)).search), fetch(input, init)) });
    expect(asked).toEqual(['?after=4&limit=4']);
    expect(await store.lastSeq()).toBe(7);
  });

  it('asks for a new token once on 401, then says the person must sign in again', async () => {
    const store = new MemorySyncStore();
    const tokens: string[] = [];
    await expect(
      loadFromServer({ url: server.url, planId: plan.id, store, getToken: () => (tokens.push('expired'), 'not-a-token') }),
    ).rejects.toThrow();
    expect(tokens).toHaveLength(2);
    expect(await store.lastSeq()).toBe(0);
  });
});
