import { createTracker } from '@pledgeflow/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, MemorySyncStore, type SyncConnection } from '../src/index.js';
import { actorOf, eastmere, signIn, startServerProcess, type ServerProcess } from './support/server-process.js';
import { eventually } from './support/wait.js';

const plan = eastmere();

describe("connect(): a push's answer instead of a pull", () => {
  let server: ServerProcess;
  const open: SyncConnection[] = [];
  beforeAll(async () => {
    server = await startServerProcess();
  }, 90_000);
  afterAll(async () => {
    for (const c of open) c.close();
    await server?.remove();
  }, 30_000);

  const device = (person: string, extra: { live?: boolean } = {}) => {
    const store = new MemorySyncStore();
    const tracker = createTracker({ plan, store });
    const asked: string[] = [];
    const net: typeof fetch = (input, init) => {
      asked.push(new URL(String(input)).pathname.split('/').pop()!);
      return fetch(input, init);
    };
    const sync = connect(tracker, { url: server.url, planId: plan.id, getToken: () => signIn(server.url, person), store, fetch: net, backoff: { base: 50, max: 400 }, ...extra });
    open.push(sync);
    return { store, tracker, sync, asked, actor: actorOf(plan, person) };
  };

  it('keeps its own accepted steps with their seqs without pulling, when no one else stepped meanwhile', async () => {
    const ruth = device('ruth-kendrick');
    await ruth.sync.whenSaved();
    await eventually(() => ruth.asked.includes('stream'), 'the live stream to open');
    await new Promise((r) => setTimeout(r, 300));
    const before = await ruth.store.lastSeq();
    ruth.asked.length = 0;
    const step = ruth.tracker.step(ruth.actor, { stream: 'ETE-04', type: 'action.agree' } as never);
    if (!step.ok) throw new Error(step.reasons.join(' '));
    await eventually(async () => (await ruth.store.outbox()).length === 0, 'the step to be sent');
    await ruth.sync.whenSaved();
    await new Promise((r) => setTimeout(r, 300)); // the live stream's head for this step changes nothing
    expect(ruth.asked).toEqual(['push']);
    expect(await ruth.store.lastSeq()).toBe(before + 1);
    expect(ruth.tracker.events().find((e) => e.id === step.event.id)?.seq).toBe(before + 1);
  });

  it("never skips someone else's step that came before its own: the push's answer then moves nothing, and the pull brings both", async () => {
    const imran = device('imran-hussain');
    await imran.sync.whenSaved();
    // Ruth without the live stream: she learns of Imran's step only from her push's answer and her pull.
    const ruth = device('ruth-kendrick', { live: false });
    await ruth.sync.whenSaved();
    const before = await ruth.store.lastSeq();
    const his = imran.tracker.step(imran.actor, { stream: 'ETE-04', type: 'action.evidence.add', data: { evidenceId: 'ev-push-answer', summary: 'Course attendance, week one.', date: '2026-11-20' } } as never);
    if (!his.ok) throw new Error(his.reasons.join(' '));
    await imran.sync.whenSaved();
    const mine = ruth.tracker.step(ruth.actor, { stream: 'ETE-04', type: 'action.start' } as never);
    if (!mine.ok) throw new Error(mine.reasons.join(' '));
    await eventually(async () => (await ruth.store.lastSeq()) === before + 2, 'Ruth to have both steps from the server');
    expect(ruth.tracker.events().find((e) => e.id === his.event.id)?.seq).toBe(before + 1);
    expect(ruth.tracker.events().find((e) => e.id === mine.event.id)?.seq).toBe(before + 2);
  });
});
