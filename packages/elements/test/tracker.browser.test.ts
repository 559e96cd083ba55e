import { expect } from '@esm-bundle/chai';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { stringifyPlanFile } from '@pledgeflow/core';
import type { PledgeAction, PledgeActionList, PledgeErrorEvent, PledgeTracker } from '@pledgeflow/elements';
import '@pledgeflow/elements/define.js';
import { $, $$, expectNoAxeViolations, mount, pressOn } from './helpers.js';
import { fixtureTracker, people, planInput, TODAY } from './plan-fixture.js';

const PLAN = '/examples/plans/eastmere.plan.json';
const LOG = '/examples/plans/eastmere.events.ndjson';
const eastmereLead = { userId: 'ruth-kendrick', agencyId: 'eastmere-virtual-school', role: 'working-group-lead' } as const;

const navButton = (el: Element, view: string) => $<HTMLButtonElement>(el, `nav button[data-view="${view}"]`);
const blob = (text: string, type = 'application/json') => URL.createObjectURL(new Blob([text], { type }));

async function loaded(markup: string, setup?: (el: PledgeTracker) => void) {
  const el = await mount<PledgeTracker>(markup, setup);
  await el.loaded;
  await el.updateComplete;
  return el;
}

const press = pressOn;

/** The element inside the tracker's shadow root that has focus, looking through nested shadow roots. */
function deepActive(root: DocumentOrShadowRoot): Element | null {
  let active = root.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Leaves the test page's URL as it was before the test: the tracker writes its place into the hash. */
const clearHash = () => history.replaceState(null, '', location.pathname + location.search);

/** Goes Back (or Forward) as the browser's buttons do, and waits for the tracker to show that place. */
async function travel(el: PledgeTracker, go: () => void) {
  const moved = new Promise((r) => window.addEventListener('popstate', r, { once: true }));
  go();
  await moved;
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 20));
}

