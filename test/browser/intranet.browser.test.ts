// The example intranet page (examples/intranet/): its markup works under the strict Content
// Security Policy that scripts/serve.js sends, and its tracker loads the example plan and
// event log, for each person in the switcher and in every view, with no console errors.
// The elements come from source here; `npm start` serves the same page with the built bundle.
import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import type { PledgeTracker } from '@pledgeflow/elements';
import '@pledgeflow/elements/define.js';

const PAGE = '/examples/intranet/';

async function pageMarkup(): Promise<Document> {
  const response = await fetch(`${PAGE}index.html`);
  expect(response.ok, `${PAGE}index.html: HTTP ${response.status}`).to.equal(true);
  return new DOMParser().parseFromString(await response.text(), 'text/html');
}

function watchConsole() {
  const problems: string[] = [];
  const original = { error: console.error, warn: console.warn };
  console.error = (...args: unknown[]) => {
    problems.push(`console.error: ${args.map(String).join(' ')}`);
    original.error.apply(console, args);
  };
  console.warn = (...args: unknown[]) => {
    problems.push(`console.warn: ${args.map(String).join(' ')}`);
    original.warn.apply(console, args);
  };
  const onError = (e: ErrorEvent) => problems.push(`error: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) => problems.push(`unhandled rejection: ${String(e.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    problems,
    stop() {
      Object.assign(console, original);
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

describe('the example intranet page', () => {
  it('has no inline scripts, styles or event handlers, so it works under script-src and style-src self', async () => {
    const doc = await pageMarkup();
    // The test server adds its own web-socket script to every page it serves: not the page's.
    const scripts = [...doc.querySelectorAll('script')].filter((s) => !s.getAttribute('src')?.startsWith('/__web-dev-server'));
    for (const script of scripts) {
      expect(script.getAttribute('src'), 'every script is a file').to.be.a('string').and.not.equal('');
      expect(script.textContent!.trim(), 'no inline script').to.equal('');
    }
    expect(doc.querySelectorAll('style'), 'no <style> elements').to.have.length(0);
    const inline = [...doc.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].filter((a) => a.name === 'style' || a.name.startsWith('on')).map((a) => `${el.localName}[${a.name}]`),
    );
    expect(inline, 'no style or on* attributes').to.deep.equal([]);
    const srcs = scripts.map((s) => s.getAttribute('src'));
    expect(srcs).to.deep.equal(['../../packages/elements/dist/pledgeflow.js', 'dist/app.js']);
  });

  it('loads the example plan in its tracker for each person in the switcher and every view, with no console errors', async () => {
    const watch = watchConsole();
    try {
      const doc = await pageMarkup();
      const main = doc.querySelector('main')!;
      // The page's relative URLs are relative to the page, not to this test.
      const tracker = main.querySelector('pledge-tracker')!;
      for (const attr of ['data-plan', 'data-events']) tracker.setAttribute(attr, new URL(tracker.getAttribute(attr)!, new URL(PAGE, location.href)).pathname);
      document.body.replaceChildren(document.importNode(main, true));
      await deleteDatabase('pledgeflow-eastmere-2026-28');

      const el = document.querySelector<PledgeTracker>('pledge-tracker')!;
      // The page's script opens the plan on IndexedDB, seeded from the example log, and wires the switcher.
      const app = await import('../../examples/intranet/app.js');
      await app.ready;
      await customElements.whenDefined('pledge-tracker');
      await el.updateComplete;

      expect(document.querySelector('#storage-status')!.textContent).to.contain('kept in this browser');
      expect(el.tracker!.plan.id).to.equal('eastmere-2026-28');
      expect(el.tracker!.rejected, 'every event in the example log fits the plan').to.deep.equal([]);
      expect(el.shadowRoot!.querySelectorAll('[part="problems"]')).to.have.length(0);

      const select = document.querySelector<HTMLSelectElement>('#person')!;
      const roles = [...select.options].map((o) => o.dataset['role']);
      expect(roles).to.deep.equal(['working-group-lead', 'partner-contributor', 'board-member', 'scrutiny']);
      for (const option of select.options) {
        expect(option.disabled, `${option.value} is a person in the example plan`).to.equal(false);
        select.value = option.value;
        select.dispatchEvent(new Event('change'));
        await el.updateComplete;
        expect(el.actor).to.deep.equal({ userId: option.value, agencyId: option.dataset['agency'], role: option.dataset['role'] });
        const person = el.tracker!.plan.people.find((p) => p.id === option.value)!;
        expect(person.agency, `${option.value}'s agency`).to.equal(option.dataset['agency']);
        expect(person.role, `${option.value}'s role`).to.equal(option.dataset['role']);
        expect(el.shadowRoot!.querySelector('.signed-in')!.textContent).to.contain(person.name);
        expect(document.querySelector('#person-can')!.textContent).to.equal(option.dataset['can']);

        for (const button of el.shadowRoot!.querySelectorAll<HTMLButtonElement>('nav button')) {
          button.click();
          await el.updateComplete;
          const view = el.shadowRoot!.querySelector('[part="view"]')!.firstElementChild as (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
          await view?.updateComplete;
          expect(view?.shadowRoot?.childElementCount, `${button.dataset['view']} view renders for ${option.value}`).to.be.above(0);
        }
        // One action, as this person sees it.
        el.view = 'actions';
        el.actionId = 'ETE-04';
        await el.updateComplete;
        const action = el.shadowRoot!.querySelector('pledge-action') as HTMLElement & { updateComplete: Promise<unknown> };
        await action.updateComplete;
        expect(action.shadowRoot!.textContent).to.contain('Guaranteed interview');
        el.actionId = undefined;
        await el.updateComplete;
      }
      expect(watch.problems).to.deep.equal([]);
    } finally {
      watch.stop();
    }
  });

  it('offers the child-friendly promises view with a labelled checkbox, from the keyboard', async () => {
    const { setUpChildFriendly } = await import('../../examples/intranet/app.js');
    const doc = await pageMarkup();
    const main = doc.querySelector('main')!;
    main.querySelector('pledge-tracker')!.setAttribute('routing', 'off');
    document.body.replaceChildren(document.importNode(main, true));
    setUpChildFriendly(document);
    const box = document.querySelector<HTMLInputElement>('#child-friendly')!;
    expect(box.labels![0]!.textContent).to.equal('Show the promises as children read them');
    const el = document.querySelector<PledgeTracker>('pledge-tracker')!;
    box.focus();
    await sendKeys({ press: 'Space' });
    expect(box.checked).to.equal(true);
    expect(el.hasAttribute('child-friendly')).to.equal(true);
    await sendKeys({ press: 'Space' });
    expect(el.hasAttribute('child-friendly')).to.equal(false);
  });

  it('keeps a change in the browser: a reload (a fresh start of the page script) shows it', async () => {
    const { startTracker } = await import('../../examples/intranet/app.js');
    const doc = await pageMarkup();
    const main = doc.querySelector('main')!;
    const tracker = main.querySelector('pledge-tracker')!;
    for (const attr of ['data-plan', 'data-events']) tracker.setAttribute(attr, new URL(tracker.getAttribute(attr)!, new URL(PAGE, location.href)).pathname);
    document.body.replaceChildren(document.importNode(main, true));
    await deleteDatabase('pledgeflow-eastmere-2026-28');

    const first = (await startTracker(document))!;
    const ruth = { userId: 'ruth-kendrick', agencyId: 'eastmere-virtual-school', role: 'working-group-lead' } as const;
    const result = first.send({ id: 'example-page-test-1', stream: 'ETE-02', type: 'action.flag-risk', data: { reason: 'Two posts are vacant.' }, actor: ruth, at: '2026-11-25T10:00:00Z' });
    expect(result.ok, JSON.stringify(result)).to.equal(true);
    await (result as { saved: Promise<void> }).saved;

    const again = (await startTracker(document))!;
    expect(again).not.to.equal(first);
    expect(again.getAction('ETE-02')!.state).to.equal('atRisk');
    expect(again.getAction('ETE-02')!.reason).to.equal('Two posts are vacant.');
    await deleteDatabase('pledgeflow-eastmere-2026-28');
  });
});
