import { createTracker, type PledgeEvent, type Tracker } from '@pledgeflow/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, MemorySyncStore, syncStatusText, type ConnectOptions, type OnlineSignal, type SyncConnection } from '../src/index.js';
import { actorOf, eastmere, signIn, startServerProcess, type ServerProcess } from './support/server-process.js';
import { eventually, until } from './support/wait.js';

const plan = eastmere();
const fast = { base: 50, max: 400 };

/** A device: a tracker on a MemorySyncStore, a network it can lose, and its connection. */
interface Device {
  tracker: Tracker;
  store: MemorySyncStore;
  sync: SyncConnection;
  person: string;
  goOffline(): void;
  goOnline(): void;
  /** The next push's answer is lost after the server has stored it. */
  loseNextPushAnswer(): void;
}

function device(server: ServerProcess, person: string, token: () => Promise<string | undefined>, extra: Partial<ConnectOptions> = {}, seed: PledgeEvent[] = []): Device {
  const store = new MemorySyncStore();
  const tracker = createTracker({ plan, store });
  tracker.receive(seed);
  let online = true;
  let loseAnswer = false;
  const listeners = new Set<() => void>();
  const signal: OnlineSignal = {
    isOnline: () => online,
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
  };
  const net: typeof fetch = async (input, init) => {
    if (!online) throw new TypeError('fetch failed');
    const res = await fetch(input, init);
    if (loseAnswer && String(input).endsWith('/push')) {
      loseAnswer = false;
      await res.arrayBuffer();
      throw new TypeError('fetch failed: the connection was reset');
    }
    return res;
  };
  const sync = connect(tracker, { url: server.url, planId: plan.id, getToken: token, store, fetch: net, online: signal, backoff: fast, clientId: `${person}-test`, ...extra });
  const flip = (value: boolean) => {
    online = value;
    for (const l of listeners) l();
  };
  return { tracker, store, sync, person, goOffline: () => flip(false), goOnline: () => flip(true), loseNextPushAnswer: () => (loseAnswer = true) };
}

function step(d: Device, input: { stream: string; type: string; data?: Record<string, unknown> }): PledgeEvent {
  const result = d.tracker.step(actorOf(plan, d.person), input as never);
  if (!result.ok) throw new Error(`${d.person} could not take ${input.type}: ${result.reasons.join(' ')}`);
  return result.event;
}

let evidenceCount = 0;
const evidence = (stream: string) => ({
  stream, type: 'action.evidence.add',
  data: { evidenceId: `ev-sync-${++evidenceCount}`, summary: `Bridging course attendance, week ${evidenceCount}.`, date: '2026-11-20' },
});

/** Every accepted event on the server, read with a fresh token. */
async function serverLog(server: ServerProcess): Promise<PledgeEvent[]> {
  const token = await signIn(server.url, 'jo-whitfield');
  const events: PledgeEvent[] = [];
  for (let after = 0; ;) {
    const res = await fetch(`${server.url}/v1/plans/${plan.id}/pull?after=${after}&limit=1000`, { headers: { authorization: `Bearer ${token}` } });
    const page = (await res.json()) as { events: PledgeEvent[]; upToDate: boolean };
    events.push(...page.events);
    after = page.events.at(-1)?.seq ?? after;
    if (page.upToDate || !page.events.length) return events;
  }
}

