// Small helpers for reading what an element rendered in its shadow root, and for building history.
import type { SendResult } from '@pledgeflow/core';

export const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
export const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
/** The text a person reads, spaces collapsed. */
export const text = (node: Node | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Fails the test, with the reasons, when the tracker refused a step the test relies on. */
export function ok(result: SendResult): void {
  if (!result.ok) throw new Error(result.reasons.join(' | '));
}
