// Finding an agency, person, workstream or promise of the plan by the id, name or number a
// spreadsheet gives, with a "did you mean" when nothing matches.
import type { Plan } from '../schema/plan.js';
import { distance } from './edit-distance.js';

/** How names are compared: case, outer spaces and runs of spaces do not matter. */
export const nameKey = (name: string) => name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

export interface Lookup {
  find(given: string): { id: string } | { message: string };
}

export interface Lookups {
  agencies: Lookup;
  people: Lookup;
  workstreams: Lookup;
  promises: Lookup;
  actions: Lookup;
  /** Scrutiny reviews, by id or title. */
  reviews: Lookup;
}

interface Entry {
  id: string;
  /** Names it may be called by, as `nameKey` gives them. */
  keys: string[];
  /** How a suggestion shows it. */
  label: string;
  number?: number;
}

export function makeLookups(plan: Plan): Lookups {
  const named = (items: readonly { id: string; name: string }[]) =>
    items.map((x) => ({ id: x.id, keys: [nameKey(x.name)], label: `"${x.name}"` }));
  return {
    agencies: lookup('agency', 'agencies', named(plan.agencies)),
    people: lookup('person', 'people', named(plan.people)),
    workstreams: lookup('workstream', 'workstreams', named(plan.workstreams)),
    promises: lookup(
      'promise',
      'promises',
      plan.promises.map((p) => ({ id: p.id, keys: [nameKey(p.title)], label: `promise ${p.number} ("${p.title}")`, number: p.number })),
    ),
    actions: lookup('action', 'actions', plan.actions.map((a) => ({ id: a.id, keys: [nameKey(a.title)], label: `"${a.title}"` }))),
    reviews: lookup('scrutiny review', 'scrutiny reviews', plan.reviews.map((r) => ({ id: r.id, keys: [nameKey(r.title)], label: `"${r.title}"` }))),
  };
}

function lookup(noun: string, plural: string, entries: readonly Entry[]): Lookup {
  return {
    find(given) {
      const exact = entries.find((e) => e.id === given);
      if (exact) return { id: exact.id };
      const key = nameKey(given);
      const byId = entries.filter((e) => e.id.toLowerCase() === key);
      const byName = byId.length > 0 ? byId : entries.filter((e) => e.keys.includes(key));
      if (byName.length === 1) return { id: byName[0]!.id };
      if (byName.length > 1) {
        return { message: `${byName.length} ${plural} are called "${given}"; use the id instead: ${byName.map((e) => `"${e.id}"`).join(', ')}` };
      }
      // On the name key (runs of spaces made one), so that each space is one optional step: linear, whatever the length.
      const number = /^(?:promise ?|p)?(?:no\.? ?)?#? ?(\d+)$/.exec(key);
      if (number) {
        const byNumber = entries.filter((e) => e.number === Number(number[1]));
        if (byNumber.length === 1) return { id: byNumber[0]!.id };
      }
      const close = closeTo(key, entries);
      const hint =
        close.length > 0
          ? `; did you mean ${orList(close.map((e) => e.label))}?`
          : `. Use the name or id of one of the plan's ${entries.length} ${entries.length === 1 ? noun : plural}, or add it to the plan first`;
      return { message: `there is no ${noun} called "${given}" in this plan${hint}` };
    },
  };
}

/** Up to three entries whose id or name is a near spelling of `key`, or contains it, closest first. */
function closeTo(key: string, entries: readonly Entry[]): Entry[] {
  const scored: { entry: Entry; score: number }[] = [];
  for (const entry of entries) {
    let best = Infinity;
    for (const candidate of [entry.id.toLowerCase(), ...entry.keys]) {
      const limit = key.length <= 3 ? 1 : Math.max(2, Math.floor(key.length / 4));
      const d = distance(key, candidate, limit);
      if (d <= limit) best = Math.min(best, d);
      else if (key.length >= 3 && (candidate.includes(key) || key.includes(candidate))) best = Math.min(best, limit + 1);
    }
    if (best < Infinity) scored.push({ entry, score: best });
  }
  return scored.sort((a, b) => a.score - b.score).slice(0, 3).map((s) => s.entry);
}

const orList = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
