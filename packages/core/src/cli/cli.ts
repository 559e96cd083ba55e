import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { bankHolidays } from '../calendar/bank-holidays.js';
import { todayInLondon } from '../calendar/dates.js';
import { boardDeadlines } from '../calendar/deadlines.js';
import { formatCsvProblem } from '../io/csv.js';
import { importActionsCsv } from '../io/csv-import.js';
import { importMeetingsCsv, meetingsToCsv } from '../io/csv-meetings.js';
import { importRecommendationsCsv, recommendationsToCsv } from '../io/csv-recommendations.js';
import { parseEventLog } from '../io/event-log.js';
import { parsePlanFile, stringifyPlanFile } from '../io/plan-file.js';
import { formatMoreProblems, limitProblems } from '../io/problem-limit.js';
import { reportToCsv, reportToMarkdown } from '../io/report-format.js';
import { showInvisible } from '../io/visible-text.js';
import { scrutinyReport } from '../queries/scrutiny-report.js';
import { isPlanDate } from '../schema/checks.js';
import type { Plan } from '../schema/plan.js';
import { createTracker, type Tracker } from '../tracker/tracker.js';

/** Where the CLI reads and writes: the real process by default, fakes in tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => string;
  writeFile: (path: string, text: string) => void;
  /** The clock, for `report` without `--today`. */
  now: () => Date;
}

const defaultIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readFile: (p) => readFileSync(p, 'utf8'),
  writeFile: (p, t) => writeFileSync(p, t),
  now: () => new Date(),
};

export const USAGE = `Usage: pledgeflow <command> [options]

Commands:
  check <plan.json> [--events <log.ndjson>] [--skip-partial-last-line]
      Check a plan file (and its event log). Exit 0 with a summary, or 1 with one line per problem.
  report <plan.json> [--events <log.ndjson>] [--skip-partial-last-line] [--today YYYY-MM-DD] [--format md|json|csv]
      The scrutiny report: overdue, at risk, reviews overdue, moved due dates, gaps, "you said, we did";
      the board (meetings not quorate, attendance below expectation, reports not received, the
      reporting schedule) and scrutiny recommendations (responses overdue, awaiting sign-off, rejected).
      --today defaults to today's date in the UK.
  deadlines --meeting YYYY-MM-DD [--plan <plan.json>] [--json]
      Board deadlines for a meeting: papers, report to the Children in Care Council, minutes.
      With --plan, the board's own settings and closure days are used.
  holidays <YYYY> [--json]
      England and Wales bank holidays for a year.
  import-csv <file.csv> --plan <plan.json> -o <out.json> [--items actions|meetings|recommendations]
      Add action items (or board meetings, or scrutiny recommendations) from a spreadsheet (CSV)
      to a plan; nothing is written unless every row is good.
  export-csv <plan.json> --items meetings|recommendations [--events <log.ndjson>] [--skip-partial-last-line] [--today YYYY-MM-DD] [-o <out.csv>]
      Board meetings or scrutiny recommendations as they stood at the end of that day, as CSV
      that import-csv reads again.
  serve --plan <plan.json> [--events <log.ndjson>] [--db postgres://... | --data-dir <dir>] [--port 8787] [--dev]
      The sync server (@pledgeflow/server): one record of the plan for every agency.
      \`pledgeflow serve --help\` lists its settings; docs/server.md says how to run it.

Options:
  --skip-partial-last-line
                  Read an event log whose last line was cut off (the computer stopped while it
                  was written) without that line, and say so.
  -h, --help      Show this help.
  -v, --version   Show the version.

Exit codes: 0 done, 1 the input has problems, 2 the command line is wrong.
`;

class UsageError extends Error {}

function parse(
  args: string[],
  options: ParseArgsConfig['options'],
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true }) as never;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function read(io: CliIo, path: string): string {
  try {
    return io.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError([`${path}: cannot read the file${code === 'ENOENT' ? ' (there is no such file)' : ` (${(error as Error).message})`}`]);
  }
}

class InputError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