describe('connect(): a tracker kept in step with a real server process', () => {
  let server: ServerProcess;
  const devices: Device[] = [];
  const tokenFor = (person: string) => () => signIn(server.url, person);
  const open = (person: string, extra: Partial<ConnectOptions> = {}, token: () => Promise<string | undefined> = tokenFor(person), seed: PledgeEvent[] = []) => {
    const d = device(server, person, token, extra, seed);
    devices.push(d);
    return d;
  };

  beforeAll(async () => {
    server = await startServerProcess();
  }, 90_000);
  afterAll(async () => {
    for (const d of devices) d.sync.close();
    await server?.remove();
  }, 30_000);

  it('lets two people of different agencies see each other\'s steps, live', async () => {
    const ruth = open('ruth-kendrick');
    const imran = open('imran-hussain');
    await Promise.all([ruth.sync.whenSaved(), imran.sync.whenSaved()]);
    const agree = step(ruth, { stream: 'ETE-04', type: 'action.agree' });
    await eventually(() => imran.tracker.getAction('ETE-04')?.state === 'agreed', 'Imran to see Ruth agree ETE-04');
    expect(imran.tracker.events().find((e) => e.id === agree.id)?.seq).toBeGreaterThan(0);

    const added = step(imran, evidence('ETE-04'));
    await eventually(() => ruth.tracker.getAction('ETE-04')?.evidence.some((e) => e.id === (added.data as { evidenceId: string }).evidenceId) ?? false, 'Ruth to see Imran\'s evidence');
    await Promise.all([until(ruth.sync.status, (s) => s.state === 'saved'), until(imran.sync.status, (s) => s.state === 'saved')]);
    expect(await ruth.store.outbox()).toEqual([]);
    expect(await imran.store.outbox()).toEqual([]);
    expect(syncStatusText(ruth.sync.status.value)).toBe('Saved');
  });

  it('keeps steps taken offline and sends each exactly once when back, even when an answer is lost', async () => {
    const imran = open('imran-hussain');
    const ruth = open('ruth-kendrick');
    await Promise.all([imran.sync.whenSaved(), ruth.sync.whenSaved()]);
    imran.goOffline();
    await until(imran.sync.status, (s) => s.state === 'offline');
    const offline = [step(imran, evidence('ETE-04')), step(imran, evidence('ETE-04'))];
    await until(imran.sync.status, (s) => s.state === 'offline' && s.count === 2);
    expect(syncStatusText(imran.sync.status.value)).toMatch(/^Offline: your changes are kept on this computer/);

    imran.loseNextPushAnswer();
    imran.goOnline();
    await until(imran.sync.status, (s) => s.state === 'saved');
    await eventually(() => offline.every((e) => ruth.tracker.events().some((r) => r.id === e.id)), 'Ruth to see both offline steps');
    const log = await serverLog(server);
    for (const e of offline) expect(log.filter((x) => x.id === e.id)).toHaveLength(1);
    expect(new Set(log.map((e) => e.id)).size).toBe(log.length);
    expect(imran.sync.refused.value).toEqual([]);
  });

  it('carries on when the server restarts mid-sync, losing nothing', async () => {
    const ruth = open('ruth-kendrick');
    const imran = open('imran-hussain');
    await Promise.all([ruth.sync.whenSaved(), imran.sync.whenSaved()]);
    const restarting = server.restart();
    const during = step(ruth, evidence('ETE-04'));
    await restarting;
    const after = step(ruth, evidence('ETE-04'));
    await until(ruth.sync.status, (s) => s.state === 'saved' && ruth.store !== undefined, 30_000);
    await eventually(async () => (await ruth.store.outbox()).length === 0, 'Ruth\'s outbox to empty', 30_000);
    await eventually(() => [during, after].every((e) => imran.tracker.events().some((x) => x.id === e.id)), 'Imran to see both steps after the restart', 30_000);
    const log = await serverLog(server);
    expect(log.filter((x) => x.id === during.id || x.id === after.id)).toHaveLength(2);
  }, 90_000);

  it('takes a step the server refused out of the outbox and tells its author why', async () => {
    // Two devices of one person take the same first step on an item: the server takes the first.
    const laptop = open('ruth-kendrick', { live: false });
    const phone = open('ruth-kendrick', { live: false });
    await Promise.all([laptop.sync.whenSaved(), phone.sync.whenSaved()]);
    const onRefused: string[] = [];
    const first = step(laptop, { stream: 'ETE-01', type: 'action.agree' });
    const second = step(phone, { stream: 'ETE-01', type: 'action.agree' });
    const refusedBy = (d: Device) => d.sync.refused.value.map((r) => r.id);
    // The author hears of it on both devices: the one that pushed it, and the other on its next
    // pull (asked for here: without the live stream, a device that already pulled after its own
    // push may otherwise not pull again until its next step).
    await eventually(() => {
      const both = refusedBy(laptop).length === 1 && refusedBy(phone).length === 1;
      if (!both) {
        laptop.sync.syncNow();
        phone.sync.syncNow();
      }
      return both;
    }, 'both of Ruth\'s devices to hear of the refusal');
    const [refusedId] = refusedBy(laptop);
    expect(refusedBy(phone)).toEqual([refusedId]);
    const loser = refusedId === first.id ? laptop : phone;
    expect([first.id, second.id]).toContain(refusedId);
    const [refused] = loser.sync.refused.value;
    expect(refused!.reasons.join(' ')).toMatch(/is agreed, so no one can agree actions on it now/);
    expect(refused!.event?.type).toBe('action.agree');
    expect(await loser.store.outbox()).toEqual([]);
    expect((await loser.store.refusedSteps()).map((r) => r.id)).toEqual([refusedId]);
    loser.sync.refused.subscribe(() => onRefused.push('again'));
    loser.sync.syncNow();
    await until(loser.sync.status, (s) => s.state === 'saved');
    expect(onRefused).toEqual([]); // told once, not on every pull
  });

  it('asks for a token once more on 401, then says "Sign in again"; with a new token it sends the outbox', async () => {
    let token: string | undefined = 'an.expired.token';
    let asked = 0;
    // (A device that has the plan as it stands, from an earlier session, whose token has since expired.)
    const imran = open('imran-hussain', {}, async () => {
      asked++;
      return token;
    }, await serverLog(server));
    await until(imran.sync.status, (s) => s.state === 'sign-in');
    expect(asked).toBe(2);
    const waiting = step(imran, evidence('ETE-04'));
    await until(imran.sync.status, (s) => s.state === 'sign-in' && s.count === 1);
    expect(syncStatusText(imran.sync.status.value)).toBe('Sign in again: 1 change will be sent once you have');
    token = await signIn(server.url, 'imran-hussain');
    imran.sync.syncNow();
    await until(imran.sync.status, (s) => s.state === 'saved');
    expect((await serverLog(server)).some((e) => e.id === waiting.id)).toBe(true);
  });
});
