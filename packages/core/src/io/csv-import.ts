/**
 * Importing action items from the spreadsheet a council already keeps. Everything is
 * checked first and nothing is imported unless every row is good, so a half-imported
 * plan never has to be untangled by hand.
 */
import { problemsFromZod } from '../schema/issues.js';
import { ActionSchema, type ActionItem, type Plan } from '../schema/plan.js';
import { isCalendarDate } from '../schema/checks.js';
import { findPersonalData } from '../privacy/personal-data.js';
import { columnLetter, parseCsv, type CsvProblem } from './csv.js';
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

type Field =
  | 'id'
  | 'title'
  | 'description'
  | 'leadAgency'
  | 'owner'
  | 'partners'
  | 'workstream'
  | 'promises'
  | 'principles'
  | 'dueDate'
  | 'reviewDate'
  | 'reviewIntervalDays';

/** Each field's usual header (for messages) and the headers that mean it, normalised by `headerKey`. */
const COLUMNS: Record<Field, { header: string; aliases: readonly string[] }> = {
  id: { header: 'ID', aliases: ['id', 'actionid'] },
  title: { header: 'Title', aliases: ['title', 'action', 'actiontitle'] },
  description: { header: 'Description', aliases: ['description'] },
  leadAgency: { header: 'Lead agency', aliases: ['leadagency', 'lead'] },
  owner: { header: 'Owner', aliases: ['owner', 'actionowner'] },
  partners: { header: 'Partners', aliases: ['partners', 'partner', 'contributingpartners', 'partneragencies'] },
  workstream: { header: 'Workstream', aliases: ['workstream', 'workinggroup'] },
  promises: { header: 'Promises', aliases: ['promises', 'promise'] },
  principles: { header: 'Principles', aliases: ['principles', 'principle'] },
  dueDate: { header: 'Due date', aliases: ['duedate', 'due'] },
  reviewDate: { header: 'Review date', aliases: ['reviewdate'] },
  reviewIntervalDays: { header: 'Review interval days', aliases: ['reviewintervaldays', 'reviewinterval'] },
};

const REQUIRED: readonly { field: Field; noun: string; also: string }[] = [
  { field: 'title', noun: 'a title', also: ' (or "Action")' },
  { field: 'leadAgency', noun: 'a lead agency', also: ' (or "Lead")' },
  { field: 'workstream', noun: 'a workstream', also: ' (or "Working group")' },
];

const FIELD_BY_ALIAS = new Map<string, Field>(
  (Object.keys(COLUMNS) as Field[]).flatMap((field) => COLUMNS[field].aliases.map((alias) => [alias, field] as const)),
);

/** "Lead Agency ", "lead_agency" and "Lead-agency" all read as `leadagency`. */
const headerKey = (header: string) => header.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** How names are compared: case, outer spaces and runs of spaces do not matter. */
const nameKey = (name: string) => name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

const MAX_SLUG = 48;

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

const cellOf = (cells: readonly string[], index: number | undefined) => (index === undefined ? '' : (cells[index] ?? '').trim());

interface Header {
  /** Which column each field is in. */
  index: Partial<Record<Field, number>>;
  /** Each field's header as written in the file. */
  name: Partial<Record<Field, string>>;
  width: number;
  problems: CsvProblem[];
}

function readHeader(cells: readonly string[]): Header {
  const header: Header = { index: {}, name: {}, width: cells.length, problems: [] };
  cells.forEach((cell, i) => {
    const field = FIELD_BY_ALIAS.get(headerKey(cell));
    if (!field) return;
    const earlier = header.name[field];
    if (earlier !== undefined) {
      header.problems.push({
        row: 1,
        column: cell.trim(),
        message: `this column means the same as the "${earlier}" column; keep only one of them`,
      });
      return;
    }
    header.index[field] = i;
    header.name[field] = cell.trim();
  });
  for (const { field, noun, also } of REQUIRED) {
    if (header.index[field] === undefined) {
      const { header: usual } = COLUMNS[field];
      header.problems.push({
        row: 1,
        message: `there is no "${usual}" column: add a column headed "${usual}"${also} giving each action ${noun}`,
      });
    }
  }
  return header;
}

