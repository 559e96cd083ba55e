import { expect } from '@esm-bundle/chai';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import type { Actor, Tracker } from '@pledgeflow/core';
import type { PledgeMeetings, PledgeStepEvent, PledgeTracker } from '@pledgeflow/elements';
import '@pledgeflow/elements/define.js';
import { activeIn, expectNoAxeViolations, mount, pressOn } from './helpers.js';
import { $, $$, text } from './shadow-query.js';
import { BOARD_TODAY, boardClock, boardPeople, boardTracker } from './board-fixture.js';

async function meetings(options: { tracker?: Tracker; actor?: Actor | undefined; attrs?: string } = {}) {
  const tracker = options.tracker ?? boardTracker();
  const el = await mount<PledgeMeetings>(`<pledge-meetings ${options.attrs ?? ''}></pledge-meetings>`, (e) => {
    e.tracker = tracker;
    e.actor = 'actor' in options ? options.actor : boardPeople.clerk;
    e.today = BOARD_TODAY;
    e.now = boardClock();
  });
  return { el, tracker };
}

const meeting = (el: Element, id: string) => $(el, `[data-meeting="${id}"]`)!;
const stepButtons = (el: Element, id: string) => [...meeting(el, id).querySelectorAll('button[part="step-button"]')].map(text);
const stepButton = (el: Element, id: string, label: string) =>
  [...meeting(el, id).querySelectorAll<HTMLButtonElement>('button[part="step-button"]')].find((b) => text(b) === label)!;
/** Presses Confirm from the keyboard, once the form has taken focus (its first field is focused after it renders). */
const confirm = async (el: PledgeMeetings) => {
  await el.updateComplete;
  await new Promise((r) => setTimeout(r));
  await pressOn(el, [...$$(el, '[part="step-form"] button')].find((b) => text(b) === 'Confirm')!, 'Enter');
};
const choose = async (el: PledgeMeetings, name: string, value: string) => {
  const select = $(el, `select[name="${name}"]`) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
};
const type = async (el: PledgeMeetings, name: string, value: string) => {
  const field = $(el, `[name="${name}"]`) as HTMLTextAreaElement;
  field.value = value;
  field.dispatchEvent(new Event('input'));
  await el.updateComplete;
};

