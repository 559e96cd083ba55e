import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import type { Actor, Tracker } from '@pledgeflow/core';
import { draftKey, type PledgeEvidenceForm, type PledgeStepEvent } from '@pledgeflow/elements';
import '@pledgeflow/elements/define.js';
import { $, $$, activeIn, expectNoAxeViolations, mount } from './helpers.js';
import { fixtureTracker, people, step, TODAY } from './plan-fixture.js';

const NOW = new Date('2026-11-25T10:00:00Z');

async function form(options: { tracker?: Tracker; actor?: Actor | undefined; action?: string; evidence?: string } = {}) {
  const tracker = options.tracker ?? fixtureTracker();
  const attrs = `action-id="${options.action ?? 'ETE-1'}"${options.evidence ? ` evidence-id="${options.evidence}"` : ''}`;
  const el = await mount<PledgeEvidenceForm>(`<pledge-evidence-form ${attrs}></pledge-evidence-form>`, (e) => {
    e.tracker = tracker;
    e.actor = 'actor' in options ? options.actor : people.partner;
    e.today = TODAY;
    e.now = () => NOW;
  });
  await el.updateComplete;
  return { el, tracker };
}

const active = activeIn;

/** Types into a field as a person would: focus, then real key presses. */
async function type(el: Element, selector: string, text: string) {
  $(el, selector).focus();
  await sendKeys({ type: text });
  await (el as PledgeEvidenceForm).updateComplete;
}

async function typeDate(el: Element, day: string, month: string, year: string) {
  await type(el, '#date-day', day);
  await type(el, '#date-month', month);
  await type(el, '#date-year', year);
}

