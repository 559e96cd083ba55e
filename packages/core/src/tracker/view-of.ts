import type { ActionContext } from '../machines/action.context.js';
import type { PromiseContext } from '../machines/promise.lifecycle.js';
import type { ActionItem, PledgePromise } from '../schema/plan.js';
import { stateOf, type ActionView, type ItemView, type PromiseView } from '../items/views.js';
import type { Entry } from './item-log.js';

/** An item as it stands: what the plan says of it, with what its events made of it. Frozen. */
export function viewOf(entry: Entry): ItemView {
  const covered = entry.covered;
  const updatedAt = covered ? covered.updatedAt : entry.events.at(-1)?.at;
  const eventCount = covered ? covered.eventCount - (covered.refused?.length ?? 0) : entry.events.length;
  const common = { state: stateOf(entry.snapshot), eventCount, ...(updatedAt ? { updatedAt } : {}) };
  if (entry.kind.kind === 'action') {
    const { id: _, ...context } = entry.snapshot.context as ActionContext;
    const { owner: __, dueDate: ___, reviewDate: ____, ...item } = entry.item as ActionItem;
    return Object.freeze({ ...item, ...context, ...common, kind: 'action' }) as ActionView;
  }
  const { id: _, ...context } = entry.snapshot.context as PromiseContext;
  const { owner: __, reviewDate: ___, ...item } = entry.item as PledgePromise;
  return Object.freeze({ ...item, ...context, ...common, kind: 'promise' }) as PromiseView;
}
