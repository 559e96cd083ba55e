import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../src/cli/cli.js';
import { createTracker } from '@pledgeflow/core';
import { stringifyPlanFile } from '../../src/io/plan-file.js';
import { as, ev, ok, planInput, testPlan } from '../fixtures.js';
import { BOARD_YEAR_TODAY, boardYear, boardYearInput } from '../queries/board-year.js';

const root = new URL('../../../../', import.meta.url).pathname;
const PLAN = 'examples/plans/eastmere.plan.json';
const LOG = 'examples/plans/eastmere.events.ndjson';

/** Runs the CLI in-process with files from the repository plus any given here. */
function run(args: string[], files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const written: Record<string, string> = {};
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: (p) => {
      if (p in files) return files[p]!;
      return readFileSync(root + p, 'utf8');
    },
    writeFile: (p, t) => void (written[p] = t),
    now: () => new Date('2026-11-25T12:00:00Z'),
  };
  const code = main(args, io, '9.9.9');
  return { code, stdout, stderr, written };
}

const planFile = JSON.stringify({ format: 'pledgeflow-plan', version: 1, ...planInput });

describe('pledgeflow check', () => {
  it('prints a one-line summary and exits 0 for the example plan and log', () => {
    const r = run(['check', PLAN, '--events', LOG]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok: Eastmere .*: 10 promises, 32 actions, 4 working groups, .*; \d+ events, all accepted\n$/);
  });

  it('exits 1 with one line per problem, naming the path', () => {
    const bad = JSON.stringify({ format: 'pledgeflow-plan', version: 1, ...planInput, period: { start: '2026-04-01', end: 'soon' } });
    const r = run(['check', 'bad.json'], { 'bad.json': bad });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('bad.json: period.end: expected a date written YYYY-MM-DD, such as 2027-03-31 (got "soon")\n');
  });

  it('names the line of each bad or refused event in the log', () => {
    const good = { id: 'event-000001', stream: 'a1', type: 'action.complete', data: {}, actor: { userId: 'owner', agencyId: 'vs', role: 'action-owner' }, at: '2026-06-01T10:00:00Z' };
    const r = run(['check', 'plan.json', '--events', 'log.ndjson'], { 'plan.json': planFile, 'log.ndjson': `${JSON.stringify(good)}\n\n{oops\n` });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^log\.ndjson: line 3: not valid JSON/),
      'log.ndjson: line 1: "Train designated teachers" is draft, so no one can mark actions complete on it now (only when it is in progress, at risk).',
    ]);
  });

  it('reads a plan file that starts with a byte order mark, and writes invisible characters it quotes by name', () => {
    expect(run(['check', 'plan.json'], { 'plan.json': `\uFEFF${planFile}` })).toMatchObject({ code: 0, stderr: '' });
    const bad = run(['check', 'plan.json'], { 'plan.json': planFile.replace('"owner"', '"owner\u200b"') });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('(got "owner[U+200B zero-width space]")');
    const usage = run(['report', 'plan.json', '--format', 'md\u200b'], { 'plan.json': planFile });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--format must be md, json or csv, not "md[U+200B zero-width space]"');
    expect(bad.stderr + usage.stderr).not.toMatch(/[\p{Cf}]/u);
  });

  it('says when the last line of the log looks cut off, and reads the rest with --skip-partial-last-line', () => {
    const good = { id: 'event-000001', stream: 'a1', type: 'action.agree', data: {}, actor: { userId: 'lead', agencyId: 'vs', role: 'working-group-lead' }, at: '2026-06-01T10:00:00Z' };
    const log = `${JSON.stringify(good)}\n${'\n'.repeat(1202)}{"id": "event-000002", "stream": "a2", "ty`;
    const files = { 'plan.json': planFile, 'log.ndjson': log };
    const hint = 'line 1,204 of log.ndjson looks cut off (the file may have been written while the computer stopped); run again with --skip-partial-last-line to read the rest\n';
    expect(run(['check', 'plan.json', '--events', 'log.ndjson'], files)).toMatchObject({ code: 1, stderr: hint });
    expect(run(['report', 'plan.json', '--events', 'log.ndjson', '--today', '2026-11-25'], files)).toMatchObject({ code: 1, stderr: hint });

    const checked = run(['check', 'plan.json', '--events', 'log.ndjson', '--skip-partial-last-line'], files);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(/; 1 events, all accepted\n$/);
    expect(checked.stderr).toBe('warning: log.ndjson: skipped 1 line (line 1,204, which looks cut off); read the 1,203 lines before it\n');
    const reported = run(['report', 'plan.json', '--events', 'log.ndjson', '--today', '2026-11-25', '--format', 'json', '--skip-partial-last-line'], files);
    expect(reported.code).toBe(0);
    expect(JSON.parse(reported.stdout).counts.actions).toBe(4);
    expect(reported.stderr).toContain('skipped 1 line');

    // A complete log: the option skips nothing, and says so.
    const whole = run(['check', 'plan.json', '--events', 'log.ndjson', '--skip-partial-last-line'], { ...files, 'log.ndjson': `${JSON.stringify(good)}\n` });
    expect(whole).toMatchObject({ code: 0, stderr: 'log.ndjson: skipped no lines: the last line is complete\n' });
    expect(run(['check', 'plan.json', '--skip-partial-last-line'], files)).toMatchObject({ code: 2, stderr: expect.stringContaining('give one with --events') });
  });

  it('says plainly when a file does not exist', () => {
    const r = run(['check', 'nowhere.json']);
    expect(r).toMatchObject({ code: 1, stderr: 'nowhere.json: cannot read the file (there is no such file)\n' });
  });
});

