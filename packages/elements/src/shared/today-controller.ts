import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { addDays, startOfLondonDay, todayInLondon } from '@pledgeflow/core';

/**
 * Re-renders its host when the UK day changes: at midnight, and when the page is shown
 * again (an intranet tab left open overnight, a laptop that slept). Hosts that were given a
 * fixed `today` can ignore it: a re-render then changes nothing.
 */
export class TodayController implements ReactiveController {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #day = '';

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  #check = () => {
    const day = todayInLondon(new Date());
    if (day !== this.#day) {
      this.#day = day;
      this.host.requestUpdate();
    }
  };

  #schedule() {
    clearTimeout(this.#timer);
    const next = startOfLondonDay(addDays(todayInLondon(new Date()), 1));
    // Timers drift and stop while a computer sleeps: wake at midnight, or within the hour.
    this.#timer = setTimeout(() => {
      this.#check();
      this.#schedule();
    }, Math.min(Math.max(next - Date.now(), 1000), 3_600_000));
  }

  #onVisible = () => {
    if (document.visibilityState === 'visible') this.#check();
  };

  hostConnected() {
    this.#day = todayInLondon(new Date());
    this.#schedule();
    document.addEventListener('visibilitychange', this.#onVisible);
  }

  hostDisconnected() {
    clearTimeout(this.#timer);
    document.removeEventListener('visibilitychange', this.#onVisible);
  }
}
