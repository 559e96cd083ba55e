// Issue 13, tested for real: people's intranet pages (`<pledge-tracker server plan>` with a
// tokenProvider, and a `<pledge-sync-status>`) in Chromium, each in a browser context of its
// own, against a real `pledgeflow serve --dev` process (PGlite in a temporary directory, a free
// loopback port) that this suite starts, restarts and reads. Every assertion is about what a
// person sees on their page, checked against the server's own event log.
import { expect } from '@esm-bundle/chai';
import { closeAllPages, evidence, eventually, openPerson, restartServer, serverLog, startServer, stopServer, type PersonPage, type StepResult } from './support/people.js';

const SAVED = 'Saved';
const OFFLINE = 'Offline: your changes are kept on this computer and will be sent when you are back online';
const statusOf = (page: PersonPage) => async () => (await page.call('status')).text;
const saved = (page: PersonPage) => eventually(`${page.name}'s page to say "${SAVED}"`, statusOf(page), (t) => t === SAVED);
const shows = (page: PersonPage, stream: string, words: string) =>
  eventually(`${page.name}'s page to show "${words}" on ${stream}`, () => page.call('item', stream), (text) => text.includes(words));

/** Each id once in the server's log, and the log without any id twice. */
async function expectOnceOnServer(ids: string[]) {
  const log = await serverLog();
  for (const id of ids) expect(log.filter((e) => e.id === id), `${id} in the server's log`).to.have.length(1);
  expect(new Set(log.map((e) => e.id)).size, 'no event twice in the server\'s log').to.equal(log.length);
  return log;
}

describe('the intranet page synced with a real pledgeflow server, in Chromium', function () {
  // A slow two-core machine: the server takes seconds to start, and every wait below polls.
  this.timeout(180_000);
  let server: string;

  before(async () => {
    server = await startServer();
    // Evidence is added to an agreed action: Ruth, its working-group lead, agrees ETE-04 first.
    const ruth = await openPerson(server, 'ruth-setup', 'ruth-kendrick', { context: 'setup' });
    expect((await ruth.call('step', 'ETE-04', 'action.agree')).ok).to.equal(true);
    await saved(ruth);
  });
  afterEach(async () => {
    await closeAllPages();
  });
  after(async () => {
    await stopServer();
  });

  it('shows two people of different agencies each other\'s steps without a reload', async () => {
    const ruth = await openPerson(server, 'ruth', 'ruth-kendrick');
    const imran = await openPerson(server, 'imran', 'imran-hussain');
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
    const ruth = await openPerson(server, 'ruth', 'ruth-kendrick');
    const imran = await openPerson(server, 'imran', 'imran-hussain');
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

  it('carries on when the server restarts mid-sync: each step arrives exactly once', async () => {
    const ruth = await openPerson(server, 'ruth', 'ruth-kendrick');
    const imran = await openPerson(server, 'imran', 'imran-hussain');
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
    const before = await openPerson(server, 'imran-yesterday', 'imran-hussain', { context: 'imran-laptop' });
    await saved(before);
    await before.close();
    const imran = await openPerson(server, 'imran', 'imran-hussain', { context: 'imran-laptop', token: 'expired' });
    await eventually('Imran\'s page to say "Sign in again"', statusOf(imran), (t) => t === 'Sign in again');
    expect(await imran.call('axe'), 'axe, sign in again').to.deep.equal([]);

    const note = evidence('Guaranteed interview letters sent');
    const waiting = await imran.call('step', 'ETE-04', 'action.evidence.add', note);
    expect(waiting.ok, JSON.stringify(waiting)).to.equal(true);
    await eventually('the page to count the change that waits', statusOf(imran), (t) => t === 'Sign in again: 1 change will be sent once you have');
    expect((await serverLog()).some((e) => e.id === waiting.id)).to.equal(false);

    await imran.call('setToken', 'good');
    await imran.call('syncNow');
    await saved(imran);
    await expectOnceOnServer([waiting.id!]);
  });

  it('pushes each step of two tabs of one person exactly once, and hands over when the syncing tab closes', async () => {
    const first = await openPerson(server, 'ruth-tab-1', 'ruth-kendrick', { context: 'ruth-desk' });
    const second = await openPerson(server, 'ruth-tab-2', 'ruth-kendrick', { context: 'ruth-desk' });
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
    await Promise.all([saved(first), saved(second)]);
    await expectOnceOnServer(ids);
    const pushed = [...(await first.pushed()).ids, ...(await second.pushed()).ids];
    for (const id of ids) expect(pushed.filter((p) => p === id), `${id} pushed once by the two tabs`).to.have.length(1);

    // The syncing tab closes: the other takes over and sends its next step.
    await first.close();
    const later = await second.call('step', 'ETE-04', 'action.evidence.add', evidence('Taken after the first tab closed'));
    await eventually('the server to have the step taken after the first tab closed', serverLog, (log) => log.some((e) => e.id === later.id));
    await saved(second);
    await expectOnceOnServer([...ids, later.id!]);
    expect((await second.pushed()).ids.filter((id) => id === later.id)).to.have.length(1);
  });

  it('shows a step the server refused to its author, with the server\'s reason, and the item as the server has it', async () => {
    const ruth = await openPerson(server, 'ruth', 'ruth-kendrick');
    const rachel = await openPerson(server, 'rachel', 'rachel-hume');
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
    await eventually('the server to have the withdrawal', serverLog, (log) => log.some((e) => e.id === withdraw.id));
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
    const ruth = await openPerson(server, 'ruth', 'ruth-kendrick');
    await saved(ruth);
    const status = await ruth.call('status');
    expect([status.role, status.live]).to.deep.equal(['status', 'polite']);
    expect(status.inTracker, 'the tracker shows the same words under its title').to.equal(SAVED);
    expect(await ruth.call('axe'), 'axe, saved').to.deep.equal([]);
  });
});
