import { breakPut, ev, failure, lead, plan, saved, scratch, stored, type Fault, type Runner } from '../support.js';

const STEPS = ['the event', 'the outbox entry', 'the snapshot'];

export function crashSuite(runner: Runner) {
  const { describe, it, expect } = runner;
  const db = scratch(runner);

  describe('crash safety: one transaction per change', () => {
    it('writes the event, its outbox entry and the snapshot in one transaction with durability "strict"', async () => {
      const { tracker } = await db.open(db.name());
      const proto = IDBDatabase.prototype;
      const transaction = proto.transaction;
      const seen: unknown[] = [];
      proto.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
        seen.push([[...args[0]], args[1], args[2]?.durability]);
        return transaction.apply(this, args);
      };
      try {
        await saved(tracker.send(ev(lead, 'a1', 'action.agree')));
      } finally {
        proto.transaction = transaction;
      }
      expect(seen).to.deep.equal([[['events', 'outbox', 'snapshots'], 'readwrite', 'strict']]);
    });

    for (const fault of ['abort', 'throw'] as Fault[]) {
      STEPS.forEach((what, i) => {
        it(`leaves the store as it was when writing ${what} ${fault === 'abort' ? 'is aborted' : 'throws'}, and as it should be after a retry`, async () => {
          const name = db.name();
          const { tracker } = await db.open(name);
          await saved(tracker.send(ev(lead, 'a1', 'action.agree')));
          const before = await stored(name);

          const step = ev(lead, 'a1', 'action.start');
          const undo = breakPut(fault, i + 1);
          const error = await failure(saved(tracker.send(step))).finally(undo);
          expect(error).to.be.instanceOf(Error);
          expect(await stored(name)).to.deep.equal(before);
          expect(tracker.unsaved.map((e) => e.id)).to.deep.equal([step.id]);
          expect(tracker.getAction('a1')!.state).to.equal('inProgress');

          await tracker.flush();
          const after = await stored(name);
          expect(after.events).to.deep.equal([...before.events, step.id]);
          expect(after.outbox).to.deep.equal([...before.outbox, step.id]);
          expect(after.snapshots.map((s) => [s.eventCount, s.lastEventId])).to.deep.equal([[2, step.id]]);
        });
      });
    }
  });
}