/** The first 100 lines about `path`, then one that counts the rest (and `more` already left out), as the readers do. */
function limited(path: string, lines: readonly string[], more = 0, noun: 'problem' | 'warning' = 'problem'): string[] {
  const { problems, moreProblems } = limitProblems(lines, more);
  return moreProblems ? [...problems, `${path}: ${formatMoreProblems(moreProblems, noun)}`] : problems;
}

function loadPlanOrFail(io: CliIo, path: string): { plan: Plan; warnings: string[] } {
  const result = parsePlanFile(read(io, path));
  if (!result.ok) throw new InputError(limited(path, result.problems.map((p) => `${path}: ${p.path}: ${p.message}`), result.moreProblems));
  return { plan: result.plan, warnings: limited(path, result.warnings.map((w) => `${path}: ${w.path}: ${w.message}`), result.moreWarnings, 'warning') };
}

/** The options of every command that reads an event log. */
const EVENT_LOG_OPTIONS = { events: { type: 'string' }, 'skip-partial-last-line': { type: 'boolean' } } as const;

const count = (n: number) => n.toLocaleString('en-GB');

function loadTracker(
  io: CliIo,
  planPath: string,
  values: Record<string, string | boolean | undefined>,
): { tracker: Tracker; warnings: string[]; notes: string[] } {
  const { plan, warnings } = loadPlanOrFail(io, planPath);
  const eventsPath = values['events'] as string | undefined;
  const skipPartialLastLine = values['skip-partial-last-line'] === true;
  if (!eventsPath) {
    if (skipPartialLastLine) throw new UsageError('--skip-partial-last-line is for an event log: give one with --events <log.ndjson>');
    return { tracker: createTracker({ plan }), warnings, notes: [] };
  }
  const text = read(io, eventsPath);
  const log = parseEventLog(text, { skipPartialLastLine });
  const notes: string[] = [];
  if (log.cutOff?.skipped) {
    const { line } = log.cutOff;
    warnings.push(`${eventsPath}: skipped 1 line (line ${count(line)}, which looks cut off); read the ${count(line - 1)} line${line === 2 ? '' : 's'} before it`);
  } else if (skipPartialLastLine) {
    notes.push(`${eventsPath}: skipped no lines: the last line is complete`);
  }
  const cutOff = log.cutOff && !log.cutOff.skipped ? log.cutOff.line : undefined;
  const problems = log.problems.filter((p) => p.line !== cutOff).map((p) => `${eventsPath}: line ${p.line}: ${p.message}`);
  // The cut-off line is said first, as what to do about it, even when it is past the first 100 problems.
  const first: string[] = [];
  let more = log.moreProblems ?? 0;
  if (cutOff !== undefined) {
    if (problems.length === log.problems.length) more--;
    first.push(`line ${count(cutOff)} of ${eventsPath} looks cut off (the file may have been written while the computer stopped); run again with --skip-partial-last-line to read the rest`);
  }
  const tracker = createTracker({ plan, events: log.events });
  if (tracker.rejected.length) {
    const lineOf = new Map<string, number>();
    text.split(/\r?\n/).forEach((raw, i) => {
      const id = /"id"\s*:\s*"([^"]+)"/.exec(raw)?.[1];
      if (id && !lineOf.has(id)) lineOf.set(id, i + 1);
    });
    for (const r of tracker.rejected) {
      for (const reason of r.reasons) problems.push(`${eventsPath}: line ${lineOf.get(r.event.id) ?? '?'}: ${reason}`);
    }
  }
  if (first.length || problems.length) throw new InputError([...first, ...limited(eventsPath, problems, more)]);
  return { tracker, warnings, notes };
}