type RowResult = { action: ActionItem } | { problems: CsvProblem[] };

/** Reads one action; personal data goes to `warnings`, or is a problem when there is no `warnings` (privacy "refuse"). */
function readRow(
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

  const one = (field: Field, lookup: Lookup): string | undefined => {
    const given = cell(field);
    if (!given) return undefined;
    const match = lookup.find(given);
    if ('id' in match) return match.id;
    report(field, match.message);
    return undefined;
  };
  const many = (field: Field, lookup: Lookup): string[] => {
    const given = cell(field);
    if (!given) return [];
    // A single name may itself contain a comma; only split when the whole does not match.
    const whole = lookup.find(given);
    if ('id' in whole) return [whole.id];
    const out: string[] = [];
    for (const part of splitList(given)) {
      const match = lookup.find(part);
      if ('id' in match) {
        if (!out.includes(match.id)) out.push(match.id);
      } else report(field, match.message);
    }
    return out;
  };
  const date = (field: Field): string | undefined => {
    const given = cell(field);
    if (!given) return undefined;
    const read = readDate(given);
    if ('date' in read) return read.date;
    report(field, read.message);
    return undefined;
  };

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

/** Splits on `;` when there is one (so names in the list may contain commas), otherwise on `,`. */
function splitList(value: string): string[] {
  return value
    .split(value.includes(';') ? ';' : ',')
    .map((part) => part.trim())
    .filter(Boolean);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `YYYY-MM-DD` or day-first `DD/MM/YYYY` (also with `.` or `-`); never month first. */
function readDate(given: string): { date: string } | { message: string } {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(given);
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(given);
  const parts: [string, string, string] | undefined = iso ? [iso[1]!, iso[2]!, iso[3]!] : uk ? [uk[3]!, uk[2]!, uk[1]!] : undefined;
  if (!parts) {
    if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$/.test(given)) return { message: `write the year in full, like 31/03/2027, got "${given}"` };
    return { message: `expected a date like 31/03/2027 or 2027-03-31, got "${given}"` };
  }
  const [y, m, d] = parts;
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  if (isCalendarDate(date)) return { date };
  const month = Number(m);
  if (month < 1 || month > 12) {
    return {
      message: uk
        ? `there is no month ${month} in "${given}": dates are read day first, like 31/03/2027 for 31 March 2027`
        : `there is no month ${month} in "${given}"`,
    };
  }
  // Day 0 of the next month is the last day of this one.
  const days = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return { message: `"${given}" is not a real date: ${MONTHS[month - 1]} ${y} has ${days} days` };
}

/** Keeps action ids unique: checks the ones given and makes the missing ones from titles. */
class IdBook {
  /** Promises and actions share ids (both are event streams), so neither may be reused. */
  private readonly inPlan: Map<string, string>;
  private readonly givenOnRow = new Map<string, number>();
  /** Lower-cased, so a made id never differs from another only by case. */
  private readonly taken: Set<string>;
  /** The next suffix to try for each base, so many rows with one title stay fast. */
  private readonly nextSuffix = new Map<string, number>();

  constructor(plan: Plan, given: readonly string[]) {
    this.inPlan = new Map([
      ...plan.actions.map((a): [string, string] => [a.id, `an action in the plan ("${a.title}")`]),
      ...plan.promises.map((p): [string, string] => [p.id, `promise ${p.number} ("${p.title}")`]),
    ]);
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

interface Lookup {
  find(given: string): { id: string } | { message: string };
}

interface Lookups {
  agencies: Lookup;
  people: Lookup;
  workstreams: Lookup;
  promises: Lookup;
}

interface Entry {
  id: string;
  /** Names it may be called by, as `nameKey` gives them. */
  keys: string[];
  /** How a suggestion shows it. */
  label: string;
  number?: number;
}

function makeLookups(plan: Plan): Lookups {
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
      const number = /^(?:promise\s*|p)?(?:no\.?\s*)?#?\s*(\d+)$/i.exec(given);
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

/** Edit distance between `a` and `b`, or `limit + 1` as soon as it must be more than `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

const orList = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
