import { openIdbStore, openIdbTracker, ReloadNeededError, StorageUnavailableError, DB_VERSION } from '../../src/index.js';
import { openDatabase } from '../../src/open-database.js';
import { ev, failure, lead, plan, saved, scratch, type Runner } from '../support.js';

export function upgradeSuite(runner: Runner) {
  const { describe, it, expect } = runner;
  const db = scratch(runner);

  describe('a newer version of the page in another tab', () => {
    it('closes the old tab\'s connection so the upgrade goes ahead, and asks the person to reload', async () => {
      const name = db.name();
      const old = await db.open(name);
      const messages: string[] = [];
      old.store.onReloadNeeded((m) => messages.push(m));

      const newer = db.keep(await openDatabase({ factory: indexedDB, name, version: DB_VERSION + 1, blockedTimeout: 2000 }));
      expect(newer.version).to.equal(DB_VERSION + 1);
      expect(messages.length).to.equal(1);
      expect(messages[0]).to.include('Reload this page');

      // The old tab now refuses new steps with the same message, rather than accept one a
      // reload would lose; what it shows stays readable.
      const refused = old.tracker.send(ev(lead, 'a1', 'action.agree'));
      expect(refused.ok).to.equal(false);
      expect(refused.ok ? '' : refused.reasons[0]).to.include('Reload this page');
      expect(old.tracker.getAction('a1')!.state).to.equal('draft');
      expect(old.tracker.unsaved.length).to.equal(0);
    });

    it('still reports a step that was being saved when the connection went', async () => {
      const name = db.name();
      const old = await db.open(name);
      const step = ev(lead, 'a1', 'action.agree');
      const result = old.tracker.send(step);
      const newer = db.keep(await openDatabase({ factory: indexedDB, name, version: DB_VERSION + 1, blockedTimeout: 2000 }));
      expect(newer.version).to.equal(DB_VERSION + 1);
      // Either it was written before the upgrade, or it failed and says to reload: never silently lost.
      const outcome = await saved(result).then(() => 'saved', (e: Error) => (e instanceof ReloadNeededError ? 'reload' : String(e)));
      expect(['saved', 'reload'].includes(outcome)).to.equal(true);
    });

    it('tells a page older than the database to reload, and takes no steps it could not keep', async () => {
      const name = db.name();
      db.keep(await openDatabase({ factory: indexedDB, name, version: DB_VERSION + 1, blockedTimeout: 2000 }));
      expect(await failure(openIdbStore({ planId: plan.id, name }))).to.be.instanceOf(ReloadNeededError);
      const opened = await openIdbTracker({ plan, name });
      expect(opened.durable).to.equal(false);
      expect(opened.notices[0]).to.include('This page is older than the data');
      const refused = opened.tracker.send(ev(lead, 'a1', 'action.agree'));
      expect(refused.ok).to.equal(false);
      expect(refused.ok ? [] : refused.reasons[0]).to.include('Reload the page');
      expect(opened.tracker.actions().length).to.equal(plan.actions.length);
    });

    it('gives up waiting for a tab that never lets go, instead of hanging', async () => {
      const name = db.name();
      const stubborn = db.keep(await openDatabase({ factory: indexedDB, name, version: DB_VERSION, blockedTimeout: 2000 }));
      const started = Date.now();
      const error = await failure(openDatabase({ factory: indexedDB, name, version: DB_VERSION + 1, blockedTimeout: 100 }));
      expect(error).to.be.instanceOf(StorageUnavailableError);
      expect(error.message).to.include('Close the other tabs of this page');
      expect(Date.now() - started < 1500).to.equal(true);
      stubborn.close();
    });
  });
}
