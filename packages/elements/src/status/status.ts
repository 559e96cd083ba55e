import { LitElement } from 'lit';
import type { Brag } from '@pledgeflow/core';
import { mergeMessages, type MessageOverrides } from '../shared/messages.js';
import { tokens } from '../shared/tokens.styles.js';
import { statusStyles } from './status.styles.js';
import { badge, BRAG_STATUSES } from './badge.js';


/**
 * A BRAG status badge: a word, a shape and a colour, never colour alone.
 *
 * @customElement pledge-status
 * @summary Shows an action's status (Overdue, At risk, On track, Done, Not active).
 * @attr status - One of `red`, `amber`, `green`, `blue`, `grey` (the default, also used for anything else).
 * @attr label - Words to show instead of the default for the status.
 * @attr review-overdue - With `amber`: the action is amber only because its review date has passed, so the badge says "Review overdue" with a clock, not "At risk" with a triangle. Its BRAG status is still amber.
 * @csspart badge - The badge.
 * @cssproperty [--pledge-color-red=#942514] - Text, shape and border of Overdue.
 * @cssproperty [--pledge-color-red-background=#f4cdc6] - Background of Overdue.
 * @cssproperty [--pledge-color-amber=#6e3619] - Text, shape and border of At risk.
 * @cssproperty [--pledge-color-amber-background=#fcd6c3] - Background of At risk.
 * @cssproperty [--pledge-color-green=#005a30] - Text, shape and border of On track.
 * @cssproperty [--pledge-color-green-background=#cce2d8] - Background of On track.
 * @cssproperty [--pledge-color-blue=#0c2d4a] - Text, shape and border of Done.
 * @cssproperty [--pledge-color-blue-background=#bbd4ea] - Background of Done.
 * @cssproperty [--pledge-color-grey=#383f43] - Text, shape and border of Not active.
 * @cssproperty [--pledge-color-grey-background=#e5e6e7] - Background of Not active.
 * @cssproperty [--pledge-font-family=system-ui, -apple-system, 'Segoe UI', Arial, sans-serif] - The font.
 * @cssproperty [--pledge-font-size=1rem] - The base font size.
 * @cssproperty [--pledge-radius=0] - Corner radius of the badge.
 */
export class PledgeStatus extends LitElement {
  static override styles = [tokens, ...statusStyles];
  static override properties = {
    status: { type: String, reflect: true },
    label: { type: String },
    reviewOverdue: { type: Boolean, attribute: 'review-overdue' },
    messages: { attribute: false },
  };

  /** The BRAG status shown: `red`, `amber`, `green`, `blue` or `grey`. */
  declare status: string;
  /** Words to show instead of the default for the status. */
  declare label: string | undefined;
  /** Amber only because a review date has passed: "Review overdue", with a clock. */
  declare reviewOverdue: boolean;
  /** Words to override (`{ brag: { red: 'Late' } }`). */
  declare messages: MessageOverrides | undefined;

  constructor() {
    super();
    this.status = 'grey';
    this.reviewOverdue = false;
  }

  override render() {
    const status: Brag = (BRAG_STATUSES as readonly string[]).includes(this.status) ? (this.status as Brag) : 'grey';
    const review = this.reviewOverdue && status === 'amber';
    const m = mergeMessages(this.messages);
    return badge(status, this.label ?? (review ? m.reviewOverdue : m.brag[status] ?? status), 'badge', review);
  }
}
