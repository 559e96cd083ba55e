// Shared helpers for the elements' browser tests.
import 'axe-core';
import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';

declare global {
  interface Window {
    axe: typeof import('axe-core');
  }
}

/** WCAG 2.2 AA, as the Public Sector Bodies Accessibility Regulations require. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Puts `markup` into a fresh container in the page and waits for the first element to render. */
export async function mount<T extends HTMLElement>(markup: string, setup?: (el: T) => void): Promise<T> {
  const host = document.createElement('div');
  document.body.replaceChildren(host);
  host.innerHTML = markup;
  const el = host.firstElementChild as T;
  setup?.(el);
  await (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return el;
}

/** Runs axe on `el` (shadow roots included) and fails with every violation, described. */
export async function expectNoAxeViolations(el: Element): Promise<void> {
  const results = await window.axe.run(el, { runOnly: { type: 'tag', values: AXE_TAGS } });
  const described = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(described, described.join('\n')).to.deep.equal([]);
}

/** The first match for `selector` in `el`'s shadow root (null at run time when there is none). */
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string): T => el.shadowRoot!.querySelector<T>(selector)!;

/** Every match for `selector` in `el`'s shadow root. */
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string): T[] => [...el.shadowRoot!.querySelectorAll<T>(selector)];

/** What has keyboard focus inside `el`'s shadow root. */
export const activeIn = (el: Element): HTMLElement | null => el.shadowRoot!.activeElement as HTMLElement | null;

/** Puts keyboard focus on `target` (as Tab would), presses `key` on the real keyboard, and waits for `host` to update. */
export async function pressOn(host: { updateComplete: Promise<unknown> }, target: HTMLElement, key: string): Promise<void> {
  target.focus();
  await sendKeys({ press: key });
  await host.updateComplete;
}
