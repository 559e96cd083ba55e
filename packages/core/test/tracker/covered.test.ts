// Loading from snapshots with a store that reads covered events on demand: the tracker is
// ready without reading the log, and reads an item's events only when something needs them.
import { describe, expect, it } from 'vitest';
import { createTracker, MemoryStore, openTracker, splitAtSnapshots, type ItemSnapshot, type PledgeEvent, type Tracker } from '@pledgeflow/core';
import { afterThePlan, as, ev, testPlan } from '../fixtures.js';
import { randomLog } from '../random-log.js';

const ok = (r: ReturnType<Tracker['send']>) => {
  if (!r.ok) throw new Error(r.reasons.join(' '));
  return r;
};

/** A source of covered events, as a store would give it, that counts which items were read. */
function source(log: readonly PledgeEvent[]) {
  const reads: string[] = [];
  return { reads, read: (stream: string) => (reads.push(stream), log.filter((e) => e.stream === stream)) };
}

const views = (t: Tracker) => [...t.actions(), ...t.promises()];

describe('loading from snapshots, reading covered events on demand', () => {
  const log = randomLog(11);
  const full = createTracker({ plan: testPlan(), events: log });
  const snapshots = full.snapshots();

  it('is ready without reading any event, and shows every item as a full replay does', () => {
    const { reads, read } = source(log);
    const t = createTracker({ plan: testPlan(), snapshots, coveredEvents: read });
    expect(views(t)).toEqual(views(full));
    expect(t.state().actions).toEqual(full.state().actions);
    expect(t.snapshots()).toEqual(snapshots);
    expect(t.can(as('owner'), { stream: 'a1', type: 'action.progress', data: { note: 'n' } })).toEqual(full.can(as('owner'), { stream: 'a1', type: 'action.progress', data: { note: 'n' } }));
    expect(t.nextSteps(as('lead'), 'a2')).toEqual(full.nextSteps(as('lead'), 'a2'));
    expect(reads).toEqual([]);
  });

  it('reads one item\'s events for its history, and the whole log for events() and at()', () => {
    const { reads, read } = source(log);
    const t = createTracker({ plan: testPlan(), snapshots, coveredEvents: read });
    expect(t.history('a1')).toEqual(full.history('a1'));
    expect(reads).toEqual(['a1']);
    expect(t.events()).toEqual(full.events());
    const day = log[Math.floor(log.length / 2)]!.at.slice(0, 10);
    expect(t.at(day).snapshots()).toEqual(full.at(day).snapshots());
    expect(new Set(reads).size).toBe(reads.length);
  });

  it('knows every earlier event id when a step is sent: a repeat is a duplicate, a clash is refused', () => {
    const t = createTracker({ plan: testPlan(), snapshots, coveredEvents: source(log).read });
    const earlier = log.find((e) => e.stream === 'a3')!;
    const again = t.send(earlier);
    expect(again.ok && again.duplicate).toBe(true);
    const clash = t.send({ ...earlier, data: { note: 'something else' }, type: 'action.progress' });
    expect(clash.ok).toBe(false);
    expect(!clash.ok && clash.reasons).toEqual([expect.stringContaining(`An event with the id ${earlier.id} was already recorded with different content`)]);
  });

  it('takes new steps on top of the snapshot and ends where a full replay ends', () => {
    const t = createTracker({ plan: testPlan(), snapshots, coveredEvents: source(log).read, now: afterThePlan });
    const other = createTracker({ plan: testPlan(), events: log });
    const step = ev(as('owner'), 'a1', 'action.review', {}, '2027-12-01T10:00:00Z');
    expect(t.send(step).ok).toBe(other.send(step).ok);
    expect(t.snapshots()).toEqual(other.snapshots());
    expect(t.history('a1')).toEqual(other.history('a1'));
  });

  it('folds the events after the snapshots, and rebuilds an item whose snapshot does not fit', () => {
    const cut = Math.floor(log.length * 0.6);
    const early = createTracker({ plan: testPlan(), events: log.slice(0, cut) }).snapshots();
    const stale = early.map((s) => (s.stream === 'a2' ? { ...s, machineVersion: 0 } : s));
    const t = createTracker({ plan: testPlan(), snapshots: stale, events: log.slice(cut), coveredEvents: source(log.slice(0, cut)).read });
    expect(t.snapshots()).toEqual(snapshots);
    expect(t.rebuilt).toContain('a2');
    expect(t.events()).toEqual(full.events());
  });

  it('rebuilds an item when the store no longer holds what its snapshot covers', () => {
    const missing = log.filter((e) => e.stream === 'a1').at(-1)!;
    const t = createTracker({ plan: testPlan(), snapshots, coveredEvents: source(log.filter((e) => e !== missing)).read });
    expect(t.get('a1')).toEqual(full.get('a1'));
    t.history('a1');
    expect(t.rebuilt).toEqual(['a1']);
    expect(t.snapshot('a1')).toEqual(createTracker({ plan: testPlan(), events: log.filter((e) => e !== missing) }).snapshot('a1'));
  });

  it('shows refused events at once, and works with snapshots written before they carried updatedAt', () => {
    const refusedLog = [...log, { ...ev(as('owner'), 'a1', 'action.verify', {}, '2028-01-01T10:00:00Z'), id: 'refused-1' } as PledgeEvent];
    const withRefused = createTracker({ plan: testPlan(), events: refusedLog });
    const oldStyle: ItemSnapshot[] = withRefused.snapshots().map(({ updatedAt: _, ...s }) => s);
    const t = createTracker({ plan: testPlan(), snapshots: oldStyle, coveredEvents: source(refusedLog).read });
    expect(t.rejected).toEqual(withRefused.rejected);
    expect(views(t)).toEqual(views(withRefused));
  });
});

