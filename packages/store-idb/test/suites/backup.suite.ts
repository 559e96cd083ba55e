import type { PledgeEvent, RejectedEvent } from '@pledgeflow/core';
import { BACKUP_FORMAT, BackupError, openIdbStore, stringifyBackup } from '../../src/index.js';
import { ev, failure, inbox, lead, plan, saved, scratch, type Runner } from '../support.js';

export function backupSuite(runner: Runner) {
  const { describe, it, expect } = runner;
  const db = scratch(runner);

  async function trackerWithChanges() {
    const opened = await db.open(db.name());
    const steps = [ev(lead, 'a1', 'action.agree'), ev(lead, 'a1', 'action.start'), ev(lead, 'a2', 'action.agree')];
    for (const step of steps) await saved(opened.tracker.send(step));
    return { ...opened, steps };
  }

  describe('backup and restore', () => {
    it('exports the plan file and the NDJSON event log, and imports them back once', async () => {
      const { store, steps } = await trackerWithChanges();
      const text = await store.exportBackup(plan);
      const file = JSON.parse(text);
      expect(file.format).to.equal(BACKUP_FORMAT);
      expect(file.plan.format).to.equal('pledgeflow-plan');
      expect(file.plan.id).to.equal(plan.id);
      expect(file.log.trim().split('\n').map((line: string) => JSON.parse(line).id)).to.deep.equal(steps.map((s) => s.id));

      const name = db.name();
      const heard = inbox<{ applied: PledgeEvent[]; rejected: RejectedEvent[] }>();
      const restored = await db.open(name, { onReceive: heard.push });
      const first = await restored.store.importBackup(text);
      expect([first.added, first.skipped, first.problems.length]).to.deep.equal([3, 0, 0]);
      expect(first.plan.title).to.equal(plan.title);
      expect((await heard.next()).applied.length).to.equal(3);
      expect(restored.tracker.getAction('a1')!.state).to.equal('inProgress');

      const second = await restored.store.importBackup(text);
      expect([second.added, second.skipped]).to.deep.equal([0, 3]);
      restored.store.close();

      const reopened = await db.open(name);
      expect(reopened.tracker.events().map((e) => e.id)).to.deep.equal(steps.map((s) => s.id));
      expect(reopened.tracker.getAction('a2')!.state).to.equal('agreed');
    });

    it('imports nothing from a damaged backup, and says which lines are damaged', async () => {
      const { store } = await trackerWithChanges();
      const file = JSON.parse(await store.exportBackup(plan));
      file.log += '{"id": "broken"\n';
      const target = db.keep(await openIdbStore({ planId: plan.id, name: db.name() }));
      const error = await failure(target.importBackup(JSON.stringify(file)));
      expect(error).to.be.instanceOf(BackupError);
      expect(error.message).to.include('nothing was imported');
      expect(error.message).to.include('event log, line 4');
      const stored = await target.load();
      expect([stored.events, stored.snapshots]).to.deep.equal([[], []]);
    });

    it('reports an event already here with other content as a conflict, not as skipped, keeps the one here and imports the rest', async () => {
      const { store, steps } = await trackerWithChanges();
      const file = JSON.parse(await store.exportBackup(plan));
      const events = file.log.trim().split('\n').map((line: string) => JSON.parse(line));
      // The backup's copy of the second step was taken a second later; and the backup has a step this store has not got.
      const changed = { ...events[1], at: new Date(Date.parse(events[1].at) + 1000).toISOString() };
      const extra = ev(lead, 'a2', 'action.start') as PledgeEvent;
      file.log = [events[0], changed, events[2], extra].map((e) => JSON.stringify(e)).join('\n') + '\n';

      const result = await store.importBackup(JSON.stringify(file));
      expect([result.added, result.skipped, result.conflicts.length]).to.deep.equal([1, 2, 1]);
      const [conflict] = result.conflicts;
      expect([conflict!.id, conflict!.stored.id, conflict!.backup.id]).to.deep.equal([steps[1]!.id, steps[1]!.id, steps[1]!.id]);
      expect([conflict!.stored.at, conflict!.backup.at]).to.deep.equal([events[1].at, changed.at]);
      expect(conflict!.differences).to.deep.equal(['at']);
      expect(conflict!.message).to.include(`already saved here with different content (at)`);
      expect(conflict!.message).to.include('the one saved here was kept');

      const after = await store.exportBackup(plan);
      expect([after.includes(events[1].at), after.includes(changed.at), after.includes(extra.id)]).to.deep.equal([true, false, true]);
    });

    it('refuses a backup that has two different events with one id, naming both lines, and imports nothing', async () => {
      const { store } = await trackerWithChanges();
      const file = JSON.parse(await store.exportBackup(plan));
      const events = file.log.trim().split('\n').map((line: string) => JSON.parse(line));
      file.log += `${JSON.stringify({ ...events[0], at: new Date(Date.parse(events[0].at) + 1000).toISOString() })}\n`;
      const target = db.keep(await openIdbStore({ planId: plan.id, name: db.name() }));
      const error = await failure(target.importBackup(JSON.stringify(file)));
      expect(error).to.be.instanceOf(BackupError);
      expect(error.message).to.include('nothing was imported');
      expect(error.message).to.include(`event log, line 4: the event ${events[0].id} is also on line 1, with different content (at)`);
      const stored = await target.load();
      expect([stored.events, stored.snapshots]).to.deep.equal([[], []]);
    });

    it('names the first 100 damaged lines of a backup and counts the rest', async () => {
      const { store } = await trackerWithChanges();
      const file = JSON.parse(await store.exportBackup(plan));
      file.log += '{"id": "broken"\n'.repeat(150);
      const target = db.keep(await openIdbStore({ planId: plan.id, name: db.name() }));
      const error = await failure(target.importBackup(JSON.stringify(file)));
      const lines = error.message.split('\n');
      expect(lines.filter((line) => line.startsWith('  event log, line ')).length).to.equal(100);
      expect(lines[lines.length - 1]).to.equal('  and 50 more problems (only the first 100 are listed)');
    });

    it('includes changes the tracker has not managed to save yet (a full disk) in the backup', async () => {
      const { store, tracker } = await trackerWithChanges();
      const pending = ev(lead, 'a2', 'action.start') as PledgeEvent;
      const file = JSON.parse(await store.exportBackup(plan, [pending, ...tracker.events()]));
      const ids = file.log.trim().split('\n').map((line: string) => JSON.parse(line).id);
      expect(ids).to.include(pending.id);
      expect(new Set(ids).size).to.equal(ids.length);
    });

    it('says a backup with no usable version may be damaged, rather than newer', async () => {
      const { store } = await trackerWithChanges();
      const file = JSON.parse(await store.exportBackup(plan));
      const target = db.keep(await openIdbStore({ planId: plan.id, name: db.name() }));
      for (const version of [undefined, 0, 'one']) {
        const error = await failure(target.importBackup(JSON.stringify({ ...file, version })));
        expect(error.message).to.include('may be damaged');
      }
      expect((await failure(target.importBackup(JSON.stringify({ ...file, version: 2 })))).message).to.include('newer version');
    });

    it("refuses another plan's backup, or a file that is not a backup, and imports nothing", async () => {
      const target = db.keep(await openIdbStore({ planId: plan.id, name: db.name() }));
      const other = stringifyBackup({ ...plan, id: 'elsewhere', title: 'Elsewhere Plan' }, [ev(lead, 'a1', 'action.agree') as PledgeEvent]);
      const wrongPlan = await failure(target.importBackup(other));
      expect(wrongPlan).to.be.instanceOf(BackupError);
      expect(wrongPlan.message).to.include('not of this plan');
      const notBackup = await failure(target.importBackup('{"format": "pledgeflow-plan"}'));
      expect(notBackup).to.be.instanceOf(BackupError);
      expect(notBackup.message).to.include('Nothing was imported');
      const stored = await target.load();
      expect([stored.events, stored.snapshots]).to.deep.equal([[], []]);
    });
  });
}
