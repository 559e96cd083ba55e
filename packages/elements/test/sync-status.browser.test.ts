import { expect } from '@esm-bundle/chai';
import type { PledgeSyncStatus } from '@pledgeflow/elements';
import '@pledgeflow/elements/define.js';
import { ObservableValue, type SyncStatus } from '@pledgeflow/sync';
import { $, expectNoAxeViolations, mount } from './helpers.js';

const STATES: [SyncStatus, string][] = [
  [{ state: 'saved' }, 'Saved'],
  [{ state: 'loading', received: 500, head: 2000 }, 'Loading the plan: 500 of 2,000 changes'],
  [{ state: 'sending', count: 3 }, 'Sending 3 changes'],
  [{ state: 'offline', count: 2 }, 'Offline: your changes are kept on this computer and will be sent when you are back online'],
  [{ state: 'error', reason: 'the server is being updated', count: 1 }, 'Could not send: the server is being updated'],
  [{ state: 'sign-in', count: 0 }, 'Sign in again'],
];

describe('<pledge-sync-status>', () => {
  for (const [status, words] of STATES) {
    it(`says "${words}" politely, with no axe violations`, async () => {
      const el = await mount<PledgeSyncStatus>('<pledge-sync-status></pledge-sync-status>', (e) => (e.status = status));
      await expectNoAxeViolations(el);
      const p = $(el, '[part="status"]');
      expect(p.getAttribute('role')).to.equal('status');
      expect(p.getAttribute('aria-live')).to.equal('polite');
      expect(p.textContent!.trim()).to.equal(words);
    });
  }

  it('follows a source, keeping one live region whose words change', async () => {
    const source = new ObservableValue<SyncStatus>({ state: 'saved' });
    const el = await mount<PledgeSyncStatus>('<pledge-sync-status></pledge-sync-status>', (e) => (e.source = source));
    const region = $(el, '[part="status"]');
    source.set({ state: 'sending', count: 1 });
    await el.updateComplete;
    expect($(el, '[part="status"]')).to.equal(region);
    expect(region.textContent!.trim()).to.equal('Sending 1 change');
    el.remove();
    source.set({ state: 'saved' }); // no longer followed: nothing to throw
  });
});
