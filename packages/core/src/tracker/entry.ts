import type { RejectedEvent } from '../decide/fold.js';
import type { ItemKindDescriptor, PlanItem } from '../items/kinds.js';
import type { ItemSnapshot } from '../items/snapshot.js';
import type { ItemView } from '../items/views.js';
import type { LifecycleSnapshot } from '../machines/lifecycle.js';
import type { PledgeEvent } from '../schema/events.js';

/** One promise or action as the tracker holds it. */
export interface Entry {
  kind: ItemKindDescriptor;
  item: PlanItem;
  snapshot: LifecycleSnapshot;
  /** Its accepted events, in canonical order. */
  events: PledgeEvent[];
  /** Events of this item that the log holds but the fold refused, with why. */
  refused: RejectedEvent[];
  /** Its view, until it changes. */
  view?: ItemView;
  /** The snapshot the item was loaded from while the events it covers are not read yet. */
  covered?: ItemSnapshot;
}
