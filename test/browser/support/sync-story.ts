// What the browser sync suites share: the server's life around a describe(), and waits and
// checks on what a person's page shows and what the server has.
import { expect } from '@esm-bundle/chai';
import { closeAllPages, eventually, openPerson, serverLog, startServer, stopServer, type PersonPage } from './people.js';

export const SAVED = 'Saved';
export const OFFLINE = 'Offline: your changes are kept on this computer and will be sent when you are back online';
export const statusOf = (page: PersonPage) => async () => (await page.call('status')).text;
export const saved = (page: PersonPage) => eventually(`${page.name}'s page to say "${SAVED}"`, statusOf(page), (t) => t === SAVED);
export const shows = (page: PersonPage, stream: string, words: string) =>
  eventually(`${page.name}'s page to show "${words}" on ${stream}`, () => page.call('item', stream), (text) => text.includes(words));

/**
 * Waits until the server's log has every id. (A page's "Saved" is not enough right after a
 * step: it still says so while the step is being written to IndexedDB, before it is counted.)
 */
export const onServer = (ids: string[]) =>
  eventually(`the server to have ${ids.join(', ')}`, serverLog, (log) => ids.every((id) => log.some((e) => e.id === id)));

/** Each id once in the server's log, and the log without any id twice. */
export async function expectOnceOnServer(ids: string[]) {
  const log = await serverLog();
  for (const id of ids) expect(log.filter((e) => e.id === id), `${id} in the server's log`).to.have.length(1);
  expect(new Set(log.map((e) => e.id)).size, 'no event twice in the server\'s log').to.equal(log.length);
  return log;
}

/**
 * Starts a server for the describe() it is called in, with ETE-04 agreed (evidence is added to
 * an agreed action: Ruth, its working-group lead, agrees it), closes every page after each test
 * and stops the server at the end. Gives the server's URL once started.
 */
export function useServer(): () => string {
  let server = '';
  before(async () => {
    server = await startServer();
    const ruth = await openPerson(server, 'ruth-setup', 'ruth-kendrick', { context: 'setup' });
    const agreed = await ruth.call('step', 'ETE-04', 'action.agree');
    expect(agreed.ok, JSON.stringify(agreed)).to.equal(true);
    await onServer([agreed.id!]);
    expect(await closeAllPages()).to.deep.equal([]);
  });
  afterEach(async () => {
    expect(await closeAllPages(), 'uncaught errors in the people\'s pages').to.deep.equal([]);
  });
  after(async () => {
    await stopServer();
  });
  return () => server;
}