describe('pledgeflow report', () => {
  it('prints the scrutiny report as JSON with the fields a panel relies on', () => {
    const r = run(['report', PLAN, '--events', LOG, '--today', '2026-11-25', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    for (const key of ['overdue', 'reviewsOverdue', 'atRisk', 'slippedDueDates', 'promisesWithoutEvidence', 'principlesWithoutActions', 'youSaidWeDid', 'counts']) {
      expect(report, key).toHaveProperty(key);
    }
    expect(report.overdue.length).toBeGreaterThan(0);
    for (const o of report.overdue) {
      expect(Object.keys(o)).toEqual(expect.arrayContaining(['id', 'title', 'owner', 'leadAgency', 'dueDate', 'daysOverdue', 'workingDaysOverdue']));
      expect(o.dueDate < '2026-11-25').toBe(true);
    }
  });

  it('prints Markdown by default and CSV on request, with formula injection neutralised', () => {
    const md = run(['report', PLAN, '--events', LOG, '--today', '2026-11-25']);
    expect(md.stdout).toContain('## Overdue actions');
    const csv = run(['report', PLAN, '--events', LOG, '--today', '2026-11-25', '--format', 'csv']);
    expect(csv.stdout.split('\r\n')[0]).toBe('Section,Id,Title,Owner,Lead agency,Date,Days,Working days,Note');
  });

  it('uses today in the UK when --today is left out', () => {
    const r = run(['report', PLAN, '--format', 'json']);
    expect(JSON.parse(r.stdout).today).toBe('2026-11-25');
  });

  it('refuses bad arguments with usage and exit 2', () => {
    for (const args of [['report'], ['report', PLAN, '--format', 'pdf'], ['report', PLAN, '--today', '25/11/2026'], ['report', PLAN, '--colour']]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('Usage: pledgeflow');
    }
  });

  it('reports a past day as the plan stood then', () => {
    const files: Record<string, string> = { 'p.json': JSON.stringify({ format: 'pledgeflow-plan', version: 1, ...planInput }) };
    const t = createTracker({ plan: testPlan() });
    ok(t.send(ev(as('lead'), 'a1', 'action.agree', {}, '2026-06-01T10:00:00Z')));
    ok(t.send(ev(as('owner'), 'a1', 'action.start', {}, '2026-06-02T10:00:00Z')));
    ok(t.send(ev(as('owner'), 'a1', 'action.flag-risk', { reason: 'r' }, '2026-09-01T10:00:00Z')));
    files['l.ndjson'] = t.events().map((e) => JSON.stringify(e)).join('\n');
    let out = '';
    main(['report', 'p.json', '--events', 'l.ndjson', '--today', '2026-07-01', '--format', 'json'], { stdout: (s) => void (out += s), stderr: () => {}, readFile: (p) => files[p]!, writeFile: () => {}, now: () => new Date() });
    expect(JSON.parse(out).atRisk).toEqual([]);
  });

  it("shows the board's year and the scrutiny recommendations that need the panel: what issue 15 asked of the report", () => {
    const t = boardYear();
    const files = {
      'board.json': stringifyPlanFile(t.plan),
      'board.ndjson': `${t.events().map((e) => JSON.stringify(e)).join('\n')}\n`,
    };
    const md = run(['report', 'board.json', '--events', 'board.ndjson', '--today', BOARD_YEAR_TODAY], files);
    expect(md.code).toBe(0);
    const section = (from: string, to: string) => md.stdout.slice(md.stdout.indexOf(from), md.stdout.indexOf(to, md.stdout.indexOf(from) + from.length));
    // Attendance below expectation, meetings not quorate, reports not received.
    expect(section('### Members attending less than expected', '###')).toContain('| Bryn Board | Testshire NHS | 2 of 3 (67%) | 75% |');
    expect(section('### Meetings not quorate', '###')).toContain('| Board meeting, 17 September 2026 |');
    expect(section('### Reports not in by the papers deadline', '###')).toContain('| Education and Work | Board meeting, 10 December 2026 | 2026-12-03 | missing |');
    // Responses overdue and recommendations awaiting sign-off.
    expect(section('### Responses overdue', '###')).toContain('| Recommendation 1 (Review of school stability): Name a designated teacher in every school. |  | 2026-07-01 | 188 |');
    expect(section('### Awaiting sign-off by the committee', '###')).toContain('| Recommendation 2 (Review of school stability): Report school moves to the board each quarter. | Lee Lead |');
    // A day before the events, nothing had happened yet: the report is of the plan as it stood.
    const before = JSON.parse(run(['report', 'board.json', '--events', 'board.ndjson', '--today', '2026-06-05', '--format', 'json'], files).stdout);
    expect(before.board.meetingsNotQuorate).toEqual([]);
    expect(before.recommendations.awaitingSignOff).toEqual([]);
    const json = JSON.parse(run(['report', 'board.json', '--events', 'board.ndjson', '--today', BOARD_YEAR_TODAY, '--format', 'json'], files).stdout);
    expect(json.counts).toMatchObject({ meetingsNotQuorate: 1, attendanceBelowExpectation: 2, reportsNotReceived: 2, responsesOverdue: 2, awaitingSignOff: 1 });
  });
});

describe('pledgeflow deadlines and holidays', () => {
  it('gives board deadlines for a meeting, as text or JSON, with a plan\'s closures', () => {
    expect(run(['deadlines', '--meeting', '2027-01-20']).stdout).toContain('Report to the Children in Care Council by: 2026-12-30');
    const withPlan = JSON.parse(run(['deadlines', '--meeting', '2027-01-20', '--plan', PLAN, '--json']).stdout);
    expect(withPlan).toEqual({ meeting: '2027-01-20', papers: '2027-01-13', childrenInCareCouncil: '2026-12-24', minutes: '2027-02-03' });
    expect(run(['deadlines']).code).toBe(2);
    expect(run(['deadlines', '--meeting', '2027-02-30']).code).toBe(2);
  });

  it('lists the bank holidays of a year', () => {
    const r = run(['holidays', '2027', '--json']);
    expect(JSON.parse(r.stdout).map((h: { date: string }) => h.date)).toEqual([
      '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28',
    ]);
    expect(run(['holidays', 'next']).code).toBe(2);
  });
});

describe('pledgeflow import-csv', () => {
  it('writes a new plan with the imported actions, or nothing and every bad row', () => {
    const good = 'Title,Lead agency,Workstream,Owner,Due date\nRun a drop-in,Virtual School,Education and Work,Owen Owner,31/03/2027\n';
    const r = run(['import-csv', 'a.csv', '--plan', 'p.json', '-o', 'out.json'], { 'a.csv': good, 'p.json': planFile });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.written['out.json']!).actions.at(-1)).toMatchObject({ title: 'Run a drop-in', leadAgency: 'vs', owner: 'owner', dueDate: '2027-03-31' });
    const bad = 'Title,Lead agency,Workstream,Due date\nRun a drop-in,Mars,Education and Work,next spring\n';
    const b = run(['import-csv', 'a.csv', '--plan', 'p.json', '-o', 'out.json'], { 'a.csv': bad, 'p.json': planFile });
    expect(b.code).toBe(1);
    expect(b.written).toEqual({});
    expect(b.stderr.split('\n').filter(Boolean).length).toBe(2);
    expect(run(['import-csv', 'a.csv', '--plan', 'p.json']).code).toBe(2);
  });

  it('imports board meetings and scrutiny recommendations with --items, all or nothing', () => {
    const plan = stringifyPlanFile(testPlan({ ...boardYearInput, meetings: [], recommendations: [] }));
    const meetings = run(['import-csv', 'm.csv', '--plan', 'p.json', '-o', 'out.json', '--items', 'meetings'], {
      'm.csv': 'Date,Theme,Reports from\n11/03/2027,Health,Health and Wellbeing\n10/06/2027,Housing,\n', 'p.json': plan,
    });
    expect(meetings).toMatchObject({ code: 0, stdout: 'ok: imported 2 meetings into out.json\n' });
    expect(JSON.parse(meetings.written['out.json']!)).toMatchObject({ version: 2, meetings: [{ id: 'board-2027-03-11', reports: ['health'] }, { id: 'board-2027-06-10' }] });
    const recs = run(['import-csv', 'r.csv', '--plan', 'p.json', '-o', 'out.json', '--items', 'recommendations'], {
      'r.csv': 'Review,Number,Recommendation\nrv,1,Name a designated teacher in every school.\nrv,1,Again\n', 'p.json': plan,
    });
    expect(recs).toMatchObject({ code: 1, written: {} });
    expect(recs.stderr).toBe('r.csv: row 3, Number: recommendation 1 of this review is already in row 2; each recommendation of a review needs its own number\n');
    expect(run(['import-csv', 'r.csv', '--plan', 'p.json', '-o', 'o.json', '--items', 'minutes'], { 'r.csv': '', 'p.json': plan }).stderr)
      .toMatch(/^pledgeflow import-csv: --items must be actions, meetings or recommendations, not "minutes"/);
  });
});

