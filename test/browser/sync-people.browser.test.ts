// Issue 13, tested for real: people's intranet pages (`<pledge-tracker server plan>` with a
// tokenProvider, and a `<pledge-sync-status>`) in Chromium, each in a browser context of its
// own, against a real `pledgeflow serve --dev` process (PGlite in a temporary directory, a free
// loopback port) that the suite starts and reads. Every assertion is about what a person sees on
// their page, checked against the server's own event log. Here: people of different agencies;
// sync-devices.browser.test.ts has one person's devices and tabs, and a server restart.
import { expect } from '@esm-bundle/chai';
import { evidence, eventually, openPerson, serverLog, type StepResult } from './support/people.js';
import { expectOnceOnServer, OFFLINE, onServer, saved, shows, statusOf, SAVED, useServer } from './support/sync-story.js';

describe('people of different agencies on intranet pages synced with a real server, in Chromium', function () {
  // A slow two-core machine: the server takes seconds to start, and every wait below polls.
  this.timeout(180_000);
  const server = useServer();

  it('shows two people of different agencies each other\'s steps without a reload', async () => {
    const ruth = await openPerson(server(), 'ruth', 'ruth-kendrick');
    const imran = await openPerson(server(), 'imran', 'imran-hussain');
    await Promise.all([saved(ruth), saved(imran)]);
    expect(await imran.call('item', 'ETE-06')).not.to.include('Agreed');

    const agreed = await ruth.call('step', 'ETE-06', 'action.agree');
    expect(agreed.ok, JSON.stringify(agreed)).to.equal(true);
    await shows(imran, 'ETE-06', 'Agreed');

    const note = evidence('Interview offered to every care-experienced applicant');
    const added = await imran.call('step', 'ETE-04', 'action.evidence.add', note);
    expect(added.ok, JSON.stringify(added)).to.equal(true);
    await shows(ruth, 'ETE-04', note.summary);
    await Promise.all([saved(ruth), saved(imran)]);
    await expectOnceOnServer([agreed.id!, added.id!]);
  });

  it('keeps steps taken offline, says so in words, and sends each exactly once when the network is back', async () => {
    const ruth = await openPerson(server(), 'ruth', 'ruth-kendrick');
    const imran = await openPerson(server(), 'imran', 'imran-hussain');
    await Promise.all([saved(ruth), saved(imran)]);

    await imran.offline(true);
    await eventually('Imran\'s page to say it is offline', statusOf(imran), (t) => t === OFFLINE);
    const notes = [evidence('Bursary claim form checked'), evidence('Student support contact named')];
    const steps: StepResult[] = [];
    for (const note of notes) steps.push(await imran.call('step', 'ETE-04', 'action.evidence.add', note));
    expect(steps.every((s) => s.ok), JSON.stringify(steps)).to.equal(true);
    // Kept on his page, said in words, and not yet anywhere else.
    for (const note of notes) expect(await imran.call('item', 'ETE-04')).to.include(note.summary);
    expect((await imran.call('status')).text).to.equal(OFFLINE);
    expect(await imran.call('axe'), 'axe, offline').to.deep.equal([]);
    const log = await serverLog();
    expect(log.filter((e) => steps.some((s) => s.id === e.id))).to.deep.equal([]);

    await imran.offline(false);
    await saved(imran);
    for (const note of notes) await shows(ruth, 'ETE-04', note.summary);
    await expectOnceOnServer(steps.map((s) => s.id!));
    const { ids } = await imran.pushed();
    for (const s of steps) expect(ids.filter((id) => id === s.id), `${s.id} pushed once`).to.have.length(1);
    const ruthHas = await ruth.call('eventIds');
    for (const s of steps) expect(ruthHas.filter((id) => id === s.id), `${s.id} once on Ruth's page`).to.have.length(1);
  });

  it('shows a step the server refused to its author, with the server\'s reason, and the item as the server has it', async () => {
    const ruth = await openPerson(server(), 'ruth', 'ruth-kendrick');
    const rachel = await openPerson(server(), 'rachel', 'rachel-hume');
    await Promise.all([saved(ruth), saved(rachel)]);

    // Ruth agrees ETE-02 on a train with no signal; meanwhile the ICB's board member withdraws it.
    await ruth.offline(true);
    await eventually('Ruth\'s page to say it is offline', statusOf(ruth), (t) => t === OFFLINE);
    const agree = await ruth.call('step', 'ETE-02', 'action.agree');
    expect(agree.ok, JSON.stringify(agree)).to.equal(true);
    await shows(ruth, 'ETE-02', 'Agreed');
    const reason = 'Merged into ETE-01, which reaches the same schools.';
    const withdraw = await rachel.call('step', 'ETE-02', 'action.withdraw', { reason });
    expect(withdraw.ok, JSON.stringify(withdraw)).to.equal(true);
    await onServer([withdraw.id!]);
    expect(await ruth.call('history', 'ETE-02'), 'her page has her agreement until the server answers').to.match(/Ruth Kendrick .*agreed the action/);

    await ruth.offline(false);
    const refused = await eventually('Ruth\'s page to list the refused step', () => ruth.call('refused'), (r) => r.text !== '');
    expect(refused.role, 'the refusal is announced').to.equal('alert');
    expect(refused.text).to.include('The server did not accept one of your changes.');
    expect(refused.text).to.include('Designated teacher training for every Eastmere school');
    expect(refused.text).to.match(/is withdrawn, so no one can agree actions on it now/);
    expect(await ruth.call('axe'), 'axe, with a refused step listed').to.deep.equal([]);

    // The item shows what the server has: withdrawn, with Rachel's reason, and no agreement by Ruth.
    await shows(ruth, 'ETE-02', reason);
    await saved(ruth);
    const serverHistory = await rachel.call('history', 'ETE-02');
    await eventually('Ruth\'s page to show ETE-02\'s history as the server has it', () => ruth.call('history', 'ETE-02'), (h) => h === serverHistory);
    const log = await expectOnceOnServer([withdraw.id!]);
    expect(log.some((e) => e.id === agree.id), 'the refused step is not in the server\'s log').to.equal(false);
  });

  it('announces <pledge-sync-status> politely, and axe finds nothing on the page while saved', async () => {
    const ruth = await openPerson(server(), 'ruth', 'ruth-kendrick');
    await saved(ruth);
    const status = await ruth.call('status');
    expect([status.role, status.live]).to.deep.equal(['status', 'polite']);
    expect(status.inTracker, 'the tracker shows the same words under its title').to.equal(SAVED);
    expect(await ruth.call('axe'), 'axe, saved').to.deep.equal([]);
  });
});