describe('<pledge-meetings>', () => {
  afterEach(async () => {
    await emulateMedia({ media: 'screen' });
    await setViewport({ width: 800, height: 600 });
  });

  it('has no axe violations, and shows each meeting with its stage, theme, quorum and who came, in words', async () => {
    const { el } = await meetings({ actor: boardPeople.scrutiny });
    await expectNoAxeViolations(el);
    expect(text($(el, '[part="title"]'))).to.equal('Board meetings');
    const stages = $$(el, '[part="meeting"]').map((m) => [m.dataset['meeting'], text(m.querySelector('.facts .tag'))]);
    expect(stages).to.deep.equal([
      ['m-apr', 'Minutes published'], ['m-jun', 'Cancelled'], ['m-jul', 'Held'], ['m-oct', 'Held'], ['m-dec', 'Planned'], ['m-feb', 'Planned'],
    ]);
    expect(text(meeting(el, 'm-jul').querySelector('.quorum'))).to.match(/^Quorum: Not quorate Not quorate: 2 agencies present/);
    expect(text(meeting(el, 'm-oct').querySelector('.quorum'))).to.match(/^Quorum: Quorate Quorate: 3 agencies present/);
    expect(text(meeting(el, 'm-oct').querySelector('.who'))).to.contain('Dan Pike (Fixture Police), standing in for Nia Shah');
    expect(text(meeting(el, 'm-jul').querySelector('.who > div:nth-child(3) dd'))).to.equal('Nia Shah: On a course.');
    expect(text(meeting(el, 'm-jun'))).to.contain('Cancelled: Too few members could come; the items move to July.');
    expect([...meeting(el, 'm-oct').querySelectorAll('.reports li')].map(text)).to.deep.equal(['Homes: received 5 October 2026', 'Education and Training: received late, 13 October 2026']);
    expect(text(meeting(el, 'm-oct').querySelector('.questions'))).to.contain('Answer: The Virtual School now checks every year 11 move first.');
    expect(text(meeting(el, 'm-oct').querySelector('.decisions'))).to.equal('Ask the police to join the housing panel. Action: No care leaver in bed and breakfast');
    expect(meeting(el, 'm-apr').querySelector('.minutes a')!.getAttribute('href')).to.equal('https://intranet.example.org/board/minutes-april');
  });

  it('says what is due for the next meeting, attendance against the expectation in words, reports not received and the schedule', async () => {
    const { el } = await meetings({ actor: boardPeople.scrutiny });
    const next = $(el, '[part="next"]')!;
    expect(text(next)).to.contain('Board meeting, 10 December 2026. Theme: Education and training.');
    expect([...next.querySelectorAll('.dates dt')].map(text)).to.deep.equal(['Report to the Children in Care Council', 'Papers due', 'Meeting', 'Minutes due']);
    expect(text(next.querySelector('.dates'))).to.contain('Papers due 3 December 2026 (in 8 days)');
    expect(text(next.querySelector('.outstanding'))).to.equal('Education and Training');
    expect(text(next.querySelector('.open-questions'))).to.equal('When will the new lodgings open?');
    const table = $(el, '[part="attendance-table"]')!;
    expect(text(table.querySelector('caption'))).to.equal('Members’ attendance over the last 12 months (at least 75% expected)');
    const rows = [...table.querySelectorAll('tbody tr')].map((r) => [...r.children].map(text));
    expect(rows.map((r) => r.slice(0, 4))).to.deep.equal([
      ['Bea Fox', "Children's Services", '3 of 3 (100%)', '0'],
      ['Nia Shah', 'Fixture Police', '1 of 3 (33%)', '1'],
      ['Kim Ode', 'Virtual School', '3 of 3 (100%)', '0'],
    ]);
    expect(rows[1]![4]).to.match(/^Below expectation Attended 1 of 3 meetings/);
    expect(rows[0]![4]).to.match(/^Meets expectation/);
    const missing = $$(el, '[part="reports-missing"] li').map((li) => [li.dataset['meeting'], li.dataset['status'], text(li.querySelector('.tag'))]);
    expect(missing).to.deep.equal([['m-jul', 'missing', 'not received'], ['m-oct', 'late', 'received late']]);
    const schedule = $(el, '[part="schedule-table"]')!;
    expect(text(schedule.querySelector('caption'))).to.equal('Which working group reports to which meeting');
    expect(text(schedule.querySelector('tr[data-workstream="homes"]'))).to.contain('16 July 2026: not received');
    expect(text(schedule.querySelector('tr[data-workstream="homes"] .tag'))).to.equal('Not on track');
  });

  it('is read-only for scrutiny, and says why once; asks people who are not signed in to sign in', async () => {
    const { el } = await meetings({ actor: boardPeople.scrutiny });
    expect($$(el, 'button[part="step-button"]')).to.have.length(0);
    expect($$(el, '[part="attendance-buttons"]')).to.have.length(0);
    const notYours = $(el, '[part="not-yours"]')!;
    expect(text(notYours)).to.contain('Scrutiny members can see everything but change nothing');
    const { el: signedOut } = await meetings({ actor: undefined });
    await expectNoAxeViolations(signedOut);
    expect(text($(signedOut, '.signed-out'))).to.equal('You are not signed in, so you can look but not change anything.');
    expect($$(signedOut, 'button[part="step-button"]')).to.have.length(0);
  });

  it('lets the clerk record a member present with one key press, says so in the live region and fires pledge-step', async () => {
    const { el, tracker } = await meetings();
    await expectNoAxeViolations(el);
    const steps: PledgeStepEvent[] = [];
    el.addEventListener('pledge-step', (e) => steps.push(e));
    const members = [...meeting(el, 'm-jul').querySelectorAll('[part="attendance-buttons"] li')].map(text);
    expect(members).to.deep.equal(['Bea Fox Present', 'Nia Shah Apologies Nia Shah is present', 'Kim Ode Present']);
    const button = meeting(el, 'm-jul').querySelector<HTMLButtonElement>('button[data-quick="present"]')!;
    expect(button.getAttribute('aria-label')).to.equal('Nia Shah is present at Board meeting, 16 July 2026');
    await pressOn(el, button, 'Enter');
    await el.updateComplete;
    expect(tracker.getMeeting('m-jul')!.present.map((a) => a.person)).to.include('nia-shah');
    expect(steps).to.have.length(1);
    expect(steps[0]!.step).to.deep.equal({ stream: 'm-jul', type: 'meeting.attendance.record', data: { person: 'nia-shah' } });
    const result = meeting(el, 'm-jul').querySelector('[part="result"]')!;
    expect(result.getAttribute('role')).to.equal('status');
    expect(text(result)).to.equal('Done: Nia Shah is present (Board meeting, 16 July 2026).');
    expect(activeIn(el)).to.equal(result);
    expect(text(meeting(el, 'm-jul').querySelector('.quorum .tag'))).to.equal('Quorate');
    await expectNoAxeViolations(el);
  });

  it('records a representative standing in for a member through the form, with errors said beside the field first', async () => {
    const { el, tracker } = await meetings();
    await pressOn(el, stepButton(el, 'm-jul', 'Record someone as present'), 'Enter');
    const form = $(el, '[part="step-form"]')!;
    expect(text(form.querySelector('[part="step-form-title"]'))).to.equal('Record someone as present: Board meeting, 16 July 2026');
    expect(activeIn(el)).to.equal($(el, 'select[name="person"]'));
    await confirm(el);
    const summary = $(el, '[part="error-summary"]')!;
    expect(activeIn(el)).to.equal(summary);
    expect(text(summary)).to.equal('There is a problem Choose who');
    expect($(el, 'select[name="person"]')!.getAttribute('aria-describedby')).to.equal('item-step-person-error');
    expect(text($(el, '#item-step-person-error'))).to.equal('Error: Choose who');
    await expectNoAxeViolations(el);
    expect([...($(el, 'select[name="standingInFor"]') as HTMLSelectElement).options].map((o) => o.value)).to.deep.equal(['', 'nia-shah']);
    await choose(el, 'person', 'dan-pike');
    await choose(el, 'standingInFor', 'nia-shah');
    await confirm(el);
    expect(tracker.getMeeting('m-jul')!.present.find((a) => a.person === 'dan-pike')).to.deep.include({ standingInFor: 'nia-shah' });
    expect(text(meeting(el, 'm-jul').querySelector('[part="result"]'))).to.equal('Done: Record someone as present (Board meeting, 16 July 2026).');
    expect(text(meeting(el, 'm-jul').querySelector('.who'))).to.contain('Dan Pike (Fixture Police), standing in for Nia Shah');
  });

  it('takes the clerk’s other steps: papers sent, a meeting cancelled with a reason, a decision recorded', async () => {
    const { el, tracker } = await meetings();
    expect(stepButtons(el, 'm-dec')).to.deep.equal([
      'Mark the papers as sent', 'Move the meeting', 'Cancel the meeting', 'Record a report as received', 'Record apologies', 'Record a question',
    ]);
    // Not before its date: the step is listed with why.
    expect(text(meeting(el, 'm-dec').querySelector('.cannot'))).to.contain('Record that it was held: This meeting is on 2026-12-10: it cannot be recorded as held before then.');
    await pressOn(el, stepButton(el, 'm-dec', 'Mark the papers as sent'), 'Enter');
    await confirm(el);
    expect(tracker.getMeeting('m-dec')!.state).to.equal('papersOut');
    expect(text(meeting(el, 'm-dec').querySelector('.facts .tag'))).to.equal('Papers sent');
    await pressOn(el, stepButton(el, 'm-feb', 'Cancel the meeting'), 'Enter');
    await confirm(el);
    expect(text($(el, '[part="error-summary"]'))).to.equal('There is a problem Enter the reason');
    await type(el, 'reason', 'The hall is being repaired.');
    await confirm(el);
    expect(tracker.getMeeting('m-feb')!.state).to.equal('cancelled');
    expect(text(meeting(el, 'm-feb'))).to.contain('Cancelled: The hall is being repaired.');
    await pressOn(el, stepButton(el, 'm-jul', 'Record a decision'), 'Enter');
    await type(el, 'decision', 'Review the homes report in September.');
    await choose(el, 'action', 'HOM-1');
    await confirm(el);
    expect(tracker.getMeeting('m-jul')!.decisions).to.deep.include({ id: 'd-1', decision: 'Review the homes report in September.', action: 'HOM-1', on: '2026-11-25', by: 'cara-dunn' });
    await expectNoAxeViolations(el);
  });

  it('lets a working-group lead record only their own group’s report, and says what else they cannot do and why', async () => {
    const { el, tracker } = await meetings({ actor: boardPeople.lead });
    expect(stepButtons(el, 'm-dec')).to.deep.equal(['Record a report as received']);
    await pressOn(el, stepButton(el, 'm-dec', 'Record a report as received'), 'Enter');
    expect([...($(el, 'select[name="workstream"]') as HTMLSelectElement).options].map((o) => o.value)).to.deep.equal(['', 'ete']);
    await choose(el, 'workstream', 'ete');
    await type(el, 'summary', 'Tutoring reached forty young people this term.');
    await confirm(el);
    expect(tracker.getMeeting('m-dec')!.received.map((r) => r.workstream)).to.deep.equal(['homes', 'ete']);
    expect(text($(el, '[part="next"] .outstanding'))).to.equal('');
    expect(text($(el, '[part="not-yours"] summary'))).to.match(/other steps that your role does not take, and why$/);
    expect(text($(el, '[part="not-yours"]'))).to.contain('Cancel the meeting: A working-group lead cannot cancel meetings.');
    // The homes report of July is not theirs: the step is not offered there.
    expect(stepButtons(el, 'm-jul')).to.deep.equal([]);
    await expectNoAxeViolations(el);
  });

  it('works from the keyboard alone: Tab to a step, Enter opens its form, Cancel goes back to the button', async () => {
    const { el } = await meetings();
    const button = stepButton(el, 'm-dec', 'Record a question');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(activeIn(el)).to.equal($(el, 'textarea[name="question"]'));
    await sendKeys({ type: 'Who checks the new lodgings?' });
    await sendKeys({ press: 'Tab' });
    expect(text(activeIn(el))).to.equal('Confirm');
    await sendKeys({ press: 'Tab' });
    expect(text(activeIn(el))).to.equal('Cancel');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($(el, '[part="step-form"]')).to.equal(null);
    expect(activeIn(el)).to.equal(stepButton(el, 'm-dec', 'Record a question'));
    stepButton(el, 'm-dec', 'Record a question').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await sendKeys({ type: 'Who checks the new lodgings?' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(text(meeting(el, 'm-dec').querySelector('[part="result"]'))).to.equal('Done: Record a question (Board meeting, 10 December 2026).');
    expect(el.tracker!.getMeeting('m-dec')!.questions.map((q) => q.id)).to.deep.equal(['q-1', 'q-2']);
  });

  it('says why the tracker refused a step, where the form is, and keeps what was typed', async () => {
    const { el } = await meetings();
    // Moving a meeting to the day it is already on: the tracker says so.
    await pressOn(el, stepButton(el, 'm-dec', 'Move the meeting'), 'Enter');
    await type(el, 'date', '2026-12-10');
    await type(el, 'reason', 'The chair asked.');
    await confirm(el);
    const refusal = meeting(el, 'm-dec').querySelector('.refusal')!;
    expect(text(refusal)).to.contain('The meeting is already on 2026-12-10.');
    expect(activeIn(el)).to.equal(refusal);
    expect(($(el, 'textarea[name="reason"]') as HTMLTextAreaElement).value).to.equal('The chair asked.');
    await expectNoAxeViolations(el);
  });

  it('leaves the steps out when printed, and takes its words from the host', async () => {
    const { el } = await meetings({ attrs: 'heading-level="3"' });
    expect($(el, '[part="title"]')!.tagName).to.equal('H3');
    expect($(el, '[part="meeting-title"]')!.tagName).to.equal('H5');
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle($(el, '[part="steps"]')!).display).to.equal('none');
    await emulateMedia({ media: 'screen' });
    el.messages = { meetingsTitle: 'Our board', quorate: 'Enough agencies', itemStates: { held: 'Met' } };
    await el.updateComplete;
    expect(text($(el, '[part="title"]'))).to.equal('Our board');
    expect(text(meeting(el, 'm-oct').querySelector('.quorum .tag'))).to.equal('Enough agencies');
    expect(text(meeting(el, 'm-oct').querySelector('.facts .tag'))).to.equal('Met');
  });

  it('fits a 320px column (400% zoom) without the page scrolling sideways: the tables scroll in their own region', async () => {
    await setViewport({ width: 320, height: 640 });
    const { el } = await meetings();
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
    await expectNoAxeViolations(el);
  });

  it('is a view of <pledge-tracker>, with its own tab and link', async () => {
    history.replaceState(null, '', location.pathname);
    const el = await mount<PledgeTracker>('<pledge-tracker></pledge-tracker>', (e) =>
      Object.assign(e, { tracker: boardTracker(), actor: boardPeople.clerk, today: BOARD_TODAY }));
    const tab = $(el, 'nav button[data-view="meetings"]') as HTMLButtonElement;
    expect(text(tab)).to.equal('Board meetings');
    await pressOn(el, tab, 'Enter');
    await el.updateComplete;
    expect(location.hash).to.equal('#pledge/meetings');
    const view = $(el, 'pledge-meetings') as PledgeMeetings;
    await view.updateComplete;
    expect(text($(view, '[part="title"]'))).to.equal('Board meetings');
    expect($(view, '[part="title"]')!.tagName).to.equal('H3');
    await expectNoAxeViolations(el);
    history.replaceState(null, '', location.pathname);
  });
});
