// One row of an actions spreadsheet read as an action item, or the problems with it, left to right.
import { problemsFromZod } from '../schema/issues.js';
import { ActionSchema, type ActionItem } from '../schema/plan.js';
import { findPersonalData } from '../privacy/personal-data.js';
import type { IdBook } from './action-ids.js';
import { cellReaders } from './csv-cells.js';
import { cellOf, COLUMNS, REQUIRED, type Field, type Header } from './csv-columns.js';
import { columnLetter, type CsvProblem } from './csv.js';
import type { Lookups } from './plan-lookup.js';

type RowResult = { action: ActionItem } | { problems: CsvProblem[] };

/** Reads one action; personal data goes to `warnings`, or is a problem when there is no `warnings` (privacy "refuse"). */
export function readRow(
  cells: readonly string[],
  row: number,
  header: Header,
  lookups: Lookups,
  ids: IdBook,
  warnings: CsvProblem[] | undefined,
): RowResult {
  // Each problem keeps its column's position so a row's problems read left to right.
  const found: { at: number; problem: CsvProblem }[] = [];
  const flagged = new Set<Field | undefined>();
  const report = (field: Field | undefined, message: string) => {
    flagged.add(field);
    const at = field === undefined ? Infinity : (header.index[field] ?? Infinity);
    found.push({ at, problem: { row, column: field ? header.name[field] : undefined, message } });
  };
  const cell = (field: Field) => cellOf(cells, header.index[field]);

  // A value past the last header is usually a comma in a value that was not quoted.
  const extra = cells.findIndex((c, i) => i >= header.width && c.trim() !== '');
  if (extra >= 0) {
    found.push({
      at: extra,
      problem: {
        row,
        column: columnLetter(extra),
        message: `there is a value in column ${columnLetter(extra)}, which has no header. If a value contains a comma, put it in quotes; otherwise add a header or move the value`,
      },
    });
  }

  for (const { field, noun } of REQUIRED) {
    if (!cell(field)) report(field, `is blank, but every action needs ${noun}`);
  }
  const title = cell('title');

  for (const field of ['title', 'description'] as const) {
    for (const finding of findPersonalData(cell(field))) {
      if (warnings) warnings.push({ row, column: header.name[field], message: finding.message });
      else report(field, `${finding.message} This plan does not accept text that looks like a child's personal data.`);
    }
  }

  const { one, many, date } = cellReaders(cell, report);

  const principles: number[] = [];
  for (const part of cell('principles').split(/[\s;,]+/).filter(Boolean)) {
    const n = /^\d+$/.test(part) ? Number(part) : NaN;
    if (n >= 1 && n <= 7) {
      if (!principles.includes(n)) principles.push(n);
    } else report('principles', `expected principle numbers from 1 to 7, like "1; 4", got "${part}"`);
  }

  let reviewIntervalDays: number | undefined;
  const interval = cell('reviewIntervalDays');
  if (interval) {
    if (/^\d+$/.test(interval)) reviewIntervalDays = Number(interval);
    else report('reviewIntervalDays', `expected a whole number of days, like 91, got "${interval}"`);
  }

  const given = cell('id');
  let id: string;
  if (given) {
    id = given;
    const clash = ids.clash(given, row);
    if (clash) report('id', clash);
  } else {
    id = ids.make(title);
  }

  const candidate = {
    id,
    title,
    description: cell('description') || undefined,
    leadAgency: one('leadAgency', lookups.agencies),
    owner: one('owner', lookups.people),
    partners: many('partners', lookups.agencies),
    workstream: one('workstream', lookups.workstreams),
    promises: many('promises', lookups.promises),
    principles,
    dueDate: date('dueDate'),
    reviewDate: date('reviewDate'),
    reviewIntervalDays,
  };
  const parsed = ActionSchema.safeParse(candidate, { reportInput: true });
  if (!parsed.success) {
    for (const p of problemsFromZod(parsed.error)) {
      const field = /^[A-Za-z]+/.exec(p.path)?.[0] as Field | undefined;
      const known = field && field in COLUMNS ? field : undefined;
      // A cell already reported (a blank title, an unknown agency) needs no second message.
      if (known && flagged.has(known)) continue;
      report(known, p.message);
    }
  }
  if (found.length > 0 || !parsed.success) return { problems: found.sort((a, b) => a.at - b.at).map((f) => f.problem) };
  return { action: parsed.data };
}
