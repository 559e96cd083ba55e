// Issue 13, tested for real: people's intranet pages (`<pledge-tracker server plan>` with a
// tokenProvider, and a `<pledge-sync-status>`) in Chromium, each in a browser context of its
// own, against a real `pledgeflow serve --dev` process (PGlite in a temporary directory, a free
// loopback port) that this suite starts, restarts and reads. Every assertion is about what a
// person sees on their page, checked against the server's own event log.
import { expect } from '@esm-bundle/chai';
import { closeAllPages, evidence, eventually, openPerson, restartServer, serverLog, startServer, stopServer, type PersonPage } from './support/people.js';

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

    const agreed = await ruth.call('step', 'ETE-04', 'action.agree');
    expect(agreed.ok, JSON.stringify(agreed)).to.equal(true);
    await shows(imran, 'ETE-04', 'Agreed');

    const note = evidence('Interview offered to every care-experienced applicant');
    const added = await imran.call('step', 'ETE-04', 'action.evidence.add', note);
    expect(added.ok, JSON.stringify(added)).to.equal(true);
    await shows(ruth, 'ETE-04', note.summary);
    await Promise.all([saved(ruth), saved(imran)]);
    await expectOnceOnServer([agreed.id!, added.id!]);
  });
});
