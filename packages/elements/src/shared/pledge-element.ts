import { LitElement } from 'lit';
import { todayInLondon, type Actor, type Tracker } from '@pledgeflow/core';
import { mergeMessages, type MessageOverrides, type Messages } from './messages.js';
import { TrackerController } from './tracker-controller.js';

/**
 * What every `<pledge-...>` element shares: the tracker it shows, the signed-in person,
 * the day it counts from (`today`, YYYY-MM-DD; UK today by default) and its words.
 */
export class PledgeElement extends LitElement {
  static override properties = {
    tracker: { attribute: false },
    actor: { attribute: false },
    today: { type: String, reflect: true },
    messages: { attribute: false },
  };

  /** The tracker to show. `<pledge-tracker>` sets it on the elements it renders. */
  declare tracker: Tracker | undefined;
  /** The signed-in person, set by the host page: `{ userId, agencyId, role }`. */
  declare actor: Actor | undefined;
  /** The day to count from, YYYY-MM-DD. Defaults to today's date in the UK. */
  declare today: string | undefined;
  /** Words to override (`{ overdueOnly: 'Late only' }`). */
  declare messages: MessageOverrides | undefined;

  protected readonly trackerController = new TrackerController(this, () => this.watchedStreams());

  /** Items whose changes re-render this element; undefined means every change. */
  protected watchedStreams(): readonly string[] | undefined {
    return undefined;
  }

  protected get m(): Messages {
    return mergeMessages(this.messages);
  }

  protected get day(): string {
    return this.today && /^\d{4}-\d{2}-\d{2}$/.test(this.today) ? this.today : todayInLondon(new Date());
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    if (changed.has('tracker')) this.trackerController.tracker = this.tracker;
  }
}
