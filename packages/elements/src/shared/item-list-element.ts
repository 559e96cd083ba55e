import type { PropertyValues } from 'lit';
import { ItemStepsController } from './item-steps.js';
import type { Messages } from './messages.js';
import { PledgeElement } from './pledge-element.js';

/**
 * What the list views that take steps on their items share (`<pledge-meetings>`,
 * `<pledge-recommendations>`): a heading level, the clock steps are dated by, and one step
 * form open at a time, closed when the person or the tracker changes.
 */
export class ItemListElement extends PledgeElement {
  static override properties = {
    ...PledgeElement.properties,
    headingLevel: { type: Number, attribute: 'heading-level' },
    now: { attribute: false },
  };

  /** The level of the heading (1 to 6). */
  declare headingLevel: number | undefined;
  /** The clock steps are dated by. A property so that tests and replays can fix it. */
  declare now: () => Date;

  protected readonly steps = new ItemStepsController(this);

  constructor() {
    super();
    this.now = () => new Date();
  }

  /** The messages now, for the step forms. @internal */
  get messagesNow(): Messages {
    return this.m;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A different person or plan starts with no form open.
    if ((changed.has('actor') && changed.get('actor') !== undefined) || (changed.has('tracker') && changed.get('tracker') !== undefined)) this.steps.clear();
  }
}
