import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import type { Actor, ActionView, Tracker } from '@pledgeflow/core';
import type { PledgeAction, PledgeStepEvent } from '@pledgeflow/elements';
import '@pledgeflow/elements/define.js';
import { $, $$, activeIn, expectNoAxeViolations, mount, pressOn } from './helpers.js';
import { fixtureTracker, people, step, TODAY } from './plan-fixture.js';

const NOW = new Date('2026-11-25T10:00:00Z');

async function view(options: { tracker?: Tracker; actor?: Actor | undefined; action?: string } = {}) {
  const tracker = options.tracker ?? fixtureTracker();
  const el = await mount<PledgeAction>(`<pledge-action action-id="${options.action ?? 'ETE-1'}"></pledge-action>`, (e) => {
    e.tracker = tracker;
    e.actor = 'actor' in options ? options.actor : people.lead;
    e.today = TODAY;
    e.now = () => NOW;
  });
  await el.updateComplete;
  return { el, tracker };
}

const active = activeIn;
const buttons = (el: Element) => $$(el, 'button[part="step-button"]').map((b) => b.textContent!.trim());
const stepButton = (el: Element, text: string) => $$<HTMLButtonElement>(el, 'button[part="step-button"]').find((b) => b.textContent!.trim() === text)!;
const cannot = (el: Element) => $$(el, '.cannot li').map((li) => li.textContent!.replace(/\s+/g, ' ').trim());

const press = pressOn;

async function confirm(el: PledgeAction) {
  const button = $$<HTMLButtonElement>(el, '[part="step-form"] button').find((b) => b.textContent!.trim() === 'Confirm')!;
  await press(el, button, 'Enter');
}

