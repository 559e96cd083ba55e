// The event log is the truth: the same events give the same state however they arrive.
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { actionMachine, promiseMachine } from '@pledgeflow/core/xstate';
import { createTracker, MemoryStore, openTracker, type EventInput, type PledgeEvent, type Tracker } from '@pledgeflow/core';
import { as, ev, ok, testPlan } from '../fixtures.js';
import { prng } from '../prng.js';
import { randomLog } from '../random-log.js';

const stateOf = (t: Tracker) => JSON.stringify(t.snapshots());

function shuffle<T>(xs: T[], random: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('the same log, delivered differently, gives the same state', () => {
  for (const seed of [1, 7, 42, 2026]) {
    it(`seed ${seed}: in order, twice over, shuffled with duplicates, and in chunks through receive()`, () => {
      const log = randomLog(seed);
      expect(log.length).toBeGreaterThan(20);
      const once = createTracker({ plan: testPlan(), events: log });
      expect(once.rejected).toEqual([]);
      const random = prng(seed + 1);

      const twice = createTracker({ plan: testPlan(), events: [...log, ...log] });
      const shuffled = createTracker({ plan: testPlan(), events: shuffle([...log, ...log.filter(() => random() < 0.3)], random) });
      const chunked = createTracker({ plan: testPlan() });
      const deliveries = shuffle([...log, ...log.filter(() => random() < 0.3)], random);
      for (let i = 0; i < deliveries.length; i += 7) chunked.receive(deliveries.slice(i, i + 7));

      for (const [name, t] of Object.entries({ twice, shuffled, chunked })) {
        expect(stateOf(t)).toBe(stateOf(once));
        expect(t.rejected).toEqual([]);
      }
    });
  }

  it('sorts a mix of server-sequenced and local events the same way whatever the delivery order', () => {
    const a = { ...ev(as('lead'), 'a1', 'action.agree', {}, '2026-06-01T10:00:00Z'), seq: 1 } as PledgeEvent;
    const b = ev(as('owner'), 'a1', 'action.start', {}, '2026-06-01T09:00:00Z') as PledgeEvent;
    const c = { ...ev(as('owner'), 'a1', 'action.flag-risk', { reason: 'r' }, '2026-06-01T08:00:00Z'), seq: 2 } as PledgeEvent;
    const orders = [[a, b, c], [a, c, b], [b, a, c], [b, c, a], [c, a, b], [c, b, a]];
    const states = new Set(orders.map((o) => createTracker({ plan: testPlan(), events: o }).getAction('a1')!.state));
    expect([...states]).toEqual(['atRisk']);
  });
});

describe('the fast fold', () => {
  it('gives exactly what XState\'s own transition() gives, event by event', () => {
    const log = randomLog(314);
    const t = createTracker({ plan: testPlan(), events: log });
    const plan = testPlan();
    for (const item of [...plan.actions, ...plan.promises]) {
      const machine = 'leadAgency' in item ? actionMachine : promiseMachine;
      let [snap] = initialTransition(machine as typeof actionMachine, item as never);
      for (const e of log.filter((x) => x.stream === item.id)) [snap] = transition(machine as typeof actionMachine, snap, e as never);
      const mine = t.snapshot(item.id)!;
      expect([mine.value, mine.context], item.id).toEqual([snap.value, snap.context]);
    }
  });
});

describe('idempotency', () => {
  it('applies an event id once: sending it again changes nothing and says it was a duplicate', () => {
    const t = createTracker({ plan: testPlan() });
    const step = ev(as('lead'), 'a1', 'action.agree');
    expect(t.send(step)).toMatchObject({ ok: true, duplicate: false });
    const listener: unknown[] = [];
    t.subscribe((c) => listener.push(c));
    expect(t.send(step)).toMatchObject({ ok: true, duplicate: true });
    expect(t.events()).toHaveLength(1);
    expect(listener).toEqual([]);
  });

  it('refuses a different event that reuses an id', () => {
    const t = createTracker({ plan: testPlan() });
    const step = ev(as('lead'), 'a1', 'action.agree');
    t.send(step);
    const result = t.send({ ...step, stream: 'a4' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reasons[0]).toContain('already recorded with different content');
  });

  it('takes the server\'s seq for an event it already has', () => {
    const t = createTracker({ plan: testPlan() });
    const agree = ok(t.send(ev(as('lead'), 'a1', 'action.agree'))).event;
    t.receive([{ ...agree, seq: 7 }]);
    expect(t.events()[0]!.seq).toBe(7);
  });

  it('tries an event refused earlier afresh when it is sent again, and keeps no stale refusal', () => {
    const start = ev(as('owner'), 'a1', 'action.start') as PledgeEvent;
    const t = createTracker({ plan: testPlan(), events: [start] });
    expect(t.rejected).toHaveLength(1);
    ok(t.send(ev(as('lead'), 'a1', 'action.agree', {}, new Date(Date.parse(start.at) - 1000).toISOString())));
    ok(t.send(start));
    expect(t.getAction('a1')!.state).toBe('inProgress');
    expect(t.rejected).toEqual([]);
    expect(t.snapshot('a1')!.eventCount).toBe(2);
  });
});

describe('snapshots', () => {
  it('loads from per-item snapshots plus the later events to the same state as a full replay', () => {
    const log = randomLog(99);
    const half = createTracker({ plan: testPlan(), events: log.slice(0, Math.floor(log.length / 2)) });
    const fromSnapshots = createTracker({ plan: testPlan(), events: log, snapshots: half.snapshots() });
    const replayed = createTracker({ plan: testPlan(), events: log });
    expect(stateOf(fromSnapshots)).toBe(stateOf(replayed));
    expect(fromSnapshots.rebuilt).toEqual([]);
    expect(fromSnapshots.history('a1')).toEqual(replayed.history('a1'));
  });

  it('lines up with a log that holds refused events, keeping them refused with their reasons', () => {
    const agree = ev(as('lead'), 'a1', 'action.agree') as PledgeEvent;
    const completeTooSoon = ev(as('owner'), 'a1', 'action.complete') as PledgeEvent; // no evidence: refused
    const start = ev(as('owner'), 'a1', 'action.start') as PledgeEvent;
    const first = createTracker({ plan: testPlan(), events: [agree, completeTooSoon, start] });
    expect(first.rejected.map((r) => r.event.id)).toEqual([completeTooSoon.id]);
    const progress = ev(as('owner'), 'a1', 'action.progress', { note: 'Half done.' }) as PledgeEvent;
    const again = createTracker({ plan: testPlan(), events: [agree, completeTooSoon, start, progress], snapshots: first.snapshots() });
    expect(again.rebuilt).toEqual([]);
    expect(again.rejected).toEqual(first.rejected);
    expect(again.getAction('a1')).toMatchObject({ state: 'inProgress', lastProgress: { note: 'Half done.' } });
    expect(again.history('a1').map((h) => h.type)).toEqual(['action.agree', 'action.start', 'action.progress']);
  });

  it('rebuilds an item from its events when its snapshot came from another machine version, and says which', () => {
    const log = randomLog(5);
    const old = createTracker({ plan: testPlan(), events: log }).snapshots().map((s) => (s.stream === 'a1' ? { ...s, machineVersion: 0 } : s));
    const t = createTracker({ plan: testPlan(), events: log, snapshots: old });
    expect(t.rebuilt).toEqual(['a1']);
    expect(stateOf(t)).toBe(stateOf(createTracker({ plan: testPlan(), events: log })));
  });

  it('rebuilds when the log no longer matches the snapshot (a different last event)', () => {
    const log = randomLog(11);
    const snaps = createTracker({ plan: testPlan(), events: log }).snapshots().map((s) => (s.eventCount ? { ...s, lastEventId: 'someone-else' } : s));
    const t = createTracker({ plan: testPlan(), events: log, snapshots: snaps });
    expect(t.rebuilt.length).toBe(snaps.filter((s) => s.eventCount).length);
    expect(stateOf(t)).toBe(stateOf(createTracker({ plan: testPlan(), events: log })));
  });
});

describe('a store', () => {
  it('keeps every accepted event and snapshot, and a new tracker opens to the same state', async () => {
    const store = new MemoryStore();
    const t = await openTracker({ plan: testPlan(), store });
    const r = t.send(ev(as('lead'), 'a1', 'action.agree'));
    expect(r.ok).toBe(true);
    await (r.ok && r.saved);
    const again = await openTracker({ plan: testPlan(), store });
    expect(again.getAction('a1')!.state).toBe('agreed');
  });

  it('keeps an event in memory when the store fails (a full disk), and writes it on flush()', async () => {
    const inner = new MemoryStore();
    let full = true;
    const store = {
      load: () => inner.load(),
      append: async (...args: Parameters<MemoryStore['append']>) => {
        if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return inner.append(...args);
      },
    };
    const t = await openTracker({ plan: testPlan(), store });
    const first = t.send(ev(as('lead'), 'a1', 'action.agree'));
    const second = t.send(ev(as('owner'), 'a1', 'action.start'));
    await expect(first.ok && first.saved).rejects.toThrow('quota');
    await expect(second.ok && second.saved).rejects.toThrow('quota');
    expect(t.getAction('a1')!.state).toBe('inProgress');
    expect(t.unsaved.map((e) => e.type)).toEqual(['action.agree', 'action.start']);
    full = false;
    await t.flush();
    expect(t.unsaved).toEqual([]);
    const reopened = await openTracker({ plan: testPlan(), store: inner });
    expect(reopened.getAction('a1')!.state).toBe('inProgress');
  });
});

describe('reading the record', () => {
  it('tells the history in plain English: who, from which agency, did what and why', () => {
    const t = createTracker({ plan: testPlan() });
    t.send(ev(as('lead'), 'a1', 'action.agree', {}, '2026-05-02T09:00:00Z'));
    t.send(ev(as('owner'), 'a1', 'action.start', {}, '2026-05-03T09:00:00Z'));
    t.send(ev(as('owner'), 'a1', 'action.flag-risk', { reason: 'Venue closed.' }, '2026-05-04T09:00:00Z'));
    const h = t.history('a1');
    expect(h.map((x) => x.summary)).toEqual([
      'Lee Lead (Virtual School) agreed the action',
      'Owen Owner (Virtual School) started work',
      'Owen Owner (Virtual School) flagged a risk: Venue closed.',
    ]);
    expect(h[2]!.actor).toMatchObject({ userId: 'owner', roleLabel: 'action owner' });
  });

  it('shows the plan as it stood on a date (end of that UK day) or at an instant', () => {
    const t = createTracker({ plan: testPlan() });
    t.send(ev(as('lead'), 'a1', 'action.agree', {}, '2026-05-02T09:00:00Z'));
    t.send(ev(as('owner'), 'a1', 'action.start', {}, '2026-06-30T23:30:00Z')); // 1 July in the UK
    expect(t.at('2026-06-30').getAction('a1')!.state).toBe('agreed');
    expect(t.at('2026-07-01').getAction('a1')!.state).toBe('inProgress');
    expect(t.at('2026-06-30T23:00:00Z').getAction('a1')!.state).toBe('agreed');
    expect(() => t.at('next week')).toThrow('expected a date');
  });

  it('tells subscribers which items changed, and gives the same view object until an item changes', () => {
    const t = createTracker({ plan: testPlan() });
    const before = { a1: t.get('a1'), a2: t.get('a2') };
    const changes: string[][] = [];
    const stop = t.subscribe((c) => changes.push(c.streams));
    t.send(ev(as('lead'), 'a1', 'action.agree'));
    expect(changes).toEqual([['a1']]);
    expect(t.get('a2')).toBe(before.a2);
    expect(t.get('a1')).not.toBe(before.a1);
    stop();
    t.send(ev(as('owner'), 'a1', 'action.start'));
    expect(changes).toHaveLength(1);
  });

  it('filters actions by state, workstream, agency (lead or partner), owner, promise and principle', () => {
    const t = createTracker({ plan: testPlan() });
    t.send(ev(as('lead'), 'a1', 'action.agree'));
    expect(t.actions({ state: 'agreed' }).map((a) => a.id)).toEqual(['a1']);
    expect(t.actions({ workstream: 'education' }).map((a) => a.id)).toEqual(['a1', 'a3', 'a4']);
    expect(t.actions({ agency: 'nhs' }).map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(t.actions({ leadAgency: 'nhs' }).map((a) => a.id)).toEqual(['a2']);
    expect(t.list({ kind: 'action', owner: 'owner', promise: 'p1', principle: 7 }).map((a) => a.id)).toEqual(['a4']);
    expect(t.list({ kind: 'promise' }).map((p) => p.number)).toEqual([1, 2]);
  });

  it('keeps events that no longer fit in `rejected` with reasons, never dropping them silently', () => {
    const complete = ev(as('owner'), 'a1', 'action.complete', {}) as PledgeEvent;
    const t = createTracker({ plan: testPlan(), events: [complete] });
    expect(t.rejected).toHaveLength(1);
    expect(t.rejected[0]!.reasons[0]).toContain('is draft');
    expect(t.getAction('a1')!.state).toBe('draft');
  });
});

describe('steps taken here within one millisecond', () => {
  it('keep their order when the log is loaded again (ids made in the same millisecond increase)', () => {
    const ms = Date.parse('2026-06-01T10:00:00Z');
    // A page that takes steps faster than its clock ticks: every step in the same millisecond.
    for (let round = 0; round < 50; round++) {
      const t = createTracker({ plan: testPlan(), now: () => ms });
      ok(t.step(as('editor'), { stream: 'a1', type: 'action.agree' }));
      ok(t.step(as('owner'), { stream: 'a1', type: 'action.start' }));
      ok(t.step(as('owner'), { stream: 'a1', type: 'action.progress', data: { note: 'Half the schools trained.' } }));
      const events = t.events();
      expect(events.map((e) => e.type)).toEqual(['action.agree', 'action.start', 'action.progress']);
      const again = createTracker({ plan: testPlan(), events: [...events].reverse() });
      expect(again.getAction('a1')?.state).toBe('inProgress');
      expect(again.rejected).toEqual([]);
    }
  });
});
