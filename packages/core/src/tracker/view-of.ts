import type { ActionContext } from '../machines/action.context.js';
import type { MeetingContext } from '../machines/meeting.lifecycle.js';
import type { PromiseContext } from '../machines/promise.lifecycle.js';
import type { RecommendationContext } from '../machines/recommendation.lifecycle.js';
import type { ActionItem, Meeting, Plan, PledgePromise, Recommendation } from '../schema/plan.js';
import { meetingTitle } from '../schema/titles.js';
import { reportLine, sharedText } from '../items/report-line.js';
import { stateOf, type ActionView, type ItemView, type MeetingView, type PromiseView, type RecommendationView } from '../items/views.js';
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
  if (entry.kind.kind === 'meeting') {
    const { id: _, ...context } = entry.snapshot.context as MeetingContext;
    const { date: __, reports: ___, title: ____, ...item } = entry.item as Meeting;
    return Object.freeze({ ...item, ...context, title: meetingTitle({ date: context.date, title: (entry.item as Meeting).title }), ...common, kind: 'meeting' }) as MeetingView;
  }
  if (entry.kind.kind === 'recommendation') {
    const { id: _, ...context } = entry.snapshot.context as RecommendationContext;
    const { owner: __, madeOn: ___, ...item } = entry.item as Recommendation;
    return Object.freeze({ ...item, ...context, ...common, kind: 'recommendation' }) as RecommendationView;
  }
  const { id: _, ...context } = entry.snapshot.context as PromiseContext;
  const { owner: __, reviewDate: ___, ...item } = entry.item as PledgePromise;
  return Object.freeze({ ...item, ...context, ...common, kind: 'promise' }) as PromiseView;
}