function check(args: string[], io: CliIo): number {
  const { values, positionals } = parse(args, EVENT_LOG_OPTIONS);
  if (positionals.length !== 1) throw new UsageError('check needs exactly one plan file');
  const { tracker, warnings, notes } = loadTracker(io, positionals[0]!, values);
  for (const w of warnings) io.stderr(`warning: ${w}\n`);
  for (const n of notes) io.stderr(`${n}\n`);
  const p = tracker.plan;
  const events = tracker.events().length;
  io.stdout(
    `ok: ${p.title} (${p.council}): ${p.promises.length} promises, ${p.actions.length} actions, ${p.workstreams.length} working groups, ` +
      `${p.agencies.length} agencies, ${p.people.length} people, ${p.measures.length} measures` +
      (values['events'] ? `; ${events} events, all accepted` : '') +
      '\n',
  );
  return 0;
}

function report(args: string[], io: CliIo): number {
  const { values, positionals } = parse(args, { ...EVENT_LOG_OPTIONS, today: { type: 'string' }, format: { type: 'string', default: 'md' } });
  if (positionals.length !== 1) throw new UsageError('report needs exactly one plan file');
  const format = values['format'] as string;
  if (!['md', 'json', 'csv'].includes(format)) throw new UsageError(`--format must be md, json or csv, not "${format}"`);
  const today = (values['today'] as string | undefined) ?? todayInLondon(io.now());
  if (!isPlanDate(today)) throw new UsageError(`--today must be a date written YYYY-MM-DD from 1978 to 2100, not "${today}"`);
  const { tracker, warnings, notes } = loadTracker(io, positionals[0]!, values);
  for (const w of warnings) io.stderr(`warning: ${w}\n`);
  for (const n of notes) io.stderr(`${n}\n`);
  // The plan as it stood at the end of that day: a report for a past date ignores later events.
  const r = scrutinyReport(tracker.at(today).state(), today);
  io.stdout(format === 'json' ? `${JSON.stringify(r, null, 2)}\n` : format === 'csv' ? reportToCsv(r) : reportToMarkdown(r));
  return 0;
}

