import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import type { Actor, Tracker } from '@pledgeflow/core';
import type { PledgeMyWork, PledgeSelectEvent, PledgeTracker } from '@pledgeflow/elements';
import '@pledgeflow/elements/define.js';
import { $, $$, expectNoAxeViolations, mount } from './helpers.js';
import { fixtureTracker, people, planInput, step, TODAY } from './plan-fixture.js';

/** The fixture plan with ETE-1's review overdue and a piece of evidence from the college waiting to be checked. */
function trackerWithWork(): Tracker {
  const actions = planInput.actions.map((a) => (a.id === 'ETE-1' ? { ...a, reviewDate: '2026-11-20' } : a));
  const tracker = fixtureTracker({ actions });
  const r = tracker.send(step(people.partner, 'ETE-1', 'action.evidence.add', { evidenceId: 'ETE-1-tutoring', summary: 'Tutoring ran weekly at the college all term.', date: '2026-11-20' }, '2026-11-21T09:00:00Z'));
  if (!r.ok) throw new Error(r.reasons.join(' '));
  return tracker;
}

async function work(actor: Actor | undefined, tracker = trackerWithWork()) {
  return mount<PledgeMyWork>('<pledge-my-work></pledge-my-work>', (e) => Object.assign(e, { tracker, actor, today: TODAY }));
}

const section = (el: Element, id: string) => $$(el, `section.${id} li`).map((li) => li.dataset['id']);
const heading = (el: Element, id: string) => $(el, `section.${id} h3`).textContent!.replace(/\s+/g, ' ').trim();

describe('<pledge-my-work>', () => {
  it('shows a working-group lead the evidence to check, their actions, their reviews due and their agency’s actions', async () => {
    const el = await work(people.lead);
    await expectNoAxeViolations(el);
    expect(heading(el, 'to-check')).to.equal('Evidence waiting for you to accept or return (1)');
    expect(section(el, 'to-check')).to.deep.equal(['ETE-1']);
    expect($(el, 'section.to-check li').textContent).to.contain('“Tutoring ran weekly at the college all term.”');
    expect($(el, 'section.to-check li').textContent).to.contain('Submitted by Pat Cole (Fixture College)');
    expect(section(el, 'owned')).to.deep.equal(['HOM-1']); // HOM-2 is completed
    expect(section(el, 'reviews')).to.deep.equal(['ETE-1']); // she leads its working group
    expect($(el, 'section.reviews li').textContent).to.contain('Review was due 20 November 2026');
    // Every status has a word beside its colour; an overdue review has its own word.
    expect($(el, 'section.reviews [part="status"]').textContent!.trim()).to.equal('Review overdue');
    expect(section(el, 'agency')).to.deep.equal(['ETE-3', 'HOM-1', 'HOM-2']);
  });

  it('shows a partner the actions their agency contributes to, and nothing to check', async () => {
    const el = await work(people.partner);
    await expectNoAxeViolations(el);
    expect(section(el, 'to-check')).to.deep.equal([]);
    expect($(el, 'section.to-check [part="empty"]').textContent).to.equal('No evidence is waiting for you.');
    expect(section(el, 'owned')).to.deep.equal([]);
    expect(heading(el, 'agency')).to.equal('Fixture College: actions it leads or contributes to (1)');
    expect(section(el, 'agency')).to.deep.equal(['ETE-1']);
    expect($(el, 'section.agency li').textContent).to.contain('Fixture College contributes; Virtual School leads it');
  });

  it('shows a board member the evidence any lead or board member may check, and opens an action from the keyboard', async () => {
    const el = await work(people.board);
    await expectNoAxeViolations(el);
    expect(section(el, 'to-check')).to.deep.equal(['ETE-1']);
    expect(section(el, 'reviews')).to.deep.equal([]);
    const chosen: string[] = [];
    el.addEventListener('pledge-select', (e: PledgeSelectEvent) => chosen.push(e.id));
    $<HTMLButtonElement>(el, 'section.to-check button').focus();
    await sendKeys({ press: 'Enter' });
    expect(chosen).to.deep.equal(['ETE-1']);
  });

  it('asks a person to sign in when nobody is', async () => {
    const el = await work(undefined);
    await expectNoAxeViolations(el);
    expect(el.shadowRoot!.textContent).to.contain('Sign in to see what is waiting for you.');
  });

  it('is the tracker’s "My work" view (view="mine"), in its URL, and opens the chosen action', async () => {
    history.replaceState(null, '', location.pathname + location.search);
    const el = await mount<PledgeTracker>('<pledge-tracker view="mine"></pledge-tracker>', (e) => Object.assign(e, { tracker: trackerWithWork(), actor: people.lead, today: TODAY }));
    const mine = $<PledgeMyWork>(el, 'pledge-my-work');
    await mine.updateComplete;
    expect($(el, 'nav button[data-view="mine"]').getAttribute('aria-current')).to.equal('page');
    expect($(el, 'nav button[data-view="mine"]').textContent!.trim()).to.equal('My work');
    await expectNoAxeViolations(el);
    mine.shadowRoot!.querySelector<HTMLButtonElement>('section.to-check button')!.click();
    await el.updateComplete;
    expect(el.view).to.equal('actions');
    expect(el.actionId).to.equal('ETE-1');
    expect(location.hash).to.equal('#pledge/actions/ETE-1');
    history.replaceState(null, '', location.pathname + location.search);
  });
});