describe('<pledge-tracker>', () => {
  beforeEach(clearHash);
  after(clearHash);

  it('loads a plan file and its event log, fires pledge-load, and shows the action plan, with no axe violations', async () => {
    let loads = 0;
    document.body.addEventListener('pledge-load', () => loads++, { once: true });
    const el = await loaded(`<pledge-tracker src="${PLAN}" events="${LOG}" today="2026-11-25"></pledge-tracker>`, (e) => (e.actor = eastmereLead));
    expect(loads).to.equal(1);
    expect(el.tracker!.plan.id).to.equal('eastmere-2026-28');
    expect(el.tracker!.events().length).to.be.above(100);
    expect($(el, '[part="header"] h2').textContent).to.contain('Eastmere Corporate Parenting Strategy');
    expect($(el, '.signed-in').textContent).to.equal('Signed in as Ruth Kendrick (working-group lead)');
    expect($$(el, '[part="problems"]')).to.have.length(0);
    expect(navButton(el, 'actions').getAttribute('aria-current')).to.equal('page');
    const list = $<PledgeActionList>(el, 'pledge-action-list');
    await list.updateComplete;
    expect(list.tracker).to.equal(el.tracker);
    expect(list.actor).to.deep.equal(eastmereLead);
    expect(list.today).to.equal('2026-11-25');
    expect(list.shownActions).to.have.length(el.tracker!.plan.actions.length);
    await expectNoAxeViolations(el);
  });

  for (const [view, tag] of [['promises', 'pledge-promises'], ['overdue', 'pledge-overdue-report'], ['measures', 'pledge-measure'], ['deadlines', 'pledge-deadlines']] as const) {
    it(`shows the ${view} view from the navigation, marked with aria-current, with no axe violations`, async () => {
      const el = await loaded('<pledge-tracker></pledge-tracker>', (e) => {
        Object.assign(e, { tracker: fixtureTracker(), actor: people.board, today: TODAY });
      });
      await press(el, navButton(el, view), 'Enter');
      expect(el.view).to.equal(view);
      expect(navButton(el, view).getAttribute('aria-current')).to.equal('page');
      expect($$(el, 'nav [aria-current]')).to.have.length(1);
      const child = $<HTMLElement & { tracker: unknown; actor: unknown; today: unknown; updateComplete: Promise<unknown> }>(el, tag);
      expect(child, tag).to.exist;
      await child.updateComplete;
      expect(child.tracker).to.equal(el.tracker);
      expect(child.actor).to.deep.equal(people.board);
      expect(child.today).to.equal(TODAY);
      expect(child.getAttribute('heading-level')).to.equal('3');
      await expectNoAxeViolations(el);
    });
  }

  it('opens one action from the list with the keyboard, and goes back to the same row with its filters kept', async () => {
    const el = await loaded('<pledge-tracker></pledge-tracker>', (e) => {
      Object.assign(e, { tracker: fixtureTracker(), actor: people.lead, today: TODAY });
    });
    const list = $<PledgeActionList>(el, 'pledge-action-list');
    list.workstream = 'ete';
    await list.updateComplete;
    const title = list.shadowRoot!.querySelector<HTMLButtonElement>('button[data-id="ETE-2"]')!;
    title.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await new Promise((r) => setTimeout(r));

    expect(el.actionId).to.equal('ETE-2');
    expect(list.hidden).to.equal(true);
    const action = $<HTMLElement & { actionId: string; actor: unknown; updateComplete: Promise<unknown> }>(el, 'pledge-action');
    await action.updateComplete;
    expect(action.actionId).to.equal('ETE-2');
    expect(action.actor).to.deep.equal(people.lead);
    expect(deepActive(el.shadowRoot!)!.className).to.equal('head'); // focus on the action's title
    await expectNoAxeViolations(el);

    const back = $<HTMLButtonElement>(el, 'button.back');
    expect(back.textContent!.trim()).to.equal('Back to the list');
    await press(el, back, 'Enter');
    await new Promise((r) => setTimeout(r));
    expect(el.actionId).to.equal(undefined);
    expect(list.hidden).to.equal(false);
    expect(list.workstream).to.equal('ete');
    expect(deepActive(el.shadowRoot!)!.getAttribute('data-id')).to.equal('ETE-2');
  });

  it('opens the place a link names: a view, an action, or the list with its filters, with no axe violations', async () => {
    const fixture = { tracker: fixtureTracker(), actor: people.lead, today: TODAY };
    history.replaceState(null, '', '#pledge/actions/ETE-2');
    const el = await loaded('<pledge-tracker></pledge-tracker>', (e) => Object.assign(e, fixture));
    expect(el.view).to.equal('actions');
    expect(el.actionId).to.equal('ETE-2');
    const action = $<PledgeAction>(el, 'pledge-action');
    await action.updateComplete;
    expect(action.shadowRoot!.querySelector('h3')!.textContent).to.equal('Designated teacher training');
    await expectNoAxeViolations(el);

    history.replaceState(null, '', '#pledge/actions?workstream=ete&agency=college');
    const filtered = await loaded('<pledge-tracker></pledge-tracker>', (e) => Object.assign(e, { ...fixture, tracker: fixtureTracker() }));
    const list = $<PledgeActionList>(filtered, 'pledge-action-list');
    await list.updateComplete;
    expect(list.workstream).to.equal('ete');
    expect(list.agency).to.equal('college');
    expect(list.shownActions.map((a) => a.id)).to.deep.equal(['ETE-1']);
    await expectNoAxeViolations(filtered);

    history.replaceState(null, '', '#pledge/overdue');
    const overdue = await loaded('<pledge-tracker></pledge-tracker>', (e) => Object.assign(e, { ...fixture, tracker: fixtureTracker() }));
    expect(overdue.view).to.equal('overdue');
    expect($(overdue, 'pledge-overdue-report')).to.exist;
  });

  it('puts each place in the URL, and Back and Forward move between them with focus where the person was', async () => {
    const el = await loaded('<pledge-tracker></pledge-tracker>', (e) => Object.assign(e, { tracker: fixtureTracker(), actor: people.lead, today: TODAY }));
    const start = history.length;
    await press(el, navButton(el, 'overdue'), 'Enter');
    expect(location.hash).to.equal('#pledge/overdue');
    await press(el, navButton(el, 'actions'), 'Enter');
    expect(location.hash).to.equal('#pledge/actions');
    const list = $<PledgeActionList>(el, 'pledge-action-list');
    await list.updateComplete;
    const status = list.shadowRoot!.querySelector<HTMLSelectElement>('#filter-status')!;
    status.value = 'red';
    status.dispatchEvent(new Event('change', { bubbles: true }));
    await list.updateComplete;
    await el.updateComplete;
    expect(location.hash).to.equal('#pledge/actions?status=red');
    const title = list.shadowRoot!.querySelector<HTMLButtonElement>('button[data-id="ETE-2"]')!;
    title.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await new Promise((r) => setTimeout(r));
    expect(location.hash).to.equal('#pledge/actions/ETE-2');
    expect(history.length).to.equal(start + 4);

    await travel(el, () => history.back());
    expect(el.actionId).to.equal(undefined);
    expect(list.hidden).to.equal(false);
    expect(list.status).to.equal('red');
    expect(deepActive(el.shadowRoot!)!.getAttribute('data-id')).to.equal('ETE-2'); // back on the row it opened
    await expectNoAxeViolations(el);

    await travel(el, () => history.back());
    expect(list.status).to.equal(undefined);
    await travel(el, () => history.back());
    expect(el.view).to.equal('overdue');
    expect(navButton(el, 'overdue').getAttribute('aria-current')).to.equal('page');
    await expectNoAxeViolations(el);

    await travel(el, () => history.forward());
    expect(el.view).to.equal('actions');
    await travel(el, () => history.go(2));
    expect(el.actionId).to.equal('ETE-2');
    expect(deepActive(el.shadowRoot!)!.className).to.equal('head');
    expect(history.length).to.equal(start + 4); // moving about added no entries
  });

  it('leaves the URL alone with routing="off", and ignores hashes that are not its own', async () => {
    history.replaceState(null, '', '#main');
    const el = await loaded('<pledge-tracker routing="off"></pledge-tracker>', (e) => Object.assign(e, { tracker: fixtureTracker(), actor: people.lead, today: TODAY }));
    await press(el, navButton(el, 'overdue'), 'Enter');
    expect(location.hash).to.equal('#main');
    const other = await loaded('<pledge-tracker></pledge-tracker>', (e) => Object.assign(e, { tracker: fixtureTracker(), actor: people.lead, today: TODAY }));
    expect(other.view).to.equal('actions'); // "#main" belongs to the page's skip link
  });

  it('announces a change made in another tab where the person is scrolled to, and gives focus back when it is dismissed', async () => {
    const el = await loaded('<pledge-tracker action-id="ETE-1"></pledge-tracker>', (e) => Object.assign(e, { tracker: fixtureTracker(), actor: people.lead, today: TODAY }));
    const spacer = document.createElement('div');
    spacer.style.height = '3000px';
    el.before(spacer.cloneNode());
    el.after(spacer);
    const action = $<PledgeAction>(el, 'pledge-action');
    await action.updateComplete;
    action.focusTitle();
    const history = action.shadowRoot!.querySelector<HTMLElement>('[part="history"]')!;
    history.scrollIntoView({ block: 'center' });
    const region = $(el, '[part="notices"]');
    expect(region.getAttribute('role')).to.equal('status'); // in the page from the start, so it is read out
    // The person is working on the action's steps when the change arrives.
    const stepButton = action.shadowRoot!.querySelector<HTMLButtonElement>('button[part="step-button"]')!;
    stepButton.focus();
    el.notify('1 change made in another tab is now shown here, including this action.');
    await el.updateComplete;
    const notice = $(el, '.notice');
    expect(notice.textContent).to.contain('1 change made in another tab is now shown here, including this action.');
    const box = notice.getBoundingClientRect();
    expect(box.top, 'the notice is in view').to.be.at.least(0);
    expect(box.bottom, 'the notice is in view').to.be.at.most(window.innerHeight);
    expect(Math.abs(history.getBoundingClientRect().top - box.top), 'near what the person is reading, not at the top of the page').to.be.below(window.innerHeight);
    await expectNoAxeViolations(el);
    // Keyboard: Enter on Dismiss, and focus goes back where the person was.
    const dismiss = notice.querySelector('button')!;
    expect(dismiss.getAttribute('aria-label')).to.equal('Dismiss: 1 change made in another tab is now shown here, including this action.');
    dismiss.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($$(el, '.notice')).to.have.length(0);
    expect(deepActive(document) === stepButton, 'focus is back where the person was').to.equal(true);
    spacer.previousElementSibling?.remove();
    document.querySelectorAll('div[style]').forEach((d) => d.remove());
  });

  it('shows the promises as children read them with child-friendly, and prints without "Signed in as"', async () => {
    const el = await loaded('<pledge-tracker view="promises" child-friendly></pledge-tracker>', (e) => Object.assign(e, { tracker: fixtureTracker(), actor: people.lead, today: TODAY }));
    const promises = $<HTMLElement & { childFriendly: boolean; updateComplete: Promise<unknown> }>(el, 'pledge-promises');
    await promises.updateComplete;
    expect(promises.childFriendly).to.equal(true);
    expect(promises.shadowRoot!.textContent).to.contain('We will help you do well at school.');
    await expectNoAxeViolations(el);
    el.childFriendly = false;
    await el.updateComplete;
    expect(promises.hasAttribute('child-friendly')).to.equal(false);
    await emulateMedia({ media: 'print' });
    try {
      expect(getComputedStyle($(el, '.signed-in')).display).to.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('passes a new signed-in person down to the views', async () => {
    const el = await loaded('<pledge-tracker action-id="ETE-1"></pledge-tracker>', (e) => {
      Object.assign(e, { tracker: fixtureTracker(), actor: people.lead, today: TODAY });
    });
    el.actor = people.scrutiny;
    await el.updateComplete;
    const action = $<HTMLElement & { actor: unknown; updateComplete: Promise<unknown> }>(el, 'pledge-action');
    await action.updateComplete;
    expect(action.actor).to.deep.equal(people.scrutiny);
    expect($(el, '.signed-in').textContent).to.equal('Signed in as Cllr Sid Moss (scrutiny member (read-only))');
    expect(action.shadowRoot!.textContent).to.contain('Scrutiny members can see everything but change nothing, apart from signing off or reopening recommendations.');
  });

  it('says plainly when the plan file is not there, and fires pledge-error', async () => {
    const errors: PledgeErrorEvent[] = [];
    document.body.addEventListener('pledge-error', (e) => errors.push(e), { once: true });
    const el = await loaded('<pledge-tracker src="/examples/plans/missing.plan.json"></pledge-tracker>');
    const box = $(el, '[part="problems"]');
    expect(box.getAttribute('role')).to.equal('alert');
    expect(box.textContent).to.contain('The plan could not be loaded.');
    expect(box.textContent).to.contain('/examples/plans/missing.plan.json: the server answered 404');
    expect(errors).to.have.length(1);
    expect(errors[0]!.message).to.contain('404');
    await expectNoAxeViolations(el);
  });

  it('lists every problem in a plan file that does not validate', async () => {
    const bad = { ...planInput, actions: [{ ...planInput.actions[0]!, dueDate: '2027-02-30' }, { ...planInput.actions[1]!, principles: [9] }] };
    const errors: PledgeErrorEvent[] = [];
    document.body.addEventListener('pledge-error', (e) => errors.push(e), { once: true });
    const el = await loaded(`<pledge-tracker src="${blob(JSON.stringify(bad))}"></pledge-tracker>`);
    const items = $$(el, '[part="problems"] li').map((li) => li.textContent);
    expect(items.length).to.be.at.least(2);
    expect(items.join('\n')).to.contain('actions[0].dueDate');
    expect(items.join('\n')).to.contain('actions[1].principles[0]');
    expect(errors[0]!.problems).to.deep.equal(items);
  });

  it('says which lines of an event log were left out, and still shows the rest', async () => {
    const plan = blob(stringifyPlanFile(planInput));
    const log = blob(
      '{"id":"log-000001","stream":"ETE-1","type":"action.agree","data":{},"actor":{"userId":"lena-ward","agencyId":"csc","role":"working-group-lead"},"at":"2026-05-01T09:00:00Z"}\n' +
        'not json at all\n' +
        '{"id":"log-000002","stream":"ETE-1","type":"action.verify","data":{},"actor":{"userId":"bea-fox","agencyId":"csc","role":"board-member"},"at":"2026-05-02T09:00:00Z"}\n',
      'application/x-ndjson',
    );
    const el = await loaded(`<pledge-tracker src="${plan}" events="${log}"></pledge-tracker>`);
    const boxes = $$(el, '[part="problems"]');
    expect(boxes).to.have.length(2);
    expect(boxes[0]!.textContent).to.contain('1 line of the event log could not be read and was left out:');
    expect(boxes[0]!.textContent).to.contain('Line 2:');
    expect(boxes[1]!.textContent).to.contain('1 event in the log does not fit the plan and was left out:');
    expect(el.tracker!.getAction('ETE-1')!.state).to.equal('agreed');
    await expectNoAxeViolations(el);
  });

  it('lists the first 100 bad lines of an event log and counts the rest', async () => {
    const plan = blob(stringifyPlanFile(planInput));
    const log = blob('not json at all\n'.repeat(150), 'application/x-ndjson');
    const el = await loaded(`<pledge-tracker src="${plan}" events="${log}"></pledge-tracker>`);
    const [box] = $$(el, '[part="problems"]');
    expect(box!.textContent).to.contain('150 lines of the event log could not be read and were left out:');
    const items = [...box!.querySelectorAll('li')];
    expect(items).to.have.length(101);
    expect(items[100]!.textContent).to.equal('And 50 more problems (only the first 100 are listed).');
  });

  it('asks for a plan when it has neither src nor tracker', async () => {
    const el = await loaded('<pledge-tracker></pledge-tracker>');
    expect(el.shadowRoot!.textContent).to.contain('No plan to show');
  });
});
