import { expect } from '@esm-bundle/chai';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { Actor, Tracker } from '@pledgeflow/core';
import type { PledgeRecommendations, PledgeStepEvent, PledgeTracker } from '@pledgeflow/elements';
import '@pledgeflow/elements/define.js';
import { activeIn, expectNoAxeViolations, mount, pressOn } from './helpers.js';
import { $, $$, text } from './shadow-query.js';
import { BOARD_TODAY, boardClock, boardPeople, boardTracker } from './board-fixture.js';

async function recommendations(options: { tracker?: Tracker; actor?: Actor | undefined } = {}) {
  const tracker = options.tracker ?? boardTracker();
  const el = await mount<PledgeRecommendations>('<pledge-recommendations></pledge-recommendations>', (e) => {
    e.tracker = tracker;
    e.actor = 'actor' in options ? options.actor : boardPeople.cabinet;
    e.today = BOARD_TODAY;
    e.now = boardClock();
  });
  return { el, tracker };
}

const row = (el: Element, id: string) => [...$(el, `tr[data-recommendation="${id}"]`)!.children].map(text);
const steps = (el: Element, id: string) => $(el, `[part="steps"][data-stream="${id}"]`);
const buttons = (el: Element, id: string) => [...(steps(el, id)?.querySelectorAll('button[part="step-button"]') ?? [])].map(text);
const button = (el: Element, id: string, label: string) =>
  [...steps(el, id)!.querySelectorAll<HTMLButtonElement>('button[part="step-button"]')].find((b) => text(b) === label)!;
/** Presses Confirm from the keyboard, once the form has taken focus (its first field is focused after it renders). */
const confirm = async (el: PledgeRecommendations) => {
  await el.updateComplete;
  await new Promise((r) => setTimeout(r));
  await pressOn(el, [...$$(el, '[part="step-form"] button')].find((b) => text(b) === 'Confirm')!, 'Enter');
};
const type = async (el: PledgeRecommendations, name: string, value: string) => {
  const field = $(el, `[name="${name}"]`) as HTMLTextAreaElement;
  field.value = value;
  field.dispatchEvent(new Event('input'));
  await el.updateComplete;
};
const pick = async (el: PledgeRecommendations, value: string) => {
  $(el, `input[name="response"][value="${value}"]`)!.click();
  await el.updateComplete;
};