describe('<pledge-action>', () => {
  it('shows the details, status, evidence and history, with no axe violations', async () => {
    const { el } = await view({ action: 'HOM-2' });
    await expectNoAxeViolations(el);
    expect($(el, 'h2[part="title"]').textContent).to.equal('Planned moves protocol');
    expect($(el, 'pledge-status').getAttribute('status')).to.equal('blue');
    const details = Object.fromEntries($$(el, '[part="details"] > div').map((d) => [d.querySelector('dt')!.textContent!.trim(), d.querySelector('dd')!.textContent!.trim()]));
    expect(details).to.deep.include({ Stage: 'Completed', 'Lead agency': "Children's Services", Owner: 'Lena Ward', 'Due date': '30 September 2026' });
    const evidence = $(el, '[part="evidence"]').textContent!.replace(/\s+/g, ' ');
    expect(evidence).to.contain('Accepted');
    expect(evidence).to.contain('Protocol signed by all providers.');
    expect(evidence).to.contain('Checked by Bea Fox');
    const history = $$(el, '[part="history"] li').map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(history).to.have.length(5);
    expect(history[0]).to.contain('Bea Fox (Children\'s Services) agreed the action');
    expect(history[0]).to.contain('21 April 2026');
    expect(history[0]).to.contain('as board member');
  });

  it('tells the history and the status with names and UK dates, never ids or YYYY-MM-DD, in words a council can change', async () => {
    const tracker = fixtureTracker();
    const take = (s: ReturnType<typeof step>) => {
      const r = tracker.send(s);
      if (!r.ok) throw new Error(r.reasons.join(' '));
    };
    take(step(people.lead, 'ETE-2', 'action.due-date.change', { dueDate: '2027-01-29', reason: 'Training moved to the spring term.' }, '2026-11-02T09:00:00Z'));
    take(step(people.lead, 'ETE-2', 'action.review', { nextReviewDate: '2026-12-18' }, '2026-11-03T09:00:00Z'));
    take(step(people.lead, 'ETE-2', 'action.owner.change', { owner: 'lena-ward' }, '2026-11-04T09:00:00Z'));
    const { el } = await view({ tracker, action: 'ETE-2' });
    await expectNoAxeViolations(el);
    const lines = () => $$(el, '[part="history"] li').map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    const history = lines();
    expect(history.join('\n')).to.not.match(/\d{4}-\d{2}-\d{2}/);
    expect(history[2]).to.contain('Lena Ward (Children\'s Services) moved the due date from 30 October 2026 to 29 January 2027: Training moved to the spring term.');
    expect(history[3]).to.contain('recorded a review; the next review is on 18 December 2026');
    expect(history[4]).to.contain('gave the action to Lena Ward (it was Omar Bell’s)');
    expect($(el, '.why').textContent!.replace(/\s+/g, ' ').trim()).to.equal('Why this status: Due 29 January 2027');
    // Evidence is named by what it says, not its id.
    const { el: protocol } = await view({ action: 'HOM-2' });
    const accepted = $$(protocol, '[part="history"] li').map((li) => li.textContent!.replace(/\s+/g, ' ').trim())[3]!;
    expect(accepted).to.contain('Bea Fox (Children\'s Services) accepted evidence “Protocol signed by all providers.”');
    expect(accepted).to.not.contain('HOM-2-protocol');
    // Every word goes through the messages object.
    protocol.messages = { historyEvents: { 'action.evidence.accept': (f) => `signed off “${f.evidence}”` }, historyLine: (name, _agency, what) => `${name} ${what}` };
    await protocol.updateComplete;
    expect($$(protocol, '[part="history"] li')[3]!.textContent).to.contain('Bea Fox signed off “Protocol signed by all providers.”');
    await expectNoAxeViolations(protocol);
  });

  it('offers only the steps this person may take, and says why others are not offered', async () => {
    const { el } = await view();
    await expectNoAxeViolations(el);
    expect(buttons(el)).to.deep.equal([
      'Record progress', 'Flag a risk', 'Defer', 'Record a review', 'Change the owner', 'Change the due date', 'Add evidence',
    ]);
    const reasons = cannot(el);
    expect(reasons).to.have.length(2);
    expect(reasons[0]).to.match(/^Mark as complete: An action can only be completed once at least one piece of evidence has been accepted/);
    expect(reasons[1]).to.equal('Withdraw: A working-group lead cannot withdraw actions.');
  });

  it('shows a partner the steps that matter to them first, and folds the steps their role never takes', async () => {
    const { el } = await view({ actor: people.partner, action: 'ETE-3' }); // a draft: no evidence yet, and not the college's
    const { el: own } = await view({ actor: people.partner, action: 'ETE-2' }); // in progress, and the college is not a partner on it
    await expectNoAxeViolations(own);
    const open = $$(own, '.cannot > ul li').map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(open).to.have.length.at.most(2);
    expect(open.join('\n')).to.match(/Add evidence/);
    const folded = $<HTMLDetailsElement>(own, 'details.not-yours');
    expect(folded.open).to.equal(false);
    expect(folded.querySelector('summary')!.textContent).to.match(/^\d+ other steps? that your role does not take, and why$/);
    // Opened with the keyboard, the folded steps say why.
    await pressOn(own, folded.querySelector('summary')!, 'Enter');
    expect(folded.open).to.equal(true);
    expect(folded.textContent).to.contain('A partner agency contributor cannot');
    await expectNoAxeViolations(own);
    expect(el.shadowRoot!.querySelector('details.not-yours')).to.exist;
  });

  it('shows a scrutiny member everything but no steps, with the reason said once', async () => {
    const { el } = await view({ actor: people.scrutiny });
    await expectNoAxeViolations(el);
    expect(buttons(el)).to.deep.equal([]);
    expect($(el, '[part="steps"]').textContent).to.contain('There is nothing you can do on this item.');
    const reasons = cannot(el);
    expect(reasons).to.have.length(1);
    expect(reasons[0]).to.match(/^Record progress, Flag a risk, Mark as complete, .*Add evidence: Scrutiny members can see everything but change nothing, apart from signing off or reopening recommendations\.$/);
  });

  it('shows a partner agency only adding evidence', async () => {
    const { el } = await view({ actor: people.partner });
    await expectNoAxeViolations(el);
    expect(buttons(el)).to.deep.equal(['Add evidence']);
  });

  it('says when no one is signed in, and when the action does not exist', async () => {
    const { el } = await view({ actor: undefined });
    expect($(el, '[part="steps"]').textContent).to.contain('You are not signed in');
    const missing = await view({ action: 'NOPE' });
    expect(missing.el.shadowRoot!.textContent).to.contain('There is no action with the id "NOPE" in this plan.');
    await expectNoAxeViolations(missing.el);
  });

  it('walks through flagging a risk with the keyboard: asks for the reason in the page, then announces the result', async () => {
    const { el, tracker } = await view();
    const events: PledgeStepEvent[] = [];
    el.addEventListener('pledge-step', (e) => events.push(e));

    const flag = stepButton(el, 'Flag a risk');
    await press(el, flag, 'Enter');
    expect(flag.getAttribute('aria-expanded')).to.equal('true');
    expect(active(el)!.id).to.equal('step-reason');
    expect($(el, 'label[for="step-reason"]').textContent!.trim()).to.equal('Reason');
    await expectNoAxeViolations(el);

    // Confirm with no reason: the error summary says so, and the field is marked.
    await confirm(el);
    const summary = $(el, '.error-summary');
    expect(summary.textContent).to.contain('Enter the reason');
    expect(active(el)).to.equal(summary);
    expect($(el, '#step-reason').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#step-reason').getAttribute('aria-describedby')).to.equal('step-reason-error');
    expect(events).to.have.length(0);
    await expectNoAxeViolations(el);

    $(el, '#step-reason').focus();
    await sendKeys({ type: 'The tutoring provider has given notice.' });
    await confirm(el);

    expect(events).to.have.length(1);
    expect(events[0]!.result.ok).to.equal(true);
    expect(events[0]!.event).to.deep.include({ type: 'action.flag-risk', stream: 'ETE-1', at: NOW.toISOString() });
    expect(events[0]!.event!.data).to.deep.equal({ reason: 'The tutoring provider has given notice.' });
    expect(events[0]!.event!.actor).to.deep.equal(people.lead);
    expect(tracker.getAction('ETE-1')!.state).to.equal('atRisk');

    const result = $(el, '[part="result"]');
    expect(result.getAttribute('role')).to.equal('status');
    expect(result.textContent).to.contain('Done: Flag a risk.');
    expect(active(el)).to.equal(result);
    expect($(el, '[part="step-form"]')).to.equal(null);
    expect(buttons(el)).to.include('Clear the risk');
    const history = $$(el, '[part="history"] li');
    expect(history.at(-1)!.textContent).to.contain('Lena Ward (Children\'s Services) flagged a risk: The tutoring provider has given notice.');
    await expectNoAxeViolations(el);
  });

  it('shows every reason when a step is refused, and keeps what was typed', async () => {
    const { el } = await view();
    const events: PledgeStepEvent[] = [];
    el.addEventListener('pledge-step', (e) => events.push(e));
    await press(el, stepButton(el, 'Change the due date'), 'Enter');
    const date = $<HTMLInputElement>(el, '#step-dueDate');
    date.value = '2027-03-31'; // the date it already has
    date.dispatchEvent(new Event('input'));
    $(el, '#step-reason').focus();
    await sendKeys({ type: 'Agreed at the board.' });
    await confirm(el);

    const refusal = $(el, '.refusal');
    expect(refusal.getAttribute('role')).to.equal('alert');
    expect(active(el)).to.equal(refusal);
    expect(refusal.textContent).to.contain('That step was not taken:');
    expect(refusal.textContent).to.contain('The due date is already 2027-03-31.');
    expect(events[0]!.result.ok).to.equal(false);
    // A refused step never became an event: the step as sent says what was tried.
    expect(events[0]!.step.type).to.equal('action.due-date.change');
    expect(events[0]!.event).to.equal(undefined);
    expect($<HTMLTextAreaElement>(el, '#step-reason').value).to.equal('Agreed at the board.');
    await expectNoAxeViolations(el);
  });

  it('changes the owner, chosen from the plan’s people', async () => {
    const { el, tracker } = await view({ action: 'ETE-3' });
    await press(el, stepButton(el, 'Change the owner'), 'Space');
    const select = $<HTMLSelectElement>(el, '#step-owner');
    expect([...select.options].map((o) => o.textContent)).to.include('Omar Bell');
    select.value = 'omar-bell';
    select.dispatchEvent(new Event('change'));
    await confirm(el);
    expect(tracker.getAction('ETE-3')!.owner).to.equal('omar-bell');
  });

  it('accepts evidence picked from the list of evidence waiting to be checked', async () => {
    const tracker = fixtureTracker();
    tracker.send(step(people.partner, 'ETE-1', 'action.evidence.add', { evidenceId: 'ev-a', summary: 'Register of sessions', date: '2026-11-01' }, '2026-11-02T09:00:00Z'));
    tracker.send(step(people.partner, 'ETE-1', 'action.evidence.add', { evidenceId: 'ev-b', summary: 'Feedback from tutors', date: '2026-11-02' }, '2026-11-03T09:00:00Z'));
    const { el } = await view({ tracker });
    await press(el, stepButton(el, 'Accept evidence'), 'Enter');
    const radios = $$<HTMLInputElement>(el, 'input[type="radio"]');
    expect(radios.map((r) => r.labels![0]!.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Register of sessions Submitted by Pat Cole (Fixture College) on 2 November 2026',
      'Feedback from tutors Submitted by Pat Cole (Fixture College) on 3 November 2026',
    ]);
    await expectNoAxeViolations(el);
    await confirm(el);
    expect($(el, '.error-summary').textContent).to.contain('Choose which evidence');
    // The summary's link takes focus to the first choice of the group it names.
    await press(el, $(el, '.error-summary a'), 'Enter');
    expect(active(el)).to.equal(radios[0]);
    await press(el, radios[1]!, 'Space');
    await confirm(el);
    expect(tracker.getAction('ETE-1')!.evidence.map((e) => e.status)).to.deep.equal(['submitted', 'accepted']);
  });

  it('opens the evidence form in the page for "Add evidence", with focus in its first field, and closes it once sent', async () => {
    const { el, tracker } = await view({ actor: people.partner });
    const events: PledgeStepEvent[] = [];
    el.addEventListener('pledge-step', (e) => events.push(e));
    await press(el, stepButton(el, 'Add evidence'), 'Enter');
    const form = $<HTMLElement & { updateComplete: Promise<unknown> }>(el, 'pledge-evidence-form');
    await form.updateComplete;
    expect(form.shadowRoot!.activeElement!.id).to.equal('summary');
    await expectNoAxeViolations(el);
    await sendKeys({ type: 'Tutoring timetable agreed with the college.' });
    for (const [part, value] of [['day', '2'], ['month', '11'], ['year', '2026']] as const) {
      form.shadowRoot!.querySelector<HTMLElement>(`#date-${part}`)!.focus();
      await sendKeys({ type: value });
    }
    form.shadowRoot!.querySelector<HTMLElement>('button[type="submit"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(events.map((e) => [e.event!.type, e.result.ok])).to.deep.equal([['action.evidence.add', true]]);
    expect(tracker.getAction('ETE-1')!.evidence).to.have.length(1);
    expect($(el, 'pledge-evidence-form')).to.equal(null);
    expect($(el, '[part="result"]').textContent).to.contain('Done: Add evidence.');
    expect(active(el)).to.equal($(el, '[part="result"]'));
  });

  it('does not let a lead accept evidence they submitted themselves, and says why', async () => {
    const tracker = fixtureTracker();
    tracker.send(step(people.lead, 'ETE-1', 'action.evidence.add', { evidenceId: 'ev-own', summary: 'My own notes', date: '2026-11-01' }, '2026-11-02T09:00:00Z'));
    const { el } = await view({ tracker });
    expect(buttons(el)).not.to.include('Accept evidence');
    expect(cannot(el).join('\n')).to.contain('Accept evidence, Return evidence: You cannot accept or return evidence you submitted yourself');
  });

  it('Cancel closes the form and returns focus to its button', async () => {
    const { el } = await view();
    const button = stepButton(el, 'Record a review');
    await press(el, button, 'Enter');
    const cancel = $$<HTMLButtonElement>(el, '[part="step-form"] button').find((b) => b.textContent!.trim() === 'Cancel')!;
    await press(el, cancel, 'Enter');
    expect($(el, '[part="step-form"]')).to.equal(null);
    expect(active(el)!.textContent!.trim()).to.equal('Record a review');
  });

  it('renders https evidence links and never a javascript: link', async () => {
    const real = fixtureTracker();
    const base = real.getAction('HOM-2')!;
    const evidence = [
      { ...base.evidence[0]!, id: 'ok', link: 'https://docs.example.gov.uk/protocol.pdf' },
      { ...base.evidence[0]!, id: 'bad', link: 'javascript:alert(document.cookie)' },
      { ...base.evidence[0]!, id: 'data', link: 'data:text/html,<script>alert(1)</script>' },
    ];
    const doctored: ActionView = { ...base, evidence };
    // A tracker whose data was tampered with: the element must still never render a script link.
    const tracker = new Proxy(real, {
      get(target, prop) {
        if (prop === 'getAction' || prop === 'get') return (id: string) => (id === 'HOM-2' ? doctored : target.getAction(id));
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const { el } = await view({ tracker, action: 'HOM-2' });
    const hrefs = $$<HTMLAnchorElement>(el, 'a').map((a) => a.getAttribute('href'));
    expect(hrefs).to.deep.equal(['https://docs.example.gov.uk/protocol.pdf']);
    expect(el.shadowRoot!.innerHTML).not.to.contain('javascript:');
    expect($$(el, '[part="evidence"] .muted').map((p) => p.textContent)).to.have.length(2);
    await expectNoAxeViolations(el);
  });

  it('re-renders only for changes to its own action', async () => {
    const { el, tracker } = await view();
    let updates = 0;
    const original = el.requestUpdate.bind(el);
    el.requestUpdate = ((...args: Parameters<PledgeAction['requestUpdate']>) => {
      updates++;
      return original(...args);
    }) as PledgeAction['requestUpdate'];
    tracker.send(step(people.lead, 'ETE-3', 'action.owner.change', { owner: 'omar-bell' }, '2026-11-20T10:00:00Z'));
    expect(updates).to.equal(0);
    tracker.send(step(people.lead, 'ETE-1', 'action.progress', { note: 'Six schools signed up.' }, '2026-11-20T11:00:00Z'));
    expect(updates).to.equal(1);
    await el.updateComplete;
    expect($(el, '[part="details"]').textContent).to.contain('Six schools signed up.');
  });
});

describe('<pledge-action> when its tracker can no longer take steps', () => {
  it('says why instead of offering steps', async () => {
    const tracker = fixtureTracker();
    tracker.close('This page can no longer save your changes: reload it to carry on.');
    const { el } = await view({ tracker });
    expect($$(el, 'button[part="step-button"]')).to.have.length(0);
    expect(el.shadowRoot!.textContent).to.contain('reload it to carry on');
    await expectNoAxeViolations(el);
  });
});
