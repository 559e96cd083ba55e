import type { ActionContext } from '../machines/action.context.js';
import type { PromiseContext } from '../machines/promise.lifecycle.js';
import type { ActionItem, Plan, PledgePromise } from '../schema/plan.js';
import { reportLine, sharedText } from '../items/report-line.js';
import { stateOf, type ActionView, type ItemView, type PromiseView } from '../items/views.js';
import type { Entry } from './entry.js';

/**
 * An item as it stands: what the plan says of it, with what its events made of it. Frozen,
 * and made once per change; an action's day-independent report facts are worked out with
 * it, so a report reads them rather than every view's evidence and due-date changes.
 */
export function viewOf(plan: Plan, entry: Entry): ItemView {
  const covered = entry.covered;
  const updatedAt = covered ? covered.updatedAt : entry.events.at(-1)?.at;
  const eventCount = covered ? covered.eventCount - (covered.refused?.length ?? 0) : entry.events.length;
  const common = { state: stateOf(entry.snapshot), eventCount, ...(updatedAt ? { updatedAt } : {}) };
  if (entry.kind.kind === 'action') {
    const { id: _, ...context } = entry.snapshot.context as ActionContext;
    const { owner: __, dueDate: ___, reviewDate: ____, ...item } = entry.item as ActionItem;
    const view = Object.freeze({ ...item, ...context, ...common, kind: 'action' }) as ActionView;
    reportLine(view, sharedText(plan));
    return view;
  }
  const { id: _, ...context } = entry.snapshot.context as PromiseContext;
  const { owner: __, reviewDate: ___, ...item } = entry.item as PledgePromise;
  return Object.freeze({ ...item, ...context, ...common, kind: 'promise' }) as PromiseView;
}
