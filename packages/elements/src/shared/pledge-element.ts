import { LitElement } from 'lit';
import { todayInLondon, type Actor, type Tracker, type TrackerChange } from '@pledgeflow/core';
import { mergeMessages, type MessageOverrides, type Messages } from './messages.js';
import { TodayController } from './today-controller.js';
import { TrackerController } from './tracker-controller.js';

/**
 * What every `<pledge-...>` element shares: the tracker it shows, the signed-in person,
 * the day it counts from (`today`, YYYY-MM-DD; UK today by default) and its words.
 *
 * @attr today - The day to count from, YYYY-MM-DD (UK today by default).
 * @cssproperty [--pledge-color-text=#0b0c0c] - Text colour.
 * @cssproperty [--pledge-color-secondary-text=#484949] - Hints, captions and dates that have passed.
 * @cssproperty [--pledge-color-background=#ffffff] - Background of fields and selects.
 * @cssproperty [--pledge-color-surface=#f3f2f1] - Background of panels and secondary buttons.
 * @cssproperty [--pledge-color-border=#b1b4b6] - Lines between table rows and around panels.
 * @cssproperty [--pledge-color-link=#1d70b8] - Links and buttons that look like links.
 * @cssproperty [--pledge-color-focus=#ffdd00] - The focus outline.
 * @cssproperty [--pledge-color-focus-text=#0b0c0c] - The dark ring around the focus outline.
 * @cssproperty [--pledge-color-error=#d4351c] - Errors and buttons that warn.
 * @cssproperty [--pledge-color-button=#00703c] - Background of the main buttons.
 * @cssproperty [--pledge-color-button-text=#ffffff] - Text on the main buttons.
 * @cssproperty [--pledge-font-family=system-ui, -apple-system, 'Segoe UI', Arial, sans-serif] - The font.
 * @cssproperty [--pledge-font-size=1rem] - The base font size; everything else is sized in `em`.
 * @cssproperty [--pledge-space=0.75rem] - The unit of spacing.
 * @cssproperty [--pledge-radius=0] - Corner radius of buttons and fields.
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

  protected readonly trackerController = new TrackerController(this, () => this.watchedStreams(), (change) => this.trackerChanged(change));
  /** Moves `day` on at UK midnight when no `today` was given. */
  protected readonly todayController = new TodayController(this);

  /** Items whose changes re-render this element; undefined means every change. */
  protected watchedStreams(): readonly string[] | undefined {
    return undefined;
  }

  /** Hears each change that is about to re-render this element (which items changed). */
  protected trackerChanged(_change: TrackerChange): void {}

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
