import { ACTION_MACHINE_VERSION } from '@pledgeflow/core';
import { ev, lead, plan, saved, scratch, stored, type Runner } from '../support.js';

export function loadSuite(runner: Runner) {
  const { describe, it, expect } = runner;
  const db = scratch(runner);

  describe('keeping changes across a reload', () => {
    it('writes each event with its outbox entry and snapshot, and loads them back', async () => {
      const name = db.name();
      const first = await db.open(name);
      expect(first.durable).to.equal(true);
      expect(first.notices).to.deep.equal([]);
      const steps = [ev(lead, 'a1', 'action.agree'), ev(lead, 'a1', 'action.start'), ev(lead, 'a2', 'action.agree')];
      for (const step of steps) await saved(first.tracker.send(step));
      const held = await stored(name);
      expect(held.events).to.deep.equal(steps.map((s) => s.id));
      expect(held.outbox).to.deep.equal(steps.map((s) => s.id));
      expect(held.snapshots.map((s) => [s.stream, s.eventCount, s.lastEventId, s.machineVersion])).to.deep.equal([
        ['a1', 2, steps[1]!.id, ACTION_MACHINE_VERSION],
        ['a2', 1, steps[2]!.id, ACTION_MACHINE_VERSION],
      ]);
      first.store.close();

      const again = await db.open(name);
      expect(again.tracker.getAction('a1')!.state).to.equal('inProgress');
      expect(again.tracker.getAction('a2')!.state).to.equal('agreed');
      expect(again.tracker.history('a1').map((h) => h.eventId)).to.deep.equal([steps[0]!.id, steps[1]!.id]);
      expect(again.tracker.rebuilt).to.deep.equal([]);
      expect(again.notices).to.deep.equal([]);
    });

    it('rebuilds snapshots made by older machines from the events, saves them, and says so', async () => {
      const name = db.name();
      const first = await db.open(name);
      await saved(first.tracker.send(ev(lead, 'a1', 'action.agree')));
      await first.store.saveSnapshots(first.tracker.snapshots().map((s) => ({ ...s, machineVersion: 0 })));
      first.store.close();

      const again = await db.open(name);
      expect(again.tracker.getAction('a1')!.state).to.equal('agreed');
      expect(again.notices.length).to.equal(1);
      expect(again.notices[0]).to.include('brought up to date from their history. Nothing was lost.');
      const versions = new Set((await stored(name)).snapshots.filter((s) => again.tracker.rebuilt.includes(s.stream)).map((s) => s.machineVersion));
      expect([...versions]).to.deep.equal([ACTION_MACHINE_VERSION]);
      again.store.close();

      const third = await db.open(name);
      expect(third.notices).to.deep.equal([]);
    });
  });
}
