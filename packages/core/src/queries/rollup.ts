import type { CalendarOptions } from '../calendar/working-days.js';
import type { BragSettings } from '../schema/plan.js';
import { planNames } from '../schema/plan-names.js';
import type { PlanState } from '../tracker/tracker.js';
import type { ActionView } from '../items/views.js';
import { BRAG_WORST_FIRST, bragRule, DEFAULT_BRAG_SETTINGS, statusOfRule, type Brag } from './brag.js';
import { CalendarDay } from './calendar-day.js';
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

/** @internal A roll-up as it fills: every group the plan names for `by`, empty, in plan order, then others as actions name them. */
export class RollUpTally {
  readonly #by: RollUpBy;
  readonly #names = new Map<string, string>();
  readonly #groups = new Map<string, RollUpGroup>();

  constructor(state: PlanState, by: RollUpBy) {
    const { plan } = state;
    const names = this.#names;
    this.#by = by;
    if (by === 'promise') for (const p of plan.promises) names.set(p.id, `${p.number}. ${p.title}`);
    if (by === 'workstream') for (const w of plan.workstreams) names.set(w.id, w.name);
    if (by === 'agency') for (const a of plan.agencies) names.set(a.id, a.name);
    if (by === 'owner') {
      const person = planNames(plan).person;
      for (const a of state.actions) if (a.owner) names.set(a.owner, person(a.owner));
    }
    if (by === 'principle') for (let i = 1; i <= 7; i++) names.set(String(i), `Principle ${i}`);
    for (const key of names.keys()) this.#group(key);
  }

  #group(key: string): RollUpGroup {
    let g = this.#groups.get(key);
    if (!g) {
      g = { key, name: this.#names.get(key) ?? key, total: 0, counts: { blue: 0, red: 0, amber: 0, green: 0, grey: 0 }, status: 'none', actions: [] };
      this.#groups.set(key, g);
    }
    return g;
  }

  /** Counts an action with its status into each of its groups. */
  add(action: ActionView, status: Brag): void {
    // Most ways of grouping give one key per action: no set needed to count it once.
    if (this.#by === 'workstream') this.addTo(action.workstream, action.id, status);
    else if (this.#by === 'owner') this.addTo(action.owner ?? '(no owner)', action.id, status);
    else for (const key of new Set(keysOf(action, this.#by))) this.addTo(key, action.id, status);
  }

  /** Counts an action into the group `key`, for callers that know its only key. */
  addTo(key: string, actionId: string, status: Brag): void {
    const g = this.#group(key);
    g.total++;
    g.counts[status]++;
    g.actions.push(actionId);
  }

  groups(): RollUpGroup[] {
    for (const g of this.#groups.values()) g.status = BRAG_WORST_FIRST.find((s) => g.counts[s] > 0) ?? 'none';
    return [...this.#groups.values()];
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
  const s = { ...DEFAULT_BRAG_SETTINGS, ...settings };
  const day = new CalendarDay(today, calendar);
  const tally = new RollUpTally(state, by);
  for (const action of state.actions) tally.add(action, statusOfRule(bragRule(action, s, day)));
  return tally.groups();
}
