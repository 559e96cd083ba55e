import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIdbTracker } from '@pledgeflow/store-idb';
import { connect, type SyncStore } from '../src/index.js';
import { actorOf, eastmere, signIn, startServerProcess, type ServerProcess } from './support/server-process.js';
import { eventually, until } from './support/wait.js';

const plan = eastmere();

describe('connect() over @pledgeflow/store-idb (fake IndexedDB)', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess();
  }, 90_000);
  afterAll(() => server?.remove(), 30_000);

  it('sends the IndexedDB outbox, keeps what it pulls with the last seq, and a reload pulls only what is new', async () => {
    const name = `sync-idb-${Date.now()}`;
    const first = await openIdbTracker({ plan, name, BroadcastChannel: null });
    if (!first.durable) throw new Error(first.notices.join(' '));
    const store: SyncStore = first.store;
    const sync = connect(first.tracker, { url: server.url, planId: plan.id, getToken: () => signIn(server.url, 'ruth-kendrick'), store, backoff: { base: 50, max: 400 } });
    await sync.whenSaved();
    const taken = first.tracker.step(actorOf(plan, 'ruth-kendrick'), { stream: 'ETE-04', type: 'action.agree' });
    expect(taken.ok).toBe(true);
    await eventually(async () => (await store.outbox()).length === 0 && (await store.lastSeq()) > 0, 'the outbox to empty and the seq to be stored');
    await until(sync.status, (s) => s.state === 'saved');
    sync.close();
    first.store.close();

    const again = await openIdbTracker({ plan, name, BroadcastChannel: null });
    if (!again.durable) throw new Error(again.notices.join(' '));
    expect(again.tracker.getAction('ETE-04')?.state).toBe('agreed');
    expect(await again.store.lastSeq()).toBe(1);
    expect(await again.store.outbox()).toEqual([]);
    again.store.close();
  });
});
