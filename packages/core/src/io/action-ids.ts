// Ids of imported items: the ones given must be free, the missing ones are made (an action's from its title).
import type { Plan } from '../schema/plan.js';

const MAX_SLUG = 48;

/** Ids of every tracked item in the plan (actions, promises, meetings, recommendations share one space: each is an event stream). */
export function itemIds(plan: Plan): Map<string, string> {
  return new Map([
    ...plan.actions.map((a): [string, string] => [a.id, `an action in the plan ("${a.title}")`]),
    ...plan.promises.map((p): [string, string] => [p.id, `promise ${p.number} ("${p.title}")`]),
    ...plan.meetings.map((m): [string, string] => [m.id, `a meeting in the plan (${m.date})`]),
    ...plan.recommendations.map((r): [string, string] => [r.id, `recommendation ${r.number} in the plan`]),
  ]);
}

/** Keeps action ids unique: checks the ones given and makes the missing ones from titles. */
export class IdBook {
  /** Every tracked item's id is the name of its event stream, so none may be reused. */
  private readonly inPlan: Map<string, string>;
  private readonly givenOnRow = new Map<string, number>();
  /** Lower-cased, so a made id never differs from another only by case. */
  private readonly taken: Set<string>;
  /** The next suffix to try for each base, so many rows with one title stay fast. */
  private readonly nextSuffix = new Map<string, number>();

  constructor(plan: Plan, given: readonly string[]) {
    this.inPlan = itemIds(plan);
    this.taken = new Set([...this.inPlan.keys(), ...given.filter(Boolean)].map((id) => id.toLowerCase()));
  }

  /** Why `id` cannot be used on `row`, if it cannot. */
  clash(id: string, row: number): string | undefined {
    const user = this.inPlan.get(id);
    if (user !== undefined) {
      return `the id "${id}" is already used by ${user}; leave the id blank to have one made from the title, or choose another`;
    }
    const earlier = this.givenOnRow.get(id);
    if (earlier !== undefined) return `the id "${id}" is also used on row ${earlier}; each action needs its own id`;
    this.givenOnRow.set(id, row);
    return undefined;
  }

  /** A lowercase slug of `title`, at most 48 characters, with -2, -3 ... added if needed to be unique. */
  make(title: string): string {
    const base = slug(title);
    let id = base;
    let n = this.nextSuffix.get(base) ?? 2;
    while (this.taken.has(id)) {
      const suffix = `-${n++}`;
      id = `${base.slice(0, MAX_SLUG - suffix.length).replace(/-+$/, '')}${suffix}`;
    }
    this.nextSuffix.set(base, n);
    this.taken.add(id);
    return id;
  }
}

function slug(title: string): string {
  const s = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
  return s || 'action';
}

/**
 * Keeps the ids of imported items unique: the ones given are checked against the plan and the
 * rows before; the missing ones are made once every row is read, so that a made id never takes
 * one that a later row gives.
 */
export function idKeeper<T extends { id: string }>(plan: Plan, noun: string) {
  const inPlan = itemIds(plan);
  const onRow = new Map<string, number>();
  const pending: { item: T; base: string }[] = [];
  return {
    /** Why `id` cannot be used on `row`, if it cannot; otherwise it is taken. */
    clash(id: string, row: number): string | undefined {
      const user = inPlan.get(id);
      if (user !== undefined) return `the id "${id}" is already used by ${user}; leave the id blank to have one made, or choose another`;
      const earlier = onRow.get(id);
      if (earlier !== undefined) return `the id "${id}" is also used on row ${earlier}; each ${noun} needs its own id`;
      onRow.set(id, row);
      return undefined;
    },
    /**
     * The id a row gives, checked (why it cannot be used, if it cannot); or, when it gives none,
     * `base`, or `base-2`, `base-3` ... whichever is free, given to `item` when `makeAll` is called.
     */
    claim(item: T, given: string, row: number, base: string): string | undefined {
      if (given) return this.clash(given, row);
      pending.push({ item, base });
      return undefined;
    },
    makeAll(): void {
      const next = new Map<string, number>();
      for (const { item, base } of pending) {
        let id = base;
        // Counting on from the last suffix of each base keeps many rows with one date fast.
        for (let n = next.get(base) ?? 2; inPlan.has(id) || onRow.has(id); n++) {
          id = `${base}-${n}`;
          next.set(base, n + 1);
        }
        onRow.set(id, 0);
        item.id = id;
      }
    },
  };
}