describe('pledgeflow export-csv', () => {
  it('writes meetings or recommendations as they stood at the end of a day, as CSV the import reads again', () => {
    const t = boardYear();
    const files = { 'board.json': stringifyPlanFile(t.plan), 'board.ndjson': t.events().map((e) => JSON.stringify(e)).join('\n') };
    const meetings = run(['export-csv', 'board.json', '--events', 'board.ndjson', '--items', 'meetings', '--today', BOARD_YEAR_TODAY], files);
    expect(meetings.code).toBe(0);
    expect(meetings.stdout.split('\r\n').slice(0, 2)).toEqual([
      'ID,Date,Theme,Title,Reports from,State,First set for,Why moved or cancelled,Present,Reports received',
      expect.stringMatching(/^m-jun,2026-06-11,Health,,Health and Wellbeing,Held,,,/),
    ]);
    // Before June's meeting it was still planned.
    expect(run(['export-csv', 'board.json', '--events', 'board.ndjson', '--items', 'meetings', '--today', '2026-06-05'], files).stdout.split('\r\n')[1])
      .toBe('m-jun,2026-06-11,Health,,Health and Wellbeing,Planned,,,,Health and Wellbeing (2026-06-01)');
    const recs = run(['export-csv', 'board.json', '--events', 'board.ndjson', '--items', 'recommendations', '--today', BOARD_YEAR_TODAY, '-o', 'r.csv'], files);
    expect(recs).toMatchObject({ code: 0, stdout: 'ok: wrote 4 recommendations to r.csv\n' });
    expect(recs.written['r.csv']!.split('\r\n')[3]).toMatch(/^r3,Review of school stability,3,Fund a second virtual school officer\.,2026-05-01,,,,Rejected,Rejected,No budget this year,2026-06-20,,$/);
    expect(run(['export-csv', 'board.json'], files).code).toBe(2);
  });
});

