// Importing tracked items other than actions (board meetings, scrutiny recommendations) from a
// spreadsheet, to the same standard as actions: every row checked first, nothing imported
// unless every row is good, each problem placed by row and column, the file's size limited.
import type * as z from 'zod/mini';
import { findPersonalData } from '../privacy/personal-data.js';
import { problemsFromZod } from '../schema/issues.js';
import type { Plan } from '../schema/plan.js';
import { cellReaders } from './csv-cells.js';
import { columnLetter, parseCsv, type CsvProblem } from './csv.js';
import { nameKey, type Lookup } from './plan-lookup.js';
import { limitProblems, type LimitedProblems } from './problem-limit.js';
import { showInvisible } from './visible-text.js';

/** The most rows one file may hold: years of meetings or reviews, far beyond any board's. */
export const MAX_ITEM_ROWS = 5_000;
/** The most characters one file may hold (about 5 MB): read before anything else is done with it. */
export const MAX_ITEM_CSV_CHARACTERS = 5_000_000;

export interface ColumnSpec {
  /** The usual header, as messages name it. */
  header: string;
  /** Other headers that mean it, normalised as `headerKey` gives them. */
  aliases: readonly string[];
  /** For a column every row needs: what each row needs it for ("a date"). */
  needed?: string;
}

/** The outcome of importing items: the new items and plan, or the problems found (the first 100, and a count of the rest). */
export type ItemsCsvImport<T> =
  | { ok: true; items: T[]; plan: Plan; warnings: CsvProblem[]; moreWarnings?: number }
  | ({ ok: false } & LimitedProblems<CsvProblem>);

/** What a kind of item tells the importer: its columns, how a row becomes one, and where the items go in the plan. */
export interface ItemKind<F extends string, T> {
  /** "meeting", "meetings": for messages. */
  one: string;
  many: string;
  columns: Record<F, ColumnSpec>;
  /** Columns whose text is checked for a child's personal data. */
  personal: readonly F[];
  schema: z.ZodMiniType<T>;
  /** The candidate item from one row; problems go through `row.report`. */
  read(row: RowReader<F>): Record<string, unknown>;
  /** Checks against the plan and the rows before it (ids, numbers); called only for a row that is otherwise good. */
  check?(item: T, row: RowReader<F>): void;
  add(plan: Plan, items: T[]): Plan;
}

/** One row as a kind reads it: cells by field, with readers that report what is wrong in the right column. */
export interface RowReader<F extends string> {
  row: number;
  cell(field: F): string;
  report(field: F | undefined, message: string): void;
  one(field: F, lookup: Lookup): string | undefined;
  many(field: F, lookup: Lookup): string[];
  date(field: F): string | undefined;
  whole(field: F, example: string): number | undefined;
}

/** "Working group " and "working_group" both read as `workinggroup`. */
const headerKey = (header: string) => header.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Reads `csv` as items of `kind` and adds them to a copy of `plan`; `plan` is never changed. */
export function importItemsCsv<F extends string, T>(csv: string, plan: Plan, kind: ItemKind<F, T>): ItemsCsvImport<T> {
  const result = readItems(csv, plan, kind);
  const shown = (p: CsvProblem): CsvProblem => ({ ...p, ...(p.column === undefined ? {} : { column: showInvisible(p.column) }), message: showInvisible(p.message) });
  if (!result.ok) {
    const { problems, moreProblems } = limitProblems(result.problems, result.moreProblems);
    return { ok: false, problems: problems.map(shown), ...(moreProblems ? { moreProblems } : {}) };
  }
  const { problems: warnings, moreProblems: moreWarnings } = limitProblems(result.warnings);
  return { ...result, warnings: warnings.map(shown), ...(moreWarnings ? { moreWarnings } : {}) };
}

function readItems<F extends string, T>(csv: string, plan: Plan, kind: ItemKind<F, T>): ItemsCsvImport<T> {
  const fail = (...problems: CsvProblem[]): ItemsCsvImport<T> => ({ ok: false, problems });
  if (csv.length > MAX_ITEM_CSV_CHARACTERS) {
    const size = (n: number) => n.toLocaleString('en-GB');
    return fail({ row: 1, message: `the file has ${size(csv.length)} characters, more than the ${size(MAX_ITEM_CSV_CHARACTERS)} a file of ${kind.many} may have; split it, or check it is the right file` });
  }
  const parsed = parseCsv(csv);
  if (parsed.problems.length) return { ok: false, problems: parsed.problems, ...(parsed.moreProblems ? { moreProblems: parsed.moreProblems } : {}) };
  const [headerRow, ...dataRows] = parsed.rows;
  const usual = (Object.values(kind.columns) as ColumnSpec[]).filter((c) => c.needed).map((c) => c.header);
  const example = `such as ${usual.slice(0, -1).join(', ')} and ${usual.at(-1)}`;
  if (!headerRow) return fail({ row: 1, message: `the file is empty: the first row should be the headers, ${example}, with one ${kind.one} on each row below` });
  if (headerRow.every((h) => h.trim() === '')) return fail({ row: 1, message: `the first row is blank, but it should be the headers, ${example}` });

  const header = readHeader(headerRow, kind);
  if (header.problems.length) return fail(...header.problems);
  const records = dataRows.map((cells, i) => ({ cells, row: i + 2 })).filter(({ cells }) => cells.some((c) => c.trim() !== ''));
  if (!records.length) return fail({ row: 2, message: `there are no ${kind.many} below the header row` });
  if (records.length > MAX_ITEM_ROWS) {
    return fail({ row: records[MAX_ITEM_ROWS]!.row, message: `a file may hold at most ${MAX_ITEM_ROWS.toLocaleString('en-GB')} ${kind.many}, and this one has ${records.length.toLocaleString('en-GB')}; split it into smaller files` });
  }

  const problems: CsvProblem[] = [];
  const warnings: CsvProblem[] = [];
  const items: T[] = [];
  for (const { cells, row } of records) {
    const item = readRow(cells, row, header, kind, plan.privacy === 'refuse' ? undefined : warnings, problems);
    if (item !== undefined) items.push(item);
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, items, plan: kind.add(plan, items), warnings };
}

