import { createEventId, createTracker, type PledgeEvent } from '@pledgeflow/core';
import { describe, expect, it } from 'vitest';
import { Judge, migrate, PlanRegistry, pull } from '../src/index.js';
import { TEST_DATABASES } from './support/databases.js';
import { actorOf, eastmere, eastmereEvents } from './support/fixtures.js';

let clock = Date.parse('2026-11-26T09:00:00Z');
const nextAt = () => new Date((clock += 60_000)).toISOString();

for (const kind of TEST_DATABASES) {
  describe(`the judge's tracker (${kind.name})`, () => {
    it('holds every accepted event with the seq it was stored with, in seq order, as a replay of the log does', async () => {
      const plan = eastmere('eastmere-judge');
      const handle = await kind.create();
      const db = await handle.open();
      try {
        await migrate(db);
        const registry = new PlanRegistry(db);
        const judge = new Judge(db, registry);
        await judge.revise(plan, null);
        await judge.seed(plan.id, eastmereEvents());
        const ruth = plan.people.find((p) => p.id === 'ruth-kendrick')!;
        const step = (stream: string, type: PledgeEvent['type'], data: Record<string, unknown> = {}) =>
          ({ id: createEventId(clock), stream, type, data, actor: actorOf(plan, 'ruth-kendrick'), at: nextAt() }) as PledgeEvent;
        // Two steps on one item in one batch, sent in the wrong order, then a third alone.
        const start = step('ETE-07', 'action.start');
        const progress = step('ETE-07', 'action.progress', { note: 'Mentors matched.' });
        const first = await judge.push(plan.id, ruth, 'ruth', [progress, start]);
        expect(first.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
        const second = await judge.push(plan.id, ruth, 'ruth', [step('ETE-07', 'action.review')]);
        expect(second.results[0]).toMatchObject({ status: 'accepted', seq: second.head });

        const tracker = await judge.tracker(plan.id);
        const held = tracker.events();
        expect(held.map((e) => e.seq)).toEqual(Array.from({ length: second.head }, (_, i) => i + 1));
        expect(held.filter((e) => e.stream === 'ETE-07').slice(-3).map((e) => e.id)).toEqual([start.id, progress.id, second.results[0]!.id]);
        // The same as a replay of what a client pulls.
        const page = await pull(db, plan.id, ruth.id, 0, 1000);
        expect(page.events.map((e) => [e.seq, e.id])).toEqual(held.map((e) => [e.seq, e.id]));
        const replay = createTracker({ plan, events: page.events });
        expect(tracker.actions().map((a) => [a.id, a.state, a.eventCount])).toEqual(replay.actions().map((a) => [a.id, a.state, a.eventCount]));
      } finally {
        await db.close();
        await handle.remove();
      }
    }, 60_000);
  });
}