describe('long lists of problems', () => {
  it('prints the first 100 problems and a count of the rest', () => {
    const rows = Array.from({ length: 1_000 }, (_, i) => `Row ${i},Mars,Education and Work,,next spring`).join('\n');
    const csv = run(['import-csv', 'a.csv', '--plan', 'p.json', '-o', 'out.json'], { 'a.csv': `Title,Lead agency,Workstream,Owner,Due date\n${rows}\n`, 'p.json': planFile });
    expect(csv.code).toBe(1);
    expect(csv.written).toEqual({});
    const lines = csv.stderr.split('\n').filter(Boolean);
    expect(lines.length).toBe(101);
    expect(lines.at(-1)).toBe('a.csv: and 1,900 more problems (only the first 100 are listed)');

    const log = run(['check', 'plan.json', '--events', 'log.ndjson'], { 'plan.json': planFile, 'log.ndjson': '{oops\n'.repeat(250) });
    expect(log.code).toBe(1);
    expect(log.stderr.split('\n').filter(Boolean).length).toBe(101);
    expect(log.stderr).toContain('log.ndjson: and 150 more problems (only the first 100 are listed)\n');

    // A cut-off last line is said even when it is past the first 100 problems.
    const cut = run(['check', 'plan.json', '--events', 'log.ndjson'], { 'plan.json': planFile, 'log.ndjson': `${'{"id": "x"}\n'.repeat(150)}{"id` });
    const cutLines = cut.stderr.split('\n').filter(Boolean);
    expect(cutLines.length).toBe(102);
    expect(cutLines[0]).toMatch(/^line 151 of log\.ndjson looks cut off/);
    expect(cutLines.at(-1)).toMatch(/^log\.ndjson: and \d+ more problems/);
  });
});

describe('the pledgeflow command itself', () => {
  it('prints help, the version, and refuses an unknown command with exit 2', () => {
    expect(run(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('pledgeflow <command>') });
    expect(run(['--version']).stdout).toBe('9.9.9\n');
    expect(run(['frobnicate'])).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "frobnicate"') });
    expect(run([]).code).toBe(2);
  });

  it('runs as `npx pledgeflow` from the built package at the repository root', () => {
    const out = execFileSync('npx', ['--no-install', 'pledgeflow', 'holidays', '2026'], { cwd: root, encoding: 'utf8' });
    expect(out.split('\n')[0]).toBe("2026-01-01  New Year's Day");
    const bad = spawnSync('npx', ['--no-install', 'pledgeflow', 'check'], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(2);
  }, 60_000);
});
