// Issue 13, "Refused by the server", in Chromium against a real `pledgeflow serve --dev`: a step
// the page took but the server refused for a reason the page cannot know (here, a step in
// another person's name: the page's tracker takes it, the server sees whose token sent it).
// Core's tracker cannot take an event back, so the page opens the plan again from IndexedDB
// (which keeps the step in `refused`, not in the log) and shows the server's state at once.
import { expect } from '@esm-bundle/chai';
import { evidence, eventually, openPerson } from './support/people.js';
import { expectOnceOnServer, OFFLINE, onServer, saved, shows, statusOf, useServer } from './support/sync-story.js';

describe('a step the page took and the server refused, in Chromium with a real server', function () {
  // A slow two-core machine: the server takes seconds to start, and every wait below polls.
  this.timeout(180_000);
  const server = useServer();

  it('shows the item as the server has it without a reload, in every tab, lists the refused step, and loses nothing else', async () => {
    const ruth = await openPerson(server(), 'ruth', 'ruth-kendrick');
    await saved(ruth);
    // A second tab of hers (same browser context: the IndexedDB outbox is shared, the first tab syncs).
    const tab = await openPerson(server(), 'ruth-tab', 'ruth-kendrick', { context: 'ruth' });
    await saved(tab);
    const before = await ruth.call('history', 'ETE-04');

    // Offline, so that both steps go in one push: one of hers, and one in Imran's name.
    await ruth.offline(true);
    await eventually('Ruth\'s page to say it is offline', statusOf(ruth), (t) => t === OFFLINE);
    const agree = await ruth.call('step', 'ETE-06', 'action.agree');
    expect(agree.ok, JSON.stringify(agree)).to.equal(true);
    const note = evidence('Named support contact at the college');
    const forged = await ruth.call('stepAs', 'imran-hussain', 'ETE-04', 'action.evidence.add', note);
    expect(forged.ok, `the page's tracker takes it: ${JSON.stringify(forged)}`).to.equal(true);
    await shows(ruth, 'ETE-04', note.summary);
    await shows(tab, 'ETE-04', note.summary);
    await ruth.call('focusAction', 'ETE-04');
    const place = await ruth.call('place');
    expect(place.view).to.equal('actions');
    expect(place.actionId).to.equal('ETE-04');
    expect(place.focused, 'the action\'s title has focus').to.not.equal('');

    await ruth.offline(false);
    const refused = await eventually('Ruth\'s page to list the refused step', () => ruth.call('refused'), (r) => r.text !== '');
    expect(refused.role, 'the refusal is announced').to.equal('alert');
    expect(refused.text).to.include('The server did not accept one of your changes.');
    expect(refused.text).to.include('Guaranteed interview and named support contact at Eastmere College');

    // Without a reload: the item goes back to the server's state, where the person was.
    await eventually('Ruth\'s page to show ETE-04 without the refused evidence', () => ruth.call('item', 'ETE-04'), (text) => !text.includes(note.summary));
    expect(await ruth.call('history', 'ETE-04'), 'ETE-04\'s history as before the refused step').to.equal(before);
    expect(await ruth.call('eventIds'), 'the refused step is not applied').to.not.include(forged.id);
    expect(await ruth.call('place'), 'the view, the open action and focus stay where they were').to.deep.equal(place);
    await eventually('the other tab to show ETE-04 without the refused evidence', () => tab.call('item', 'ETE-04'), (text) => !text.includes(note.summary));
    expect((await tab.call('refused')).text, 'the other tab lists it too').to.include('The server did not accept one of your changes.');

    // Her own step in the same push is kept, on her page and once on the server.
    await shows(ruth, 'ETE-06', 'Agreed');
    await onServer([agree.id!]);
    await saved(ruth);
    expect((await ruth.call('refused')).text, 'still listed with its reason').to.include('The server did not accept one of your changes.');
    expect(await ruth.call('axe'), 'axe, with the item back to the server\'s state and the refused step listed').to.deep.equal([]);

    // The page goes on syncing with the tracker it opened again.
    const later = evidence('Interview guarantee confirmed by the college');
    const own = await ruth.call('step', 'ETE-04', 'action.evidence.add', later);
    expect(own.ok, JSON.stringify(own)).to.equal(true);
    await shows(ruth, 'ETE-04', later.summary);
    await shows(tab, 'ETE-04', later.summary);
    await onServer([own.id!]);
    const log = await expectOnceOnServer([agree.id!, own.id!]);
    expect(log.some((e) => e.id === forged.id), 'the refused step is not in the server\'s log').to.equal(false);
  });
});
