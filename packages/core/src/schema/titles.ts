import { longDate } from '../calendar/dates.js';
import type { Meeting, Recommendation } from './plan.js';

/** How a meeting is named: its own title, or "Board meeting, 12 March 2027". */
export const meetingTitle = (m: Pick<Meeting, 'date' | 'title'>): string => m.title ?? `Board meeting, ${longDate(m.date)}`;

/** How a recommendation is named in messages: "Recommendation 3". */
export const recommendationTitle = (r: Pick<Recommendation, 'number'>): string => `Recommendation ${r.number}`;

/** How any tracked item is named in messages: its title, or the names above. */
export function itemTitle(kind: 'action' | 'promise' | 'meeting' | 'recommendation', item: object): string {
  if (kind === 'meeting') return meetingTitle(item as Meeting);
  if (kind === 'recommendation') return recommendationTitle(item as Recommendation);
  return (item as { title: string }).title;
}
