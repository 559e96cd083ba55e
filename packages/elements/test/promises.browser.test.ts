import { expect } from '@esm-bundle/chai';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { createTracker, type Tracker } from '@pledgeflow/core';
import { PledgeSelectEvent, type PledgePromises } from '@pledgeflow/elements';
import '@pledgeflow/elements/define.js';
import { as, eastmereTracker, ev, planInput, testPlan } from './fixtures.js';
import { expectNoAxeViolations, mount } from './helpers.js';
import { $, $$, ok, text } from './shadow-query.js';

const TODAY = '2026-11-25';

/**
 * Both promises adopted; promise 1 has a1 completed and a4 at risk; promise 2 has a2 (a
 * draft, due in February) and is judged at risk by the board.
 */
function pledgeTracker(overrides: Parameters<typeof testPlan>[0] = {}): Tracker {
  const t = createTracker({ plan: testPlan(overrides) });
  for (const p of t.plan.promises) ok(t.send(ev(as('board'), p.id, 'promise.adopt')));
  ok(t.send(ev(as('lead'), 'a1', 'action.agree')));
  ok(t.send(ev(as('owner'), 'a1', 'action.start')));
  ok(t.send(ev(as('nurse'), 'a1', 'action.evidence.add', { evidenceId: 'ev1', summary: 'Sessions held for 38 teachers.', date: '2026-06-01' })));
  ok(t.send(ev(as('lead'), 'a1', 'action.evidence.accept', { evidenceId: 'ev1' })));
  ok(t.send(ev(as('owner'), 'a1', 'action.complete')));
  ok(t.send(ev(as('lead'), 'a4', 'action.agree')));
  ok(t.send(ev(as('owner'), 'a4', 'action.start')));
  ok(t.send(ev(as('owner'), 'a4', 'action.flag-risk', { reason: 'Mentors not yet recruited.' })));
  ok(t.send(ev(as('board'), 'p2', 'promise.judge', { judgement: 'at-risk', reason: 'Waiting lists for health checks are long.' })));
  return t;
}

async function promises(tracker: Tracker | undefined, attrs = ''): Promise<PledgePromises> {
  return mount<PledgePromises>(`<pledge-promises today="${TODAY}" ${attrs}></pledge-promises>`, (el) => {
    el.tracker = tracker;
  });
}

const facts = (el: PledgePromises, id: string) => $$(el, `[data-id="${id}"] .facts > div`).map((d) => `${text(d.querySelector('dt'))}: ${text(d.querySelector('dd'))}`);
const badges = (el: PledgePromises, id: string) =>
  $$(el, `[data-id="${id}"] pledge-status`).map((s) => text(s.shadowRoot!.querySelector('[part="badge"]')));