describe('MemoryStore', () => {
  it('hands a tracker the snapshots and only the events after them; a reopened tracker is where the last one was', async () => {
    const log = randomLog(5, 120);
    const store = new MemoryStore({ events: log, snapshots: createTracker({ plan: testPlan(), events: log }).snapshots() });
    const loaded = await store.load();
    expect(loaded.events).toEqual([]);
    const t = await openTracker({ plan: testPlan(), store, now: afterThePlan });
    ok(t.send(ev(as('editor'), 'a4', 'action.review', {}, '2027-12-01T10:00:00Z')));
    const reopened = await openTracker({ plan: testPlan(), store });
    expect(reopened.snapshots()).toEqual(t.snapshots());
    expect(reopened.events()).toEqual(t.events());
    expect(store.events()).toHaveLength(log.length + 1);
  });
});

describe('splitAtSnapshots', () => {
  // Two tabs step on the same item at about the same time: each writes its event with the
  // snapshot it made, which does not include the other tab's event.
  const base = randomLog(3, 80);
  const plan = testPlan();
  const stepAt = (who: string, at: string) => ({ ...ev(as(who), 'a1', 'action.review', {}, at), id: `review-${who}` }) as PledgeEvent;

  for (const [label, mineAt, theirsAt] of [
    ['the other tab\'s step comes after the snapshot: it is folded on top', '2028-01-01T10:00:00Z', '2028-01-01T11:00:00Z'],
    ['the other tab\'s step comes before the snapshot\'s last: the item is rebuilt', '2028-01-01T11:00:00Z', '2028-01-01T10:00:00Z'],
  ] as const) {
    it(label, () => {
      const mine = createTracker({ plan, events: base, now: afterThePlan });
      ok(mine.send(stepAt('editor', mineAt)));
      const theirs = stepAt('board', theirsAt);
      const stored = [...base, mine.events().find((e) => e.id === 'review-editor')!, theirs];
      const log = splitAtSnapshots(stored, mine.snapshots());
      const t = createTracker({ plan, ...log });
      const full = createTracker({ plan, events: stored });
      expect(t.snapshots()).toEqual(full.snapshots());
      expect(t.history('a1')).toEqual(full.history('a1'));
      // After: only the other tab's step is left to fold. Before: the snapshot covers nothing, so every event of the item is.
      const expected = mineAt < theirsAt ? ['review-board'] : full.events().filter((e) => e.stream === 'a1').map((e) => e.id);
      expect(log.events.map((e) => e.id)).toEqual(expected);
    });
  }
});

describe('loading from a store, when what it holds is damaged or out of date (found by review)', () => {
  it('keeps the events of an item no longer in the plan in rejected, as a full load does', async () => {
    const t = createTracker({ plan: testPlan() });
    ok(t.send(ev(as('editor'), 'a4', 'action.review')));
    const events = [...t.events()];
    const snapshots = t.snapshots();
    const smaller = testPlan({ actions: testPlan().actions.filter((a) => a.id !== 'a4') as never });
    const full = createTracker({ plan: smaller, events, snapshots });
    const lazy = await openTracker({ plan: smaller, store: new MemoryStore({ events, snapshots }) });
    expect(full.rejected).toHaveLength(1);
    expect(lazy.rejected).toEqual(full.rejected);
  });

  it('keeps a damaged stored event in rejected instead of failing to open', async () => {
    const good = { ...ev(as('editor'), 'a1', 'action.agree'), id: 'good-event' } as PledgeEvent;
    const bad = { ...ev(as('owner'), 'a1', 'action.start'), id: 'bad-event', at: undefined } as unknown as PledgeEvent;
    const t = await openTracker({ plan: testPlan(), store: new MemoryStore({ events: [good, bad] }) });
    expect(t.get('a1')!.state).toBe('agreed');
    expect(t.rejected.map((r) => (r.event as { id: string }).id)).toEqual(['bad-event']);
  });

  it('starts an item afresh when the store holds none of the events its snapshot covers', async () => {
    const t = createTracker({ plan: testPlan() });
    ok(t.send(ev(as('editor'), 'a1', 'action.agree')));
    const lazy = await openTracker({ plan: testPlan(), store: new MemoryStore({ events: [], snapshots: t.snapshots() }) });
    expect(lazy.get('a1')!.state).toBe('draft');
    expect(lazy.state().actions.find((a) => a.id === 'a1')!.state).toBe('draft');
  });

  it('tells listeners when reading an item\'s events finds its snapshot no longer fits', () => {
    const log = randomLog(11);
    const snapshots = createTracker({ plan: testPlan(), events: log }).snapshots();
    const missing = log.filter((e) => e.stream === 'a1').at(-1)!;
    const t = createTracker({ plan: testPlan(), snapshots, coveredEvents: source(log.filter((e) => e !== missing)).read });
    const heard: string[][] = [];
    t.subscribe((c) => heard.push(c.streams));
    t.history('a1');
    expect(heard).toEqual([['a1']]);
    expect(t.state().actions.find((a) => a.id === 'a1')).toBe(t.get('a1'));
  });
});
