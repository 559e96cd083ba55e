import { expect } from '@esm-bundle/chai';
import { defineElement, PledgeStatus } from '@pledgeflow/elements';
import '@pledgeflow/elements/define.js';
import { expectNoAxeViolations, mount } from './helpers.js';

describe('<pledge-status>', () => {
  for (const status of ['red', 'amber', 'green', 'blue', 'grey'] as const) {
    it(`shows a word and a shape beside the colour for ${status}, with no axe violations`, async () => {
      const el = await mount<PledgeStatus>(`<pledge-status status="${status}"></pledge-status>`);
      await expectNoAxeViolations(el);
      const badge = el.shadowRoot!.querySelector('[part="badge"]')!;
      expect(badge.textContent!.trim()).to.equal({ red: 'Overdue', amber: 'At risk', green: 'On track', blue: 'Done', grey: 'Not active' }[status]);
      expect(badge.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
    });
  }

  it('changes its word, shape and colour when the status changes', async () => {
    const el = await mount<PledgeStatus>('<pledge-status status="green"></pledge-status>');
    el.status = 'red';
    await el.updateComplete;
    await expectNoAxeViolations(el);
    const badges = el.shadowRoot!.querySelectorAll('[part="badge"]');
    expect(badges).to.have.length(1);
    expect(badges[0]!.className).to.equal('badge red');
    expect(badges[0]!.textContent!.trim()).to.equal('Overdue');
    expect(badges[0]!.querySelector('svg > polygon')).to.not.equal(null);
  });

  it('treats an unknown status as not active rather than showing nothing', async () => {
    const el = await mount<PledgeStatus>('<pledge-status status="purple"></pledge-status>');
    expect(el.shadowRoot!.textContent!.trim()).to.equal('Not active');
  });

  it('takes its words from the host', async () => {
    const el = await mount<PledgeStatus>('<pledge-status status="red"></pledge-status>');
    el.messages = { brag: { red: 'Late' } };
    await el.updateComplete;
    expect(el.shadowRoot!.textContent!.trim()).to.equal('Late');
  });

  it('registers once: defining the name again does not throw and keeps the first class', () => {
    expect(() => defineElement('pledge-status', class extends PledgeStatus {})).not.to.throw();
    expect(customElements.get('pledge-status')).to.equal(PledgeStatus);
  });

  it('can be registered under another name when a host already uses ours', async () => {
    class Renamed extends PledgeStatus {}
    defineElement('council-rag-badge', Renamed);
    const el = await mount<PledgeStatus>('<council-rag-badge status="green"></council-rag-badge>');
    expect(el.shadowRoot!.textContent!.trim()).to.equal('On track');
  });
});
