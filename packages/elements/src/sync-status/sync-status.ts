import { LitElement, html } from 'lit';
import { syncStatusText, type Observable, type SyncStatus } from '@pledgeflow/sync';
import { tokens } from '../shared/tokens.styles.js';
import { syncStatusStyles } from './sync-status.styles.js';

/**
 * Says where the person's changes are, in words, and tells screen readers politely when that
 * changes: "Saved", "Sending 3 changes", "Offline: your changes are kept on this computer and
 * will be sent when you are back online", "Could not send: <reason>", "Sign in again".
 * `<pledge-tracker server="...">` shows one; a host page can show its own and give it the
 * tracker's `syncStatus`.
 *
 * @customElement pledge-sync-status
 * @summary Where the person's changes are: saved, sending, offline, could not send, or sign in again.
 * @csspart status - The sentence, in a polite live region.
 * @cssproperty [--pledge-color-border=#b1b4b6] - The line beside the sentence.
 * @cssproperty [--pledge-color-error=#d4351c] - The line beside "Could not send" and "Sign in again".
 * @cssproperty [--pledge-font-family=system-ui, -apple-system, 'Segoe UI', Arial, sans-serif] - The font.
 * @cssproperty [--pledge-font-size=1rem] - The base font size.
 */
export class PledgeSyncStatus extends LitElement {
  static override styles = [tokens, syncStatusStyles];
  static override properties = {
    status: { attribute: false },
    source: { attribute: false },
  };

  /** The status shown; set by `source` when there is one. */
  declare status: SyncStatus | undefined;
  /** A status to follow (`trackerElement.syncStatus`, or a `connect()`'s `status`). */
  declare source: Observable<SyncStatus> | undefined;

  #stop: (() => void) | undefined;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('source')) this.#follow();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.source && !this.#stop) this.#follow();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop?.();
    this.#stop = undefined;
  }

  #follow() {
    this.#stop?.();
    this.#stop = undefined;
    if (!this.source) return;
    this.status = this.source.value;
    this.#stop = this.source.subscribe((status) => (this.status = status));
  }

  override render() {
    const status = this.status;
    // The live region is always in the page, so that a change of its words is announced.
    return html`<p part="status" role="status" aria-live="polite" data-state=${status?.state ?? 'none'}>${status ? syncStatusText(status) : ''}</p>`;
  }
}