async function submit(el: PledgeEvidenceForm) {
  $<HTMLButtonElement>(el, 'button[type="submit"]').focus();
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

describe('<pledge-evidence-form>', () => {
  beforeEach(() => sessionStorage.clear());

  it('asks for what happened, a link and a date with labels and hints, with no axe violations', async () => {
    const { el } = await form();
    await expectNoAxeViolations(el);
    expect($(el, 'label[for="summary"]').textContent!.trim()).to.equal('What happened');
    expect($(el, '#summary').getAttribute('aria-describedby')).to.equal('summary-hint');
    expect($(el, 'label[for="link"]').textContent!.trim()).to.equal('Link (optional)');
    expect($(el, 'fieldset legend').textContent!.trim()).to.equal('Date it happened');
    expect($$(el, '.date-input label').map((l) => l.textContent!.trim())).to.deep.equal(['Day', 'Month', 'Year']);
    expect($(el, '.caption').textContent).to.contain('Tutoring for young people in care');
  });

  it('lists every problem in a summary at the top, focused, linking to each field; nothing typed is cleared', async () => {
    const { el, tracker } = await form();
    const before = tracker.getAction('ETE-1');
    await type(el, '#link', 'javascript:alert(1)');
    await type(el, '#date-day', '31');
    await submit(el);
    await expectNoAxeViolations(el);

    const summary = $(el, '[part="error-summary"]');
    expect(active(el)).to.equal(summary);
    expect(summary.getAttribute('role')).to.equal('alert');
    const links = [...summary.querySelectorAll<HTMLAnchorElement>('a')];
    expect(links.map((a) => [a.getAttribute('href'), a.textContent!.trim()])).to.deep.equal([
      ['#summary', 'Enter what happened'],
      ['#link', 'Enter a link that starts with https://, or leave it empty'],
      ['#date-month', 'Date it happened must include a month and a year'],
    ]);
    // Beside each field: the message, aria-invalid and aria-describedby.
    expect($(el, '#summary').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#summary').getAttribute('aria-describedby')).to.equal('summary-hint summary-error');
    expect($(el, '#summary-error').textContent).to.contain('Enter what happened');
    expect($(el, '#link').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#date-day').hasAttribute('aria-invalid')).to.equal(false);
    expect($(el, '#date-month').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, 'fieldset').getAttribute('aria-describedby')).to.equal('date-hint date-error');
    // Nothing cleared, nothing sent.
    expect($<HTMLInputElement>(el, '#link').value).to.equal('javascript:alert(1)');
    expect($<HTMLInputElement>(el, '#date-day').value).to.equal('31');
    expect(tracker.getAction('ETE-1')).to.equal(before);

    // A link in the summary takes focus to its field.
    links[2]!.focus();
    await sendKeys({ press: 'Enter' });
    expect(active(el)!.id).to.equal('date-month');
  });

  it('refuses a date that is not real or is in the future', async () => {
    const { el } = await form();
    await type(el, '#summary', 'Tutoring began in two schools.');
    await typeDate(el, '31', '2', '2026');
    await submit(el);
    expect($(el, '[part="error-summary"]').textContent).to.contain('Date it happened must be a real date');
    $<HTMLInputElement>(el, '#date-day').value = '';
    await type(el, '#date-day', '1');
    $<HTMLInputElement>(el, '#date-year').value = '';
    await type(el, '#date-year', '2027');
    await submit(el);
    expect($(el, '[part="error-summary"]').textContent).to.contain('Date it happened must be today or in the past');
  });

  it('submits evidence from the keyboard with a new event id and evidence id, and fires pledge-step', async () => {
    const { el, tracker } = await form();
    const events: PledgeStepEvent[] = [];
    el.addEventListener('pledge-step', (e) => events.push(e));
    await type(el, '#summary', 'Tutoring started in six schools, run with the college.');
    await type(el, '#link', 'https://intranet.example.gov.uk/tutoring.pdf');
    await typeDate(el, '3', '11', '2026');
    await submit(el);

    expect(events).to.have.length(1);
    const { event, result } = events[0]!;
    expect(result.ok).to.equal(true);
    expect(event!.type).to.equal('action.evidence.add');
    expect(event!.stream).to.equal('ETE-1');
    expect(event!.actor).to.deep.equal(people.partner);
    expect(event!.at).to.equal(NOW.toISOString());
    expect(event!.id).to.match(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    const data = event!.data as Record<string, string>;
    expect(data['evidenceId']).to.match(/^ETE-1-[0-9A-Z]{26}$/);
    expect(data).to.deep.include({ summary: 'Tutoring started in six schools, run with the college.', link: 'https://intranet.example.gov.uk/tutoring.pdf', date: '2026-11-03' });
    expect(tracker.getAction('ETE-1')!.evidence.map((e) => e.status)).to.deep.equal(['submitted']);

    const message = $(el, '[part="result"]');
    expect(message.textContent).to.contain('Your evidence was submitted');
    expect(active(el)).to.equal(message);
    expect($<HTMLTextAreaElement>(el, '#summary').value).to.equal('');
    await expectNoAxeViolations(el);
  });

  it('warns, without blocking, when the text looks like a child’s personal data', async () => {
    const { el, tracker } = await form();
    await type(el, '#summary', 'Reviewed the plan for NHS number 943 476 5919.');
    const warning = $(el, '[part="warning"]');
    expect(warning.textContent).to.contain('This looks like it may contain a child’s personal data');
    expect(warning.textContent).to.contain('NHS number');
    expect($(el, '#summary').getAttribute('aria-describedby')).to.equal('summary-hint summary-warning');
    await expectNoAxeViolations(el);
    await typeDate(el, '3', '11', '2026');
    await submit(el);
    expect(tracker.getAction('ETE-1')!.evidence).to.have.length(1);
    expect($(el, '[part="result"]').textContent).to.contain('NHS number');
  });

  it('blocks text that looks like a child’s personal data when the plan refuses it', async () => {
    const { el, tracker } = await form({ tracker: fixtureTracker({ privacy: 'refuse' }) });
    await type(el, '#summary', 'Reviewed the plan for NHS number 943 476 5919.');
    await typeDate(el, '3', '11', '2026');
    await submit(el);
    expect($(el, '[part="error-summary"]').textContent).to.contain('Remove what looks like a child’s personal data');
    expect(tracker.getAction('ETE-1')!.evidence).to.have.length(0);
    expect($<HTMLTextAreaElement>(el, '#summary').value).to.contain('943 476 5919');
  });

  it('keeps a draft in sessionStorage so that a reload keeps what was typed, and clears it on success', async () => {
    const tracker = fixtureTracker();
    const first = (await form({ tracker })).el;
    await type(first, '#summary', 'Half-written note about the tutoring offer');
    await type(first, '#date-year', '2026');
    const key = draftKey('fixture-plan', 'ETE-1', undefined, people.partner.userId);
    expect(JSON.parse(sessionStorage.getItem(key)!)).to.deep.include({ summary: 'Half-written note about the tutoring offer', year: '2026' });

    // As after a reload: a new element for the same plan, action and person.
    const { el } = await form({ tracker });
    expect($<HTMLTextAreaElement>(el, '#summary').value).to.equal('Half-written note about the tutoring offer');
    expect($<HTMLInputElement>(el, '#date-year').value).to.equal('2026');
    expect($(el, '.restored').textContent).to.contain('We restored what you typed before');
    await expectNoAxeViolations(el);

    await type(el, '#date-day', '2');
    await type(el, '#date-month', '11');
    await submit(el);
    expect(tracker.getAction('ETE-1')!.evidence).to.have.length(1);
    expect(sessionStorage.getItem(key)).to.equal(null);
  });

  it('shows the reasons, and no form, to someone who may not add evidence', async () => {
    const { el } = await form({ actor: people.scrutiny });
    await expectNoAxeViolations(el);
    expect($(el, 'form')).to.equal(null);
    expect(el.shadowRoot!.textContent).to.contain('Scrutiny members can see everything but change nothing, apart from signing off or reopening recommendations.');
    const other = await form({ actor: people.partner, action: 'HOM-1' });
    expect(other.el.shadowRoot!.textContent).to.contain('not a partner on');
  });

  it('says when the action cannot take evidence in its stage, or is not in the plan', async () => {
    const { el } = await form({ actor: people.lead, action: 'ETE-3' });
    expect(el.shadowRoot!.textContent).to.contain('Evidence cannot be added to this action while it is draft.');
    const missing = await form({ action: 'NOPE' });
    expect(missing.el.shadowRoot!.textContent).to.contain('There is no action with the id "NOPE"');
  });

  it('resubmits returned evidence, prefilled with what was sent before', async () => {
    const tracker = fixtureTracker();
    const add = tracker.send(step(people.partner, 'ETE-1', 'action.evidence.add', { evidenceId: 'ev-1', summary: 'Tutoring register', date: '2026-10-01' }, '2026-10-02T09:00:00Z'));
    const back = tracker.send(step(people.lead, 'ETE-1', 'action.evidence.return', { evidenceId: 'ev-1', reason: 'Say how many sessions ran.' }, '2026-10-03T09:00:00Z'));
    expect(add.ok && back.ok).to.equal(true);
    const { el } = await form({ tracker, evidence: 'ev-1' });
    await expectNoAxeViolations(el);
    expect($<HTMLTextAreaElement>(el, '#summary').value).to.equal('Tutoring register');
    expect($<HTMLInputElement>(el, '#date-day').value).to.equal('1');
    await type(el, '#summary', ': 48 sessions ran in October.');
    await submit(el);
    const evidence = tracker.getAction('ETE-1')!.evidence[0]!;
    expect(evidence.status).to.equal('submitted');
    expect(evidence.summary).to.equal('Tutoring register: 48 sessions ran in October.');
    expect(evidence.resubmissions).to.equal(1);
  });

  it('shows every reason when the tracker refuses the evidence, keeping what was typed', async () => {
    const tracker = fixtureTracker();
    const { el } = await form({ tracker });
    // A clock set before the action was agreed: taken in date order, the step does not fit.
    el.now = () => new Date('2026-04-01T09:00:00Z');
    const events: PledgeStepEvent[] = [];
    el.addEventListener('pledge-step', (e) => events.push(e));
    await type(el, '#summary', 'Tutoring started.');
    await typeDate(el, '3', '11', '2026');
    await submit(el);
    const summary = $(el, '[part="error-summary"]');
    expect(active(el)).to.equal(summary);
    expect(summary.textContent).to.contain('does not fit the item');
    expect(events[0]!.result.ok).to.equal(false);
    expect(events[0]!.step).to.deep.include({ stream: 'ETE-1', type: 'action.evidence.add' });
    expect(events[0]!.event).to.equal(undefined);
    expect($<HTMLTextAreaElement>(el, '#summary').value).to.equal('Tutoring started.');
    expect(tracker.getAction('ETE-1')!.evidence).to.have.length(0);
    await expectNoAxeViolations(el);
  });
});