describe('<pledge-promises>', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('has no axe violations, and shows each promise with its number, title, stage and owner', async () => {
    const el = await promises(pledgeTracker());
    await expectNoAxeViolations(el);
    expect(text($(el, '[part="title"]'))).to.equal('Our promises to you');
    expect($$(el, '[part="promise-button"]').map(text)).to.deep.equal(['Promise 1: Help with school', 'Promise 2: Your health']);
    expect(facts(el, 'p1')).to.deep.equal(['Stage: Adopted', 'Owner: Lee Lead']);
    expect(facts(el, 'p2')).to.deep.equal(['Stage: At risk', 'Reason: Waiting lists for health checks are long.', 'Owner: Bryn Board']);
  });

  it('rolls up how the actions delivering each promise are doing, a word beside every colour', async () => {
    const el = await promises(pledgeTracker());
    await Promise.all($$(el, 'pledge-status').map((s) => (s as unknown as { updateComplete: Promise<unknown> }).updateComplete));
    expect(text($(el, '[data-id="p1"] [part="progress"] p'))).to.equal('2 actions deliver this promise:');
    expect(badges(el, 'p1')).to.deep.equal(['At risk: 1', 'Done: 1']);
    expect(text($(el, '[data-id="p2"] [part="progress"] p'))).to.equal('1 action delivers this promise:');
    expect(badges(el, 'p2')).to.deep.equal(['On track: 1']);
  });

  it('says when no action delivers a promise yet', async () => {
    const t = pledgeTracker({ promises: [...planInput.promises!, { id: 'p3', number: 3, title: 'Stay in touch', childFriendly: 'We will stay in touch with you until you are 25.', owner: 'lead', principles: [7] }] });
    const el = await promises(t);
    expect(text($(el, '[data-id="p3"] [part="progress"]'))).to.equal('No actions deliver this promise yet.');
    const child = await promises(t, 'child-friendly');
    expect(text($(child, '[data-id="p3"] [part="progress"]'))).to.equal('We are still working out the things we will do.');
  });

  it('has no axe violations in the child-friendly view, with the children’s words and progress in plain words', async () => {
    const el = await promises(pledgeTracker(), 'child-friendly');
    await expectNoAxeViolations(el);
    expect(text($(el, '[data-id="p1"] [part="child-friendly"]'))).to.equal('We will help you do your best at school.');
    expect(text($(el, '[data-id="p1"] [part="progress"]'))).to.equal('We have done 1 of the 2 things we said we would.');
    expect(text($(el, '[data-id="p1"] .state'))).to.equal('We are working on this promise.');
    expect(text($(el, '[data-id="p2"] [part="progress"]'))).to.equal('We have not yet done the one thing we said we would.');
    expect(text($(el, '[data-id="p2"] .state'))).to.equal('We are finding this promise hard to keep.');
    expect($(el, 'pledge-status')).to.equal(null);
  });

  it('shows "you said, we did" in the child-friendly view, newest first, with what is still being worked on', async () => {
    const el = await promises(pledgeTracker(), 'child-friendly');
    const items = $$(el, '[part="feedback"] li');
    expect(items.map((li) => li.dataset['id'])).to.deep.equal(['f2', 'f1']);
    expect(text(items[0]!.querySelector('.said'))).to.equal('You said: Wifi in every placement.');
    expect(text(items[0]!.querySelector('.meta'))).to.equal('Children in Care Council, 15 June 2026');
    expect(text(items[0]!.querySelector('.did'))).to.equal('We did: We are still working on this.');
    expect(text(items[1]!.querySelector('.did'))).to.equal('We did: Letters now go out within a week of a change.');
    const staff = await promises(pledgeTracker());
    expect($(staff, '[part="feedback"]')).to.equal(null);
  });

  it('counts only the things still promised: a withdrawn action drops out of the child-friendly progress', async () => {
    const t = pledgeTracker();
    ok(t.send(ev(as('board'), 'a4', 'action.withdraw', { reason: 'Replaced by a national scheme.' })));
    const el = await promises(t, 'child-friendly');
    expect(text($(el, '[data-id="p1"] [part="progress"]'))).to.equal('We have done the one thing we said we would.');
  });

  it('leaves retired promises out of the child-friendly view, and shows them with the reason to staff', async () => {
    const t = pledgeTracker();
    ok(t.send(ev(as('board'), 'p2', 'promise.retire', { reason: 'Merged into promise 1.' })));
    const child = await promises(t, 'child-friendly');
    expect($$(child, '[part="promise"]').map((li) => li.dataset['id'])).to.deep.equal(['p1']);
    const staff = await promises(t);
    expect(facts(staff, 'p2')).to.deep.equal(['Stage: Retired', 'Reason: Merged into promise 1.', 'Owner: Bryn Board']);
  });

  it('emits pledge-select with the promise id when a promise is chosen from the keyboard, and marks it current', async () => {
    const el = await promises(pledgeTracker());
    const seen: PledgeSelectEvent[] = [];
    document.body.addEventListener('pledge-select', (e) => seen.push(e), { once: true });
    const [first, second] = $$(el, '[part="promise-button"]');
    first!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(second);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(seen).to.have.length(1);
    expect(seen[0]).to.be.instanceOf(PledgeSelectEvent);
    expect([seen[0]!.id, seen[0]!.kind, seen[0]!.bubbles, seen[0]!.composed]).to.deep.equal(['p2', 'promise', true, true]);
    expect(el.selected).to.equal('p2');
    expect(second!.getAttribute('aria-current')).to.equal('true');
    expect(first!.getAttribute('aria-current')).to.equal('false');
  });

  it('emits pledge-select in the child-friendly view too, with the space bar', async () => {
    const el = await promises(pledgeTracker(), 'child-friendly');
    const seen: string[] = [];
    el.addEventListener('pledge-select', (e) => seen.push(e.id));
    $(el, '[part="promise-button"]')!.focus();
    await sendKeys({ press: 'Space' });
    expect(seen).to.deep.equal(['p1']);
  });

  it('has no axe violations when there are no promises, or no plan', async () => {
    const empty = await promises(createTracker({ plan: testPlan({ promises: [], feedback: [] }) }), 'child-friendly');
    await expectNoAxeViolations(empty);
    expect(text($(empty, '[part="list"] ~ [part="empty"], section > [part="empty"]'))).to.equal('There are no promises in this plan yet.');
    expect(text($(empty, '[part="feedback"] [part="empty"]'))).to.equal('Nothing yet. Tell us what you think.');
    const none = await promises(undefined);
    await expectNoAxeViolations(none);
    expect(text(none.shadowRoot)).to.equal('No plan is loaded yet.');
  });

  it('has no axe violations on the example plan, in both views', async function () {
    this.timeout(30000);
    const t = await eastmereTracker();
    const el = await promises(t);
    await expectNoAxeViolations(el);
    expect($$(el, '[part="promise"]')).to.have.length(t.plan.promises.length);
    el.childFriendly = true;
    await el.updateComplete;
    await expectNoAxeViolations(el);
    expect($$(el, '[part="feedback"] li')).to.have.length(t.plan.feedback.length);
  });

  it('updates itself when the plan changes', async () => {
    const t = pledgeTracker();
    const el = await promises(t, 'child-friendly');
    ok(t.send(ev(as('board'), 'p1', 'promise.judge', { judgement: 'kept' })));
    await el.updateComplete;
    expect(text($(el, '[data-id="p1"] .state'))).to.equal('We kept this promise.');
  });

  it('fits a 320px column without scrolling sideways, in both views', async () => {
    await setViewport({ width: 320, height: 640 });
    for (const attrs of ['', 'child-friendly']) {
      const el = await promises(pledgeTracker(), attrs);
      expect(el.scrollWidth, attrs).to.be.at.most(el.clientWidth);
      expect(document.documentElement.scrollWidth, attrs).to.be.at.most(320);
    }
  });

  it('takes its words from the host', async () => {
    const el = await promises(pledgeTracker(), 'child-friendly');
    el.messages = { pledgeTitle: 'Our pledge', childProgress: (done: number, total: number) => `${done}/${total}` };
    await el.updateComplete;
    expect(text($(el, '[part="title"]'))).to.equal('Our pledge');
    expect(text($(el, '[data-id="p1"] [part="progress"]'))).to.equal('1/2');
  });

  it('shows text from data as text: a javascript: link never becomes a link', async () => {
    const link = '<a href="javascript:alert(1)">javascript:alert(1)</a>';
    const t = pledgeTracker({
      promises: planInput.promises!.map((p) => ({ ...p, childFriendly: link })),
      feedback: [{ id: 'f9', said: link, date: '2026-06-01', response: { did: 'javascript:alert(2)', date: '2026-07-01' } }],
    });
    const el = await promises(t, 'child-friendly');
    expect(el.shadowRoot!.querySelector('a')).to.equal(null);
    expect(text($(el, '[data-id="p1"] [part="child-friendly"]'))).to.equal(link);
    expect(text($(el, '[data-id="f9"] .did'))).to.equal('We did: javascript:alert(2)');
  });
});
