import { StorageFullError } from '../../src/index.js';
import { breakPut, ev, failure, lead, plan, saved, scratch, stored, type Runner } from '../support.js';

export function quotaSuite(runner: Runner) {
  const { describe, it, expect } = runner;
  const db = scratch(runner);

  describe('a full disk', () => {
    it('says so plainly, keeps the changes in memory, leaves the store intact and saves them on retry', async () => {
      const name = db.name();
      const { tracker, store } = await db.open(name);
      await saved(tracker.send(ev(lead, 'a1', 'action.agree')));
      const before = await stored(name);

      const start = ev(lead, 'a1', 'action.start');
      const progress = ev(lead, 'a1', 'action.progress', { note: 'Two sessions booked.' });
      const undo = breakPut('quota');
      try {
        const [error] = await Promise.all([start, progress].map((e) => failure(saved(tracker.send(e)))));
        expect(error).to.be.instanceOf(StorageFullError);
        expect(error!.message).to.include('storage for the tracker is full');
        expect(error!.message).to.include('Nothing is lost');
        expect(tracker.getAction('a1')!.state).to.equal('inProgress');
        expect(tracker.unsaved.map((e) => e.id)).to.deep.equal([start.id, progress.id]);
        expect(await failure(tracker.flush())).to.be.instanceOf(StorageFullError);
        expect(await stored(name)).to.deep.equal(before);
      } finally {
        undo();
      }

      await tracker.flush();
      expect(tracker.unsaved).to.deep.equal([]);
      store.close();
      const again = await db.open(name);
      expect(again.tracker.getAction('a1')!.lastProgress?.note).to.equal('Two sessions booked.');
      expect((await stored(name)).outbox.length).to.equal(3);
    });
  });
}