function deadlines(args: string[], io: CliIo): number {
  const { values, positionals } = parse(args, { meeting: { type: 'string' }, plan: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals.length) throw new UsageError(`deadlines takes no file arguments (got "${positionals[0]}")`);
  const meeting = values['meeting'] as string | undefined;
  if (!meeting) throw new UsageError('deadlines needs --meeting YYYY-MM-DD');
  if (!isPlanDate(meeting)) throw new UsageError(`--meeting must be a date written YYYY-MM-DD from 1978 to 2100, not "${meeting}"`);
  const board = values['plan'] ? loadPlanOrFail(io, values['plan'] as string).plan.board : undefined;
  const d = boardDeadlines(meeting, board);
  if (values['json']) io.stdout(`${JSON.stringify(d, null, 2)}\n`);
  else {
    io.stdout(
      `Board meeting: ${d.meeting}\n` +
        `Papers to members by: ${d.papers}\n` +
        `Report to the Children in Care Council by: ${d.childrenInCareCouncil}\n` +
        `Minutes circulated by: ${d.minutes}\n`,
    );
  }
  return 0;
}

function holidays(args: string[], io: CliIo): number {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  if (positionals.length !== 1 || !/^\d{4}$/.test(positionals[0]!)) throw new UsageError('holidays needs a year, such as 2027');
  const year = Number(positionals[0]);
  let list;
  try {
    list = bankHolidays(year);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values['json']) io.stdout(`${JSON.stringify(list, null, 2)}\n`);
  else io.stdout(list.map((h) => `${h.date}  ${h.name}\n`).join(''));
  return 0;
}

const IMPORTS = {
  actions: (csv: string, plan: Plan) => {
    const r = importActionsCsv(csv, plan);
    return r.ok ? { ...r, items: r.actions } : r;
  },
  meetings: importMeetingsCsv,
  recommendations: importRecommendationsCsv,
} as const;
const NOUNS = { actions: ['action', 'actions'], meetings: ['meeting', 'meetings'], recommendations: ['recommendation', 'recommendations'] } as const;

/** `--items`: which kind of item a CSV command is about. */
function itemsOption(value: string | boolean | undefined, allowed: readonly string[]): string {
  const items = (value as string | undefined) ?? allowed[0]!;
  if (!allowed.includes(items)) throw new UsageError(`--items must be ${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}, not "${items}"`);
  return items;
}

function importCsv(args: string[], io: CliIo): number {
  const { values, positionals } = parse(args, { plan: { type: 'string' }, out: { type: 'string', short: 'o' }, items: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError('import-csv needs exactly one CSV file');
  const items = itemsOption(values['items'], Object.keys(IMPORTS)) as keyof typeof IMPORTS;
  if (!values['plan']) throw new UsageError('import-csv needs --plan <plan.json>');
  if (!values['out']) throw new UsageError('import-csv needs -o <out.json> (it never overwrites the plan you give it unless you name it)');
  const csvPath = positionals[0]!;
  const { plan } = loadPlanOrFail(io, values['plan'] as string);
  const result = IMPORTS[items](read(io, csvPath), plan);
  if (!result.ok) throw new InputError(limited(csvPath, result.problems.map((p) => `${csvPath}: ${formatCsvProblem(p)}`), result.moreProblems));
  for (const w of limited(csvPath, result.warnings.map((w) => `${csvPath}: ${formatCsvProblem(w)}`), result.moreWarnings, 'warning')) io.stderr(`warning: ${w}\n`);
  io.writeFile(values['out'] as string, stringifyPlanFile(result.plan));
  const [one, many] = NOUNS[items];
  io.stdout(`ok: imported ${result.items.length} ${result.items.length === 1 ? one : many} into ${values['out']}\n`);
  return 0;
}

function exportCsv(args: string[], io: CliIo): number {
  const { values, positionals } = parse(args, { ...EVENT_LOG_OPTIONS, items: { type: 'string' }, today: { type: 'string' }, out: { type: 'string', short: 'o' } });
  if (positionals.length !== 1) throw new UsageError('export-csv needs exactly one plan file');
  if (!values['items']) throw new UsageError('export-csv needs --items meetings or --items recommendations');
  const items = itemsOption(values['items'], ['meetings', 'recommendations']);
  const today = (values['today'] as string | undefined) ?? todayInLondon(io.now());
  if (!isPlanDate(today)) throw new UsageError(`--today must be a date written YYYY-MM-DD from 1978 to 2100, not "${today}"`);
  const { tracker, warnings, notes } = loadTracker(io, positionals[0]!, values);
  for (const w of warnings) io.stderr(`warning: ${w}\n`);
  for (const n of notes) io.stderr(`${n}\n`);
  const state = tracker.at(today).state();
  const csv = items === 'meetings' ? meetingsToCsv(state) : recommendationsToCsv(state);
  if (values['out']) {
    io.writeFile(values['out'] as string, csv);
    const count = items === 'meetings' ? state.meetings.length : state.recommendations.length;
    io.stdout(`ok: wrote ${count} ${count === 1 ? items.slice(0, -1) : items} to ${values['out']}\n`);
  } else io.stdout(csv);
  return 0;
}

const COMMANDS: Record<string, (args: string[], io: CliIo) => number> = {
  check,
  report,
  deadlines,
  holidays,
  'import-csv': importCsv,
  'export-csv': exportCsv,
};

/** Runs the `pledgeflow` command line; returns the exit code. */
export function main(argv: string[], io: CliIo = defaultIo, version = '0.0.0'): number {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    (command ? io.stdout : io.stderr)(USAGE);
    return command ? 0 : 2;
  }
  if (command === '-v' || command === '--version') {
    io.stdout(`${version}\n`);
    return 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.stderr(`pledgeflow: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    io.stdout(USAGE);
    return 0;
  }
  try {
    return run(rest, io);
  } catch (error) {
    // Messages may quote the input: invisible characters in it are written out by name.
    if (error instanceof UsageError) {
      io.stderr(`pledgeflow ${command}: ${showInvisible(error.message)}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof InputError) {
      io.stderr(error.lines.map((l) => `${showInvisible(l)}\n`).join(''));
      return 1;
    }
    throw error;
  }
}
