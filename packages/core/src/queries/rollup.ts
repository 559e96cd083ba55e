import type { CalendarOptions } from '../calendar/working-days.js';
import type { BragSettings } from '../schema/plan.js';
import type { PlanState } from '../tracker/tracker.js';
import type { ActionView } from '../tracker/views.js';
import { bragStatus, type Brag } from './brag.js';
import { checkToday } from './today.js';

export type RollUpBy = 'promise' | 'workstream' | 'agency' | 'owner' | 'principle';

export interface RollUpGroup {
  key: string;
  /** A name people recognise: the promise title, the agency name, the owner's name. */
  name: string;
  total: number;
  counts: Record<Brag, number>;
  /** The worst status in the group: red, then amber, green, blue, grey. */
  status: Brag | 'none';
  actions: string[];
}

const WORST_FIRST: Brag[] = ['red', 'amber', 'green', 'blue', 'grey'];

function keysOf(action: ActionView, by: RollUpBy): string[] {
  switch (by) {
    case 'promise': return action.promises;
    case 'workstream': return [action.workstream];
    // An agency answers for the actions it leads and those it contributes to.
    case 'agency': return [action.leadAgency, ...action.partners];
    case 'owner': return [action.owner ?? '(no owner)'];
    case 'principle': return action.principles.map(String);
  }
}

/** BRAG counts grouped by promise, workstream, agency, owner or principle; every group in the plan appears, even an empty one. */
export function rollUp(
  state: PlanState,
  today: string,
  by: RollUpBy,
  settings: Partial<BragSettings> = state.plan.brag,
  calendar: CalendarOptions = { closures: state.plan.board.closures },
): RollUpGroup[] {
  checkToday(today);
  const { plan } = state;
  const names = new Map<string, string>();
  if (by === 'promise') for (const p of plan.promises) names.set(p.id, `${p.number}. ${p.title}`);
  if (by === 'workstream') for (const w of plan.workstreams) names.set(w.id, w.name);
  if (by === 'agency') for (const a of plan.agencies) names.set(a.id, a.name);
  if (by === 'owner') for (const a of state.actions) if (a.owner) names.set(a.owner, plan.people.find((p) => p.id === a.owner)?.name ?? a.owner);
  if (by === 'principle') for (let i = 1; i <= 7; i++) names.set(String(i), `Principle ${i}`);

  const groups = new Map<string, RollUpGroup>();
  const group = (key: string) => {
    let g = groups.get(key);
    if (!g) {
      g = { key, name: names.get(key) ?? key, total: 0, counts: { blue: 0, red: 0, amber: 0, green: 0, grey: 0 }, status: 'none', actions: [] };
      groups.set(key, g);
    }
    return g;
  };
  for (const key of names.keys()) group(key);
  for (const action of state.actions) {
    const status = bragStatus(action, today, settings, calendar).status;
    for (const key of new Set(keysOf(action, by))) {
      const g = group(key);
      g.total++;
      g.counts[status]++;
      g.actions.push(action.id);
    }
  }
  for (const g of groups.values()) g.status = WORST_FIRST.find((s) => g.counts[s] > 0) ?? 'none';
  return [...groups.values()];
}
