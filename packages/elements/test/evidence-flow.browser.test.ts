// The whole evidence journey, driven through the elements with the keyboard as people would:
// a partner agency adds evidence, the working-group lead accepts it, the owner completes the
// action, and a board member (a different person) verifies it.
import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import type { PledgeAction, PledgeEvidenceForm, PledgeStepEvent } from '@pledgeflow/elements';
import '@pledgeflow/elements/define.js';
import { $, $$, expectNoAxeViolations, mount, pressOn } from './helpers.js';
import { fixtureTracker, people, TODAY } from './plan-fixture.js';


const byText = (el: Element, selector: string, text: string) =>
  $$<HTMLButtonElement>(el, selector).find((b) => b.textContent!.trim() === text);

describe('evidence from a partner agency to a verified action', () => {
  beforeEach(() => sessionStorage.clear());

  it('is added, accepted, completed and verified by four different people', async () => {
    const tracker = fixtureTracker();
    const steps: PledgeStepEvent[] = [];
    const collect = (e: PledgeStepEvent) => steps.push(e);
    document.body.addEventListener('pledge-step', collect);
    after(() => document.body.removeEventListener('pledge-step', collect));
    let minute = 0;
    const now = () => new Date(Date.UTC(2026, 10, 25, 10, minute++));

    // 1. Pat Cole, of the college (a partner on ETE-1), adds evidence with the form.
    const form = await mount<PledgeEvidenceForm>('<pledge-evidence-form action-id="ETE-1"></pledge-evidence-form>', (e) => {
      Object.assign(e, { tracker, actor: people.partner, today: TODAY, now });
    });
    await expectNoAxeViolations(form);
    $(form, '#summary').focus();
    await sendKeys({ type: 'Weekly tutoring ran in six schools from September; 41 young people took part.' });
    for (const [part, value] of [['day', '20'], ['month', '11'], ['year', '2026']]) {
      $(form, `#date-${part}`).focus();
      await sendKeys({ type: value! });
    }
    await pressOn(form, byText(form, 'button', 'Submit evidence')!, 'Enter');
    expect($(form, '[part="result"]').textContent).to.contain('Your evidence was submitted');
    const evidenceId = (steps[0]!.event!.data as { evidenceId: string }).evidenceId;
    expect(tracker.getAction('ETE-1')!.evidence[0]).to.include({ id: evidenceId, status: 'submitted', submittedBy: 'pat-cole', agencyId: 'college' });

    // 2. Lena Ward, who leads the working group, accepts it in <pledge-action>.
    const action = await mount<PledgeAction>('<pledge-action action-id="ETE-1"></pledge-action>', (e) => {
      Object.assign(e, { tracker, actor: people.lead, today: TODAY, now });
    });
    expect($(action, '[part="evidence"]').textContent).to.contain('Waiting to be checked');
    await pressOn(action, byText(action, 'button[part="step-button"]', 'Accept evidence')!, 'Enter');
    const radio = $<HTMLInputElement>(action, 'input[type="radio"]');
    await pressOn(action, radio, 'Space');
    expect(radio.checked).to.equal(true);
    await pressOn(action, byText(action, '[part="step-form"] button', 'Confirm')!, 'Enter');
    expect($(action, '[part="result"]').textContent).to.contain('Done: Accept evidence.');
    expect($(action, '[part="evidence"]').textContent).to.contain('Accepted');
    await expectNoAxeViolations(action);

    // 3. Omar Bell, the owner, signs in on the same page and marks the action complete.
    action.actor = people.owner;
    await action.updateComplete;
    await pressOn(action, byText(action, 'button[part="step-button"]', 'Mark as complete')!, 'Enter');
    $(action, '#step-note').focus();
    await sendKeys({ type: 'All six schools now run it.' });
    await pressOn(action, byText(action, '[part="step-form"] button', 'Confirm')!, 'Enter');
    expect(tracker.getAction('ETE-1')!.state).to.equal('completed');
    // The owner may not verify their own work, and the page says why.
    expect(byText(action, 'button[part="step-button"]', 'Verify it is complete')).to.equal(undefined);
    expect($(action, '.cannot').textContent).to.contain('An action owner cannot verify completed actions.');

    // 4. Bea Fox, a board member, verifies it.
    action.actor = people.board;
    await action.updateComplete;
    await pressOn(action, byText(action, 'button[part="step-button"]', 'Verify it is complete')!, 'Enter');
    await pressOn(action, byText(action, '[part="step-form"] button', 'Confirm')!, 'Enter');
    expect(tracker.getAction('ETE-1')!.state).to.equal('verified');
    expect($(action, 'pledge-status').getAttribute('status')).to.equal('blue');
    await expectNoAxeViolations(action);

    expect(steps.map((s) => [s.event!.type, s.event!.actor.userId, s.result.ok])).to.deep.equal([
      ['action.evidence.add', 'pat-cole', true],
      ['action.evidence.accept', 'lena-ward', true],
      ['action.complete', 'omar-bell', true],
      ['action.verify', 'bea-fox', true],
    ]);
    const history = $$(action, '[part="history"] li').slice(-4).map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(history[0]).to.contain('Pat Cole (Fixture College) added evidence');
    expect(history[1]).to.contain('Lena Ward (Children\'s Services) accepted evidence');
    expect(history[2]).to.contain('Omar Bell (Virtual School) marked the action complete');
    expect(history[2]).to.contain('All six schools now run it.');
    expect(history[3]).to.contain('Bea Fox (Children\'s Services) verified that the action is complete');
  });
});