interface Header<F extends string> {
  index: Partial<Record<F, number>>;
  name: Partial<Record<F, string>>;
  width: number;
  problems: CsvProblem[];
}

function readHeader<F extends string, T>(cells: readonly string[], kind: ItemKind<F, T>): Header<F> {
  const fields = Object.keys(kind.columns) as F[];
  const byAlias = new Map(fields.flatMap((f) => kind.columns[f].aliases.map((a) => [a, f] as const)));
  const header: Header<F> = { index: {}, name: {}, width: cells.length, problems: [] };
  cells.forEach((cell, i) => {
    const field = byAlias.get(headerKey(cell));
    if (!field) return;
    const earlier = header.name[field];
    if (earlier !== undefined) {
      header.problems.push({ row: 1, column: cell.trim(), message: `this column means the same as the "${earlier}" column; keep only one of them` });
      return;
    }
    header.index[field] = i;
    header.name[field] = cell.trim();
  });
  for (const field of fields) {
    const { header: usual, needed } = kind.columns[field];
    if (needed && header.index[field] === undefined) {
      header.problems.push({ row: 1, message: `there is no "${usual}" column: add a column headed "${usual}" giving each ${kind.one} ${needed}` });
    }
  }
  return header;
}

/** One row as an item, or undefined with its problems added to `problems`, left to right. */
function readRow<F extends string, T>(
  cells: readonly string[], row: number, header: Header<F>, kind: ItemKind<F, T>, warnings: CsvProblem[] | undefined, problems: CsvProblem[],
): T | undefined {
  const found: { at: number; problem: CsvProblem }[] = [];
  const flagged = new Set<F | undefined>();
  const report = (field: F | undefined, message: string) => {
    flagged.add(field);
    const at = field === undefined ? Infinity : (header.index[field] ?? Infinity);
    found.push({ at, problem: { row, ...(field && header.name[field] !== undefined ? { column: header.name[field] } : {}), message } });
  };
  const cell = (field: F) => {
    const i = header.index[field];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const extra = cells.findIndex((c, i) => i >= header.width && c.trim() !== '');
  if (extra >= 0) {
    const letter = columnLetter(extra);
    found.push({ at: extra, problem: { row, column: letter, message: `there is a value in column ${letter}, which has no header. If a value contains a comma, put it in quotes; otherwise add a header or move the value` } });
  }
  const fields = Object.keys(kind.columns) as F[];
  for (const field of fields) {
    const { needed } = kind.columns[field];
    if (needed && !cell(field)) report(field, `is blank, but every ${kind.one} needs ${needed}`);
  }
  for (const field of kind.personal) {
    for (const finding of findPersonalData(cell(field))) {
      if (warnings) warnings.push({ row, ...(header.name[field] ? { column: header.name[field] } : {}), message: finding.message });
      else report(field, `${finding.message} This plan does not accept text that looks like a child's personal data.`);
    }
  }
  const reader: RowReader<F> = {
    row,
    cell,
    report,
    ...cellReaders(cell, report),
    whole(field, example) {
      const given = cell(field);
      if (!given) return undefined;
      if (/^\d{1,9}$/.test(given)) return Number(given);
      report(field, `expected a whole number, like ${example}, got "${given}"`);
      return undefined;
    },
  };
  const candidate = kind.read(reader);
  const parsed = kind.schema.safeParse(candidate, { reportInput: true });
  if (!parsed.success) {
    for (const p of problemsFromZod(parsed.error)) {
      const name = /^[A-Za-z]+/.exec(p.path)?.[0];
      const field = name && name in kind.columns ? (name as F) : undefined;
      // A cell already reported (a blank date, an unknown working group) needs no second message.
      if (field && flagged.has(field)) continue;
      // Nor does one left out because of another cell (a Made on taken from a review not found).
      if (field && found.length && candidate[field] === undefined) continue;
      report(field, p.message);
    }
  } else if (!found.length) {
    kind.check?.(parsed.data, reader);
  }
  if (found.length) {
    problems.push(...found.sort((a, b) => a.at - b.at).map((f) => f.problem));
    return undefined;
  }
  return parsed.success ? parsed.data : undefined;
}

/**
 * How an export names the plan's things so that the import finds them again: by name where no
 * other thing has the same name (ignoring case), by id where one does.
 */
export function exportNames(items: readonly { id: string; name: string }[]): (id: string) => string {
  const count = new Map<string, number>();
  // Compared as the import compares them (`nameKey`), so that what is written is found again.
  for (const x of items) count.set(nameKey(x.name), (count.get(nameKey(x.name)) ?? 0) + 1);
  const byId = new Map(items.map((x) => [x.id, count.get(nameKey(x.name)) === 1 && x.name.trim() ? x.name : x.id]));
  return (id) => byId.get(id) ?? id;
}
