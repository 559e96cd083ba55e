// Reading a spreadsheet's cells as the plan's things: one name, a list of names, a date. Each
// reports what is wrong through `report`, in the cell's column; shared by every CSV import.
import { readDate } from './day-first-date.js';
import type { Lookup } from './plan-lookup.js';

export interface CellReaders<F> {
  /** The id of the one thing the cell names, or undefined (blank, or reported). */
  one(field: F, lookup: Lookup): string | undefined;
  /** The ids of the things the cell lists, without repeats. */
  many(field: F, lookup: Lookup): string[];
  date(field: F): string | undefined;
}

export function cellReaders<F>(cell: (field: F) => string, report: (field: F, message: string) => void): CellReaders<F> {
  return {
    one(field, lookup) {
      const given = cell(field);
      if (!given) return undefined;
      const match = lookup.find(given);
      if ('id' in match) return match.id;
      report(field, match.message);
      return undefined;
    },
    many(field, lookup) {
      const given = cell(field);
      if (!given) return [];
      // A single name may itself contain a comma; only split when the whole does not match.
      const whole = lookup.find(given);
      if ('id' in whole) return [whole.id];
      const out: string[] = [];
      for (const part of splitList(given)) {
        const match = lookup.find(part);
        if (!('id' in match)) report(field, match.message);
        else if (!out.includes(match.id)) out.push(match.id);
      }
      return out;
    },
    date(field) {
      const given = cell(field);
      if (!given) return undefined;
      const read = readDate(given);
      if ('date' in read) return read.date;
      report(field, read.message);
      return undefined;
    },
  };
}

/** Splits on `;` when there is one (so names in the list may contain commas), otherwise on `,`. */
function splitList(value: string): string[] {
  return value
    .split(value.includes(';') ? ';' : ',')
    .map((part) => part.trim())
    .filter(Boolean);
}
