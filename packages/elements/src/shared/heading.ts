import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/**
 * A heading at `level` (2 when not a whole number from 1 to 6), so that a host can fit an
 * element's headings under its own: `heading-level="3"` on a page whose section is an h2.
 */
export function heading(level: number | undefined, part: string, content: unknown, id?: string): TemplateResult {
  const n = Number.isInteger(level) && level! >= 1 && level! <= 6 ? level! : 2;
  switch (n) {
    case 1: return html`<h1 part=${part} id=${ifDefined(id)}>${content}</h1>`;
    case 3: return html`<h3 part=${part} id=${ifDefined(id)}>${content}</h3>`;
    case 4: return html`<h4 part=${part} id=${ifDefined(id)}>${content}</h4>`;
    case 5: return html`<h5 part=${part} id=${ifDefined(id)}>${content}</h5>`;
    case 6: return html`<h6 part=${part} id=${ifDefined(id)}>${content}</h6>`;
    default: return html`<h2 part=${part} id=${ifDefined(id)}>${content}</h2>`;
  }
}

/** The level one below `level` (a section's heading under the element's title), at most 6. */
export const subLevel = (level: number | undefined): number => Math.min(6, (Number.isInteger(level) && level! >= 1 && level! <= 6 ? level! : 2) + 1);
