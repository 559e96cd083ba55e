/**
 * Importing action items from the spreadsheet a council already keeps. Everything is
 * checked first and nothing is imported unless every row is good, so a half-imported
 * plan never has to be untangled by hand.
 */
import type { ActionItem, Plan } from '../schema/plan.js';
import { IdBook } from './action-ids.js';
import { cellOf, readHeader } from './csv-columns.js';
import { readRow } from './csv-action-row.js';
import { parseCsv, type CsvProblem } from './csv.js';
import { makeLookups } from './plan-lookup.js';
import { limitProblems, type LimitedProblems } from './problem-limit.js';
import { showInvisible } from './visible-text.js';

/** The outcome of `importActionsCsv`: the new actions and plan, or the problems found (the first 100, and a count of the rest). */
export type ActionsCsvImport =
  | {
      ok: true;
      actions: ActionItem[];
      plan: Plan;
      /** Titles and descriptions that look like a child's personal data, when the plan's privacy is "warn": the first 100. */
      warnings: CsvProblem[];
      /** How many more warnings there were after those; left out when there were no more. */
      moreWarnings?: number;
    }
  | ({ ok: false } & LimitedProblems<CsvProblem>);

/**
 * Reads action items from CSV with a header row and adds them to a copy of `plan`.
 *
 * Headers are matched ignoring case, spaces and punctuation, with common alternatives
 * ("Action" for Title, "Lead" for Lead agency, "Working group" for Workstream ...);
 * other columns are ignored. Agencies, people, workstreams and promises may be given
 * by id or name (promises also by number); lists are separated by `;` or `,`. Dates are
 * `YYYY-MM-DD` or UK `DD/MM/YYYY`. A blank id is made from the title.
 *
 * Every problem is reported with its row (as the spreadsheet numbers it) and column
 * header; if there is any, nothing is imported. `plan` is never changed. The first 100
 * problems are listed, and `moreProblems` counts the rest (warnings: `moreWarnings`).
 *
 * Titles and descriptions that look like a child's personal data are warnings, or
 * problems that stop the import when the plan's `privacy` is "refuse". Invisible characters
 * that a message quotes are written out by name (`[U+200B zero-width space]`).
 */
export function importActionsCsv(csv: string, plan: Plan): ActionsCsvImport {
  const result = readActionsCsv(csv, plan);
  if (!result.ok) {
    const { problems, moreProblems } = limitProblems(result.problems, result.moreProblems);
    return { ok: false, problems: problems.map(shown), ...(moreProblems ? { moreProblems } : {}) };
  }
  const { problems: warnings, moreProblems: moreWarnings } = limitProblems(result.warnings);
  return { ...result, warnings: warnings.map(shown), ...(moreWarnings ? { moreWarnings } : {}) };
}

/** A problem as people read it: any invisible character it quotes from the file written out by name. */
const shown = (p: CsvProblem): CsvProblem => ({ ...p, ...(p.column === undefined ? {} : { column: showInvisible(p.column) }), message: showInvisible(p.message) });

function readActionsCsv(csv: string, plan: Plan): ActionsCsvImport {
  const parsed = parseCsv(csv);
  if (parsed.problems.length > 0) return { ok: false, problems: parsed.problems, ...(parsed.moreProblems ? { moreProblems: parsed.moreProblems } : {}) };
  const [headerRow, ...dataRows] = parsed.rows;
  if (!headerRow) {
    return fail({ row: 1, message: 'the file is empty: the first row should be the headers, such as Title, Lead agency and Workstream, with one action on each row below' });
  }
  if (headerRow.every((h) => h.trim() === '')) {
    return fail({ row: 1, message: 'the first row is blank, but it should be the headers, such as Title, Lead agency and Workstream' });
  }

  const header = readHeader(headerRow);
  if (header.problems.length > 0) return fail(...header.problems);

  const records = dataRows
    .map((cells, i) => ({ cells, row: i + 2 }))
    .filter(({ cells }) => cells.some((c) => c.trim() !== ''));
  if (records.length === 0) return fail({ row: 2, message: 'there are no actions below the header row' });

  const lookups = makeLookups(plan);
  const ids = new IdBook(plan, records.map(({ cells }) => cellOf(cells, header.index.id)));
  const problems: CsvProblem[] = [];
  const warnings: CsvProblem[] = [];
  const actions: ActionItem[] = [];
  for (const { cells, row } of records) {
    const result = readRow(cells, row, header, lookups, ids, plan.privacy === 'refuse' ? undefined : warnings);
    if ('action' in result) actions.push(result.action);
    else problems.push(...result.problems);
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, actions, plan: { ...plan, actions: [...plan.actions, ...actions] }, warnings };
}

const fail = (...problems: CsvProblem[]): ActionsCsvImport => ({ ok: false, problems });
