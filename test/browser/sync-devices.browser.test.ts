// Issue 13, tested for real (see sync-people.browser.test.ts): one person's devices and tabs,
// an expired sign-in, and a server restarted mid-sync, against a real `pledgeflow serve --dev`.
import { expect } from '@esm-bundle/chai';
import { evidence, eventually, openPerson, restartServer, serverLog, type StepResult } from './support/people.js';
import { expectOnceOnServer, onServer, saved, statusOf, useServer } from './support/sync-story.js';

describe('one person\'s devices and tabs synced with a real server, in Chromium', function () {
  // A slow two-core machine: the server takes seconds to start, and every wait below polls.
  this.timeout(180_000);
  const server = useServer();

  it('carries on when the server restarts mid-sync: each step arrives exactly once', async () => {
    const ruth = await openPerson(server(), 'ruth', 'ruth-kendrick');
    const imran = await openPerson(server(), 'imran', 'imran-hussain');
    await Promise.all([saved(ruth), saved(imran)]);

    const restarting = restartServer();
    const during = await ruth.call('step', 'ETE-04', 'action.evidence.add', evidence('Taken while the server restarted'));
    await restarting;
    const afterwards = await ruth.call('step', 'ETE-04', 'action.evidence.add', evidence('Taken after the restart'));
    expect([during.ok, afterwards.ok]).to.deep.equal([true, true]);
    await eventually('Imran\'s page to show both steps', () => imran.call('eventIds'), (ids) => ids.includes(during.id!) && ids.includes(afterwards.id!), 90_000);
    await Promise.all([saved(ruth), saved(imran)]);
    await expectOnceOnServer([during.id!, afterwards.id!]);
  });

  it('says "Sign in again" when the token has expired, and sends the outbox once the host gives a new token', async () => {
    // Imran opened the page on this computer before; today his sign-in has expired.
    const before = await openPerson(server(), 'imran-yesterday', 'imran-hussain', { context: 'imran-laptop' });
    await saved(before);
    await before.close();
    const imran = await openPerson(server(), 'imran', 'imran-hussain', { context: 'imran-laptop', token: 'expired' });
    await eventually('Imran\'s page to say "Sign in again"', statusOf(imran), (t) => t === 'Sign in again');
    expect(await imran.call('axe'), 'axe, sign in again').to.deep.equal([]);

    const note = evidence('Guaranteed interview letters sent');
    const waiting = await imran.call('step', 'ETE-04', 'action.evidence.add', note);
    expect(waiting.ok, JSON.stringify(waiting)).to.equal(true);
    await eventually('the page to count the change that waits', statusOf(imran), (t) => t === 'Sign in again: 1 change will be sent once you have');
    expect((await serverLog()).some((e) => e.id === waiting.id)).to.equal(false);

    await imran.call('setToken', 'good');
    await imran.call('syncNow');
    await onServer([waiting.id!]);
    await saved(imran);
    await expectOnceOnServer([waiting.id!]);
  });

  it('pushes each step of two tabs of one person exactly once, and hands over when the syncing tab closes', async () => {
    const first = await openPerson(server(), 'ruth-tab-1', 'ruth-kendrick', { context: 'ruth-desk' });
    const second = await openPerson(server(), 'ruth-tab-2', 'ruth-kendrick', { context: 'ruth-desk' });
    await Promise.all([saved(first), saved(second)]);

    const steps: StepResult[] = [];
    for (const [tab, label] of [[first, 'Designated teacher briefed'], [second, 'Governors briefed'], [first, 'Pupil premium plus plan agreed'], [second, 'Attendance reviewed']] as const) {
      steps.push(await tab.call('step', 'ETE-04', 'action.evidence.add', evidence(label)));
    }
    expect(steps.every((s) => s.ok), JSON.stringify(steps)).to.equal(true);
    const ids = steps.map((s) => s.id!);
    for (const tab of [first, second]) {
      await eventually(`${tab.name} to have all four steps`, () => tab.call('eventIds'), (have) => ids.every((id) => have.includes(id)));
    }
    await onServer(ids);
    await Promise.all([saved(first), saved(second)]);
    await expectOnceOnServer(ids);
    const pushed = [...(await first.pushed()).ids, ...(await second.pushed()).ids];
    for (const id of ids) expect(pushed.filter((p) => p === id), `${id} pushed once by the two tabs`).to.have.length(1);

    // The syncing tab closes: the other takes over and sends its next step.
    await first.close();
    const later = await second.call('step', 'ETE-04', 'action.evidence.add', evidence('Taken after the first tab closed'));
    await onServer([later.id!]);
    await saved(second);
    await expectOnceOnServer([...ids, later.id!]);
    expect((await second.pushed()).ids.filter((id) => id === later.id)).to.have.length(1);
  });
});
