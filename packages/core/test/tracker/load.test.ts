// A log whose event ids are all different loads item by item (each item's events read and
// folded together); one with an id twice loads as a whole, sorted first. Both must leave
// exactly the same tracker: the same events, the same refusals in the same order, the same
// snapshots and the same items rebuilt.
import { describe, expect, it } from 'vitest';
import { createTracker, type ItemSnapshot, type PledgeEvent, type Tracker } from '@pledgeflow/core';
import { testPlan } from '../fixtures.js';
import { prng } from '../prng.js';
import { randomLog } from '../random-log.js';

const plan = testPlan();

/** Everything a load leaves that a user or a store can see. */
function state(t: Tracker) {
  return { events: t.events(), rejected: t.rejected, snapshots: t.snapshots(), rebuilt: t.rebuilt };
}

/** A log as logs come from outside: shuffled in places, with malformed inputs, events of no item, refused steps and `at` in other forms. */
function messyLog(seed: number): unknown[] {
  const random = prng(seed);
  const log: unknown[] = randomLog(seed, 60 + Math.floor(random() * 120));
  const pick = () => Math.floor(random() * log.length);
  const isEvent = (e: unknown): e is PledgeEvent => typeof (e as PledgeEvent | null)?.at === 'string' && Number.isFinite(Date.parse((e as PledgeEvent).at));
  const at = (i: number) => log[i] as PledgeEvent;
  for (let k = 0; k < 8; k++) {
    const roll = random();
    let i = pick();
    while (!isEvent(log[i])) i = pick();
    if (roll < 0.15) log.splice(i, 0, null, 'not an event', { id: 42, stream: 'a1' });
    // Well formed but for its type, or missing its data's required field.
    else if (roll < 0.3) log.splice(i, 0, { ...at(i), id: `bad-type-${k}`, type: 'action.dance' }, { ...at(i), id: `no-note-${k}`, type: 'action.progress', data: {} });
    // An item the plan does not have.
    else if (roll < 0.45) log.splice(i, 0, { ...at(i), id: `gone-${k}`, stream: `retired-${k % 2}` });
    // The same instant written with an offset: read into its one form, which can change the order.
    else if (roll < 0.6) log[i] = { ...at(i), at: new Date(Date.parse(at(i).at)).toISOString().replace('Z', '+00:00') };
    // Two events swapped: out of order for their item, which can refuse steps.
    else if (roll < 0.8) {
      const j = pick();
      [log[i], log[j]] = [log[j], log[i]];
    }
    // A step removed: later steps of its item may no longer fit.
    else log.splice(i, 1);
  }
  return log;
}

describe('loading a log item by item or as a whole', () => {
  it('leaves the same tracker for a log with every id different and for the same log with one event repeated', () => {
    for (let seed = 1; seed <= 150; seed++) {
      // As `createTracker` takes them from a file or a store: anything, read before it is trusted.
      const log = messyLog(seed) as PledgeEvent[];
      const byItem = createTracker({ plan, events: log });
      // A copy of an event taken: dropped, so it changes nothing but the way the log is loaded.
      const whole = createTracker({ plan, events: [...log, { ...byItem.events()[0]! }] });
      expect(state(byItem), `seed ${seed}`).toEqual(state(whole));
      // The ids of malformed inputs stay free: the same step made well, received later, is taken the same way.
      const mended = log
        .filter((e): e is PledgeEvent => typeof (e as PledgeEvent | null)?.id === 'string' && /^(bad-type|no-note)-/.test((e as PledgeEvent).id))
        .map((e) => ({ ...e, type: 'action.progress', data: { note: 'Mended.' } }) as PledgeEvent);
      expect(byItem.receive(mended), `seed ${seed}`).toEqual(whole.receive(mended));
      expect(state(byItem), `seed ${seed}`).toEqual(state(whole));
    }
  });

  it('leaves the same tracker from stored snapshots, fitting or not', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const log = randomLog(seed, 150);
      const random = prng(seed);
      // Snapshots taken part way: some still fit the log, some were taken before an event was lost.
      const cut = Math.floor(log.length / 2);
      const snapshots: ItemSnapshot[] = createTracker({ plan, events: log.slice(0, cut) }).snapshots();
      const lost = log.filter((_, i) => i >= cut || random() > 0.05).reverse();
      const byItem = createTracker({ plan, events: lost, snapshots });
      const whole = createTracker({ plan, events: [...lost, { ...lost[0]! }], snapshots });
      expect(state(byItem), `seed ${seed}`).toEqual(state(whole));
    }
  });

  it('keeps a repeated event once and a conflicting one apart, whichever item it names', () => {
    const [first, second] = randomLog(3, 40);
    const t = createTracker({ plan, events: [second!, first!, { ...first! }, { ...first!, stream: 'a4' }] });
    expect(t.events().map((e) => e.id)).toContain(first!.id);
    expect(t.rejected.map((r) => [r.event.id, r.conflictsWith?.id])).toEqual([[first!.id, first!.id]]);
  });
});
