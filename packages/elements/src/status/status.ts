import { html, svg, LitElement } from 'lit';
import type { Brag } from '@pledgeflow/core';
import { mergeMessages, type MessageOverrides } from '../shared/messages.js';
import { tokens } from '../shared/tokens.styles.js';
import { statusStyles } from './status.styles.js';

const STATUSES = ['red', 'amber', 'green', 'blue', 'grey'] as const;

// A different shape for each status, so that neither colour nor shape alone carries it.
const SHAPES: Record<Brag, ReturnType<typeof svg>> = {
  red: svg`<polygon points="5,0 11,0 16,5 16,11 11,16 5,16 0,11 0,5" />`,
  amber: svg`<polygon points="8,0 16,16 0,16" />`,
  green: svg`<circle cx="8" cy="8" r="8" />`,
  blue: svg`<path d="M1 8.5 6 13.5 15 3" fill="none" stroke="currentColor" stroke-width="3" />`,
  grey: svg`<rect x="0" y="6" width="16" height="4" />`,
};

/**
 * A BRAG status badge: a word, a shape and a colour, never colour alone.
 *
 * @summary Shows an action's status (Overdue, At risk, On track, Done, Not active).
 * @attr status - One of `red`, `amber`, `green`, `blue`, `grey`.
 * @attr label - Words to show instead of the default for the status.
 * @csspart badge - The badge.
 * @cssproperty --pledge-color-red - Text and border colour for Overdue (and `-background`).
 * @cssproperty --pledge-color-amber - Text and border colour for At risk (and `-background`).
 * @cssproperty --pledge-color-green - Text and border colour for On track (and `-background`).
 * @cssproperty --pledge-color-blue - Text and border colour for Done (and `-background`).
 * @cssproperty --pledge-color-grey - Text and border colour for Not active (and `-background`).
 */
export class PledgeStatus extends LitElement {
  static override styles = [tokens, statusStyles];
  static override properties = {
    status: { type: String, reflect: true },
    label: { type: String },
    messages: { attribute: false },
  };

  declare status: string;
  declare label: string | undefined;
  declare messages: MessageOverrides | undefined;

  constructor() {
    super();
    this.status = 'grey';
  }

  override render() {
    const status: Brag = (STATUSES as readonly string[]).includes(this.status) ? (this.status as Brag) : 'grey';
    const word = this.label ?? mergeMessages(this.messages).brag[status];
    return html`<span class="badge ${status}" part="badge"
      ><svg viewBox="0 0 16 16" aria-hidden="true" fill="currentColor">${SHAPES[status]}</svg>${word}</span
    >`;
  }
}
