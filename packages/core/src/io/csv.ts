/**
 * CSV as RFC 4180 describes it, read leniently (problems are reported, nothing is
 * dropped) and written strictly, with protection against formula injection because the
 * files are opened in spreadsheets.
 */

import { limitProblems, type LimitedProblems } from './problem-limit.js';

/** A problem in a CSV file, placed as a spreadsheet shows it. */
export interface CsvProblem {
  /** 1-based record number as a spreadsheet numbers its rows: the header is row 1. */
  row: number;
  /** The column's header, or its letter ("C") when there is no header for it. */
  column?: string;
  message: string;
}

/** What `parseCsv` found: every record, and anything malformed on the way (the first 100 problems, and a count of the rest). */
export interface CsvParseResult extends LimitedProblems<CsvProblem> {
  rows: string[][];
}

/** A value `toCsv` can write. */
export type CsvCell = string | number | boolean | null | undefined;

/** A column for `recordsToCsv`: its header and how to get its value from a record. */
export interface CsvColumn<T> {
  header: string;
  value: (record: T) => CsvCell;
}

const UNCLOSED_QUOTE =
  'a quoted value has no closing quote mark ("), so everything to the end of the file was read into it. Add the closing quote mark; write a quote mark inside a value as two ("").';
const QUOTE_INSIDE_VALUE =
  'a quote mark (") is in the middle of a value. Put the whole value in quotes and write each quote mark inside it as two, like "the ""you said"" board".';
const TEXT_AFTER_QUOTE =
  'there is text after the closing quote mark of a quoted value. Put the whole value in quotes and write each quote mark inside it as two ("").';

/**
 * Reads CSV text into rows of fields. Accepts a UTF-8 byte order mark, CRLF, LF or lone
 * CR line endings, and quoted fields with `""` for a quote and line breaks inside.
 * A final empty line is ignored; other blank lines are kept as a row with one empty field,
 * so row numbers stay those a spreadsheet shows. Malformed quoting is reported with its
 * row and the text is kept as written: the first 100 problems, and `moreProblems` counts the rest.
 */
export function parseCsv(text: string): CsvParseResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  const found: { row: number; col: number; message: string }[] = [];
  let row: string[] = [];
  let field = '';
  let started = false; // whether the current record has any characters yet
  let i = 0;
  const n = src.length;

  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    rows.push(row);
    row = [];
    started = false;
  };
  const report = (message: string) => found.push({ row: rows.length + 1, col: row.length, message });

  while (i < n) {
    started = true;
    if (src[i] === '"') {
      // A quoted field: runs to the next lone quote mark.
      i++;
      let closed = false;
      while (i < n) {
        const q = src.indexOf('"', i);
        if (q < 0) {
          field += src.slice(i);
          i = n;
          break;
        }
        field += src.slice(i, q);
        if (src[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          closed = true;
          break;
        }
      }
      if (!closed) {
        report(UNCLOSED_QUOTE);
        break;
      }
      if (i < n && src[i] !== ',' && src[i] !== '\r' && src[i] !== '\n') {
        report(TEXT_AFTER_QUOTE);
        i = readUnquoted(i, false);
      }
    } else {
      i = readUnquoted(i, true);
    }
    if (i >= n) break;
    const c = src[i];
    if (c === ',') {
      // A trailing comma means one more (empty) field: `started` stays true, so the end adds it.
      endField();
      i++;
    } else {
      endRecord();
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
    }
  }
  if (started) endRecord();

  /** Appends characters up to the next comma or line break; returns where it stopped. */
  function readUnquoted(from: number, reportQuote: boolean): number {
    let j = from;
    let reported = !reportQuote;
    while (j < n) {
      const c = src[j];
      if (c === ',' || c === '\r' || c === '\n') break;
      if (c === '"' && !reported) {
        report(QUOTE_INSIDE_VALUE);
        reported = true;
      }
      j++;
    }
    field += src.slice(from, j);
    return j;
  }

  const header = rows[0] ?? [];
  const { problems, moreProblems } = limitProblems(found);
  return {
    rows,
    problems: problems.map(({ row: r, col, message }): CsvProblem => {
      const name = r > 1 ? header[col]?.trim() : undefined;
      return { row: r, column: name || columnLetter(col), message };
    }),
    ...(moreProblems ? { moreProblems } : {}),
  };
}

/** The spreadsheet letter for a 0-based column index: 0 is A, 25 is Z, 26 is AA. */
export function columnLetter(index: number): string {
  let out = '';
  for (let k = index + 1; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(65 + ((k - 1) % 26)) + out;
  return out;
}

// Spreadsheets run a cell starting with one of these as a formula (or strip the tab or CR and then do).
const FORMULA_START = /^[=+\-@\t\r]/;

function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function quoted(value: string): string {
  // A leading BOM is quoted too, or a reader would take it for the file's own and drop it.
  return /[",\r\n]|^\uFEFF/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Writes rows as CSV with CRLF line endings (each row, the last included, ends with one).
 * Fields with a comma, quote mark or line break (or a leading byte order mark) are quoted. Text starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'` so a spreadsheet
 * shows it instead of running it as a formula; numbers are written as they are.
 * `null` and `undefined` are written as empty fields.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  let out = '';
  for (const row of rows) out += `${row.map((cell) => quoted(cellText(cell))).join(',')}\r\n`;
  return out;
}

/** Writes records as CSV under a header row, one column per entry in `columns`, as `toCsv` does. */
export function recordsToCsv<T>(records: readonly T[], columns: readonly CsvColumn<T>[]): string {
  return toCsv([columns.map((c) => c.header), ...records.map((r) => columns.map((c) => c.value(r)))]);
}

/** A problem as one line for people: `row 4, Due date: expected a date ...`. */
export function formatCsvProblem(problem: CsvProblem): string {
  return `row ${problem.row}${problem.column ? `, ${problem.column}` : ''}: ${problem.message}`;
}
