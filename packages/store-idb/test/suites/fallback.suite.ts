import { MemoryStore } from '@pledgeflow/core';
import { openIdbTracker } from '../../src/index.js';
import { ev, lead, plan, saved, type Runner } from '../support.js';

export function fallbackSuite({ describe, it, expect }: Runner) {
  const blocked = { open() { throw new DOMException('The operation is insecure.', 'SecurityError'); } } as unknown as IDBFactory;

  describe('no IndexedDB (private browsing, storage switched off)', () => {
    for (const [why, indexedDB] of [['missing', null], ['refusing to open', blocked]] as const) {
      it(`keeps working in memory with a visible warning when IndexedDB is ${why}`, async () => {
        const opened = await openIdbTracker({ plan, indexedDB });
        expect(opened.durable).to.equal(false);
        expect(opened.store).to.be.instanceOf(MemoryStore);
        expect(opened.notices.length).to.equal(1);
        expect(opened.notices[0]).to.include('not letting the tracker save to this computer');
        expect(opened.notices[0]).to.include('download a backup');
        await saved(opened.tracker.send(ev(lead, 'a1', 'action.agree')));
        expect(opened.tracker.getAction('a1')!.state).to.equal('agreed');
      });
    }
  });
}