describe('<pledge-recommendations>', () => {
  afterEach(() => emulateMedia({ media: 'screen' }));

  it('has no axe violations, and shows each recommendation by review with its stage, response, due date and actions, in words', async () => {
    const { el } = await recommendations({ actor: boardPeople.scrutiny });
    await expectNoAxeViolations(el);
    expect(text($(el, '[part="title"]'))).to.equal('Scrutiny recommendations');
    expect(text($(el, '.board'))).to.equal('Children and Families Scrutiny Committee');
    expect(text($(el, '[part="review"] [part="section-title"]'))).to.equal('Review of homes for care leavers');
    expect(text($(el, '[part="table"] caption'))).to.equal('Review of homes for care leavers: recommendations');
    expect(row(el, 'rec-1')).to.deep.equal(['1', 'Publish the local offer for care leavers in plain words.', 'Awaiting response', 'No response yet',
      'Overdue: was due 1 July 2026, 147 days ago', 'No actions linked']);
    expect(row(el, 'rec-2').slice(2)).to.deep.equal(['Accepted', 'Accepted on 20 June 2026', 'Answered', 'Planned moves protocol (Completed)']);
    expect(row(el, 'rec-3').slice(2, 4)).to.deep.equal(['Rejected', 'Rejected on 20 June 2026: No provider can open a scheme before next year.']);
    expect(row(el, 'rec-4').slice(2)).to.deep.equal(['In progress', 'Partly accepted on 20 June 2026: Emergency nights stay possible.', 'Answered', 'No care leaver in bed and breakfast (At risk)']);
    expect(row(el, 'rec-5')[2]).to.equal('Signed off Signed off on 20 September 2026');
    expect(row(el, 'rec-6')[4]).to.equal('Due 20 December 2026');
    expect(text($(el, 'tr[data-recommendation="rec-1"] .due .tag'))).to.match(/^Overdue/);
  });

  it('says what needs attention: responses overdue, awaiting sign-off, rejected with the reasons', async () => {
    const { el } = await recommendations({ actor: boardPeople.scrutiny });
    expect(text($(el, '[part="summary"]'))).to.equal('1 response overdue; 1 recommendation awaiting the committee’s sign-off; 1 recommendation rejected.');
    expect($$(el, '[part="overdue"] li').map((li) => li.dataset['recommendation'])).to.deep.equal(['rec-1']);
    expect(text($(el, '[part="overdue"] li'))).to.contain('Recommendation 1: Publish the local offer');
    expect($$(el, '[part="awaiting"] li').map((li) => li.dataset['recommendation'])).to.deep.equal(['rec-2']);
    expect(text($(el, '[part="rejected"] li'))).to.contain('Rejected on 20 June 2026: No provider can open a scheme before next year. (the committee has not yet signed this off)');
  });

  it('lets the executive respond, with the reason asked for beside the field when it rejects, and announces it', async () => {
    const { el, tracker } = await recommendations();
    const fired: PledgeStepEvent[] = [];
    el.addEventListener('pledge-step', (e) => fired.push(e));
    expect(buttons(el, 'rec-1')).to.deep.equal(['Respond']);
    expect(buttons(el, 'rec-2')).to.deep.equal(['Start delivering it', 'Record progress', 'Mark as implemented']);
    expect(steps(el, 'rec-5')).to.equal(null);
    await pressOn(el, button(el, 'rec-1', 'Respond'), 'Enter');
    expect(text($(el, '[part="step-form-title"]'))).to.equal('Respond: Recommendation 1');
    expect(activeIn(el)).to.equal($(el, 'input[name="response"]'));
    await confirm(el);
    expect(text($(el, '[part="error-summary"]'))).to.equal('There is a problem Choose the response');
    await expectNoAxeViolations(el);
    await pick(el, 'rejected');
    await confirm(el);
    expect(text($(el, '[part="error-summary"]'))).to.equal('There is a problem Enter the reason for partly accepting or rejecting it');
    expect(text($(el, '#item-step-reason-error'))).to.equal('Error: Enter the reason for partly accepting or rejecting it');
    expect(($(el, 'input[value="rejected"]') as HTMLInputElement).checked).to.equal(true);
    await type(el, 'reason', 'The offer is already published in plain words.');
    await confirm(el);
    expect(tracker.getRecommendation('rec-1')!.state).to.equal('rejected');
    expect(fired.map((e) => e.step)).to.deep.equal([{ stream: 'rec-1', type: 'recommendation.respond', data: { response: 'rejected', reason: 'The offer is already published in plain words.' } }]);
    const result = steps(el, 'rec-1')!.querySelector('[part="result"]')!;
    expect(text(result)).to.equal('Done: Respond (Recommendation 1).');
    expect(activeIn(el)).to.equal(result);
    expect(row(el, 'rec-1').slice(2, 5)).to.deep.equal(['Rejected', 'Rejected on 25 November 2026: The offer is already published in plain words.', 'Answered']);
    expect($$(el, '[part="overdue"] li')).to.have.length(0);
    await expectNoAxeViolations(el);
  });

  it('lets the executive deliver a recommendation and the committee sign it off or reopen it with a reason', async () => {
    const tracker = boardTracker();
    const { el } = await recommendations({ tracker });
    await pressOn(el, button(el, 'rec-2', 'Mark as implemented'), 'Enter');
    await confirm(el);
    expect(tracker.getRecommendation('rec-2')!.state).to.equal('implemented');
    const { el: committee } = await recommendations({ tracker, actor: boardPeople.scrutiny });
    expect(buttons(committee, 'rec-2')).to.deep.equal(['Sign it off', 'Reopen it']);
    expect(buttons(committee, 'rec-3')).to.deep.equal(['Sign it off', 'Reopen it']);
    expect(steps(committee, 'rec-1')).to.equal(null);
    await pressOn(committee, button(committee, 'rec-3', 'Reopen it'), 'Enter');
    await confirm(committee);
    expect(text($(committee, '[part="error-summary"]'))).to.equal('There is a problem Enter the reason');
    await type(committee, 'reason', 'The panel asks again for a date next year.');
    await confirm(committee);
    expect(tracker.getRecommendation('rec-3')!.state).to.equal('reopened');
    expect(row(committee, 'rec-3')[2]).to.equal('Reopened Reopened on 25 November 2026: The panel asks again for a date next year.');
    expect(row(committee, 'rec-3')[4]).to.equal('Due 25 January 2027');
    await pressOn(committee, button(committee, 'rec-2', 'Sign it off'), 'Enter');
    await confirm(committee);
    expect(tracker.getRecommendation('rec-2')!.state).to.equal('signedOff');
    await expectNoAxeViolations(committee);
  });

  it('is read-only for everyone else, and says why', async () => {
    const { el } = await recommendations({ actor: boardPeople.board });
    await expectNoAxeViolations(el);
    expect($$(el, 'button[part="step-button"]')).to.have.length(0);
    expect(text($(el, '[part="not-yours"]'))).to.contain('A board member cannot respond to a scrutiny recommendation.');
    const { el: signedOut } = await recommendations({ actor: undefined });
    expect(text($(signedOut, '.signed-out'))).to.equal('You are not signed in, so you can look but not change anything.');
  });

  it('works from the keyboard alone: arrow keys choose the response, Tab and Enter send it', async () => {
    const { el, tracker } = await recommendations();
    button(el, 'rec-6', 'Respond').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect((activeIn(el) as HTMLInputElement).value).to.equal('accepted');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect((activeIn(el) as HTMLInputElement).value).to.equal('partly-accepted');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Providers will be asked to include care leavers where they can.' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(tracker.getRecommendation('rec-6')!.state).to.equal('partlyAccepted');
    expect(text(steps(el, 'rec-6')!.querySelector('[part="result"]'))).to.equal('Done: Respond (Recommendation 6).');
  });

  it('leaves the steps out when printed, and is a view of <pledge-tracker>', async () => {
    const { el } = await recommendations();
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle(steps(el, 'rec-1')!).display).to.equal('none');
    await emulateMedia({ media: 'screen' });
    history.replaceState(null, '', location.pathname);
    const tracker = await mount<PledgeTracker>('<pledge-tracker></pledge-tracker>', (e) =>
      Object.assign(e, { tracker: boardTracker(), actor: boardPeople.scrutiny, today: BOARD_TODAY }));
    const tab = $(tracker, 'nav button[data-view="recommendations"]') as HTMLButtonElement;
    expect(text(tab)).to.equal('Recommendations');
    await pressOn(tracker, tab, 'Enter');
    expect(location.hash).to.equal('#pledge/recommendations');
    const view = $(tracker, 'pledge-recommendations') as PledgeRecommendations;
    await view.updateComplete;
    expect(text($(view, '[part="title"]'))).to.equal('Scrutiny recommendations');
    await expectNoAxeViolations(tracker);
    history.replaceState(null, '', location.pathname);
  });
});
