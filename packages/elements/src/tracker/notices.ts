import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { deepActiveElement, hostIn } from './focus.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * The tracker's notices (`notify()`): the last three, each until dismissed. Focus that was in
 * the tracker goes back where it was when the last notice is dismissed.
 */
export class TrackerNotices implements ReactiveController {
  list: readonly { id: number; text: string }[] = [];
  #count = 0;
  /** Where focus was before it went into a notice, to go back there when the notice is dismissed. */
  #focusBefore: HTMLElement | undefined;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('focusin', this.#track);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('focusin', this.#track);
  }

  notify(text: string): void {
    this.list = [...this.list, { id: ++this.#count, text }].slice(-3);
    this.host.requestUpdate();
    const active = deepActiveElement();
    if (active && this.host.contains(active.getRootNode() instanceof ShadowRoot ? hostIn(this.host, active) : active)) this.#focusBefore = active;
  }

  async dismiss(id: number): Promise<void> {
    this.list = this.list.filter((n) => n.id !== id);
    this.host.requestUpdate();
    await this.host.updateComplete;
    const next = this.host.renderRoot.querySelector<HTMLButtonElement>('.notices button');
    if (next) next.focus();
    else if (this.#focusBefore?.isConnected) this.#focusBefore.focus({ preventScroll: true });
  }

  /** Remembers the last thing focused in the tracker outside the notices (deep, through the views' shadow roots). */
  #track = (event: FocusEvent) => {
    const target = event.composedPath()[0];
    const notices = this.host.renderRoot.querySelector('.notices');
    if (target instanceof HTMLElement && !notices?.contains(target)) this.#focusBefore = target;
  };
}
