// `npm run bench`: each scenario against a baseline in the same process and run, as medians
// of repeated runs. Ratios, never absolute times across runs. Writes test/bench/results.json.
import { existsSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { initialTransition, transition } from 'xstate';
import { actionMachine } from '@pledgeflow/core/xstate';
import { createEventId, createTracker, scrutinyReport, splitAtSnapshots, type PledgeEvent } from '@pledgeflow/core';
import { findPersonalData } from '@pledgeflow/core';
import { runBrowserBenchmarks } from './browser/driver.js';
import { bundleSizes } from './bundle-size.js';
import { plainReplay, plainReport } from './plain-reducer.js';
import { syntheticLog, syntheticPlan } from './synthetic.js';
import { runServerBenchmarks } from '../../packages/server/test/bench/driver.js';
import { runSyncBenchmarks } from './sync/sync-bench.js';

interface Scenario {
  name: string; unit: string; value: number; baseline: number; ratio: number; goal: number;
  /** The ratio is at most the goal, and every check passed. */
  met: boolean;
  /** Conditions the goal needs besides the ratio (update-1-row: DOM mutations only in the changed row). */
  checks?: Record<string, boolean>;
  note?: string;
  details?: Record<string, unknown>;
}

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** A full collection (the bench runs with --expose-gc), so that a run does not pay for the garbage of the one before. */
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}
/**
 * Medians of `RUNS` alternating runs of the subject and its baseline, after one warm-up each,
 * each run after a full collection: without it a 20 ms baseline run that follows a 250 ms
 * replay pays for the replay's garbage, and the ratio moves by 3 or 4 between runs.
 */
function compare(subject: () => unknown, baseline: () => unknown): { value: number; baseline: number } {
  subject();
  baseline();
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    gc();
    a.push(time(subject));
    gc();
    b.push(time(baseline));
  }
  return { value: median(a), baseline: median(b) };
}
const round = (x: number) => Math.round(x * 100) / 100;
const results: Scenario[] = [];
const skipped: { name: string; reason: string }[] = [];
const line = (s: Scenario) =>
  `${s.name.padEnd(22)} ${s.value.toString().padStart(10)} ${s.unit.padEnd(3)} vs ${s.baseline.toString().padStart(9)}  ratio ${s.ratio.toString().padStart(7)}  goal <= ${s.goal}${s.checks ? ` + ${Object.keys(s.checks).join(', ')}` : ''}  ${s.met ? 'met' : 'NOT MET'}`;
const record = (name: string, unit: string, value: number, baseline: number, goal: number, note?: string, extra: Pick<Scenario, 'checks' | 'details'> = {}) => {
  const ratio = value / baseline;
  const met = ratio <= goal && Object.values(extra.checks ?? {}).every(Boolean);
  const s: Scenario = { name, unit, value: round(value), baseline: round(baseline), ratio: round(ratio), goal, met, ...extra, ...(note ? { note } : {}) };
  results.push(s);
  console.log(line(s));
};

/** Extends a log to `total` events with progress notes on items that are in progress or at risk. */
function extend(log: PledgeEvent[], total: number, open: string[]): PledgeEvent[] {
  const out = [...log];
  let at = Date.parse(log.at(-1)!.at);
  const actor = { userId: 'editor', agencyId: 'ag0', role: 'plan-editor' as const };
  for (let i = 0; out.length < total; i++) {
    at += 1000;
    out.push({ id: createEventId(at, () => Uint8Array.from({ length: 16 }, (_, k) => (i * 7 + k * 13) % 256)), stream: open[i % open.length]!, type: 'action.progress', data: { note: 'Monthly update.' }, actor, at: new Date(at).toISOString() } as PledgeEvent);
  }
  return out;
}

const started = performance.now();
const root = resolve(process.cwd(), '../..');
console.log(`pledgeflow benchmarks: node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB; median of ${RUNS} runs\n`);
const plan = syntheticPlan(2000);
const log = syntheticLog(plan, 100_000);
console.log(`synthetic plan: ${plan.actions.length} items, ${log.length} events (made in ${Math.round(performance.now() - started)} ms)\n`);

const full = createTracker({ plan, events: log });
if (full.rejected.length) throw new Error(`the synthetic log has ${full.rejected.length} refused events`);
const snapshots = full.snapshots();

// What a store hands the tracker: the snapshots, the events after them, and the covered ones on demand.
const { coveredEvents } = splitAtSnapshots(log, snapshots);

// Every event is covered by a snapshot here (the store wrote one with each event), so the
// events after the snapshots are none.
let r = compare(() => createTracker({ plan, snapshots, coveredEvents }), () => plainReplay(log));
record('load-snapshots-100k', 'ms', r.value, r.baseline, 1.0);

r = compare(() => createTracker({ plan, events: log }), () => plainReplay(log));
record('replay-100k', 'ms', r.value, r.baseline, 15);

{
  // One user step through send() (schema, policy, machine, snapshot, history) against a bare XState transition().
  const open = full.actions().filter((a) => a.state === 'inProgress' || a.state === 'atRisk').map((a) => a.id);
  const steps = 2000;
  let at = Date.parse(log.at(-1)!.at);
  const actor = { userId: 'editor', agencyId: 'ag0', role: 'plan-editor' as const };
  const events = Array.from({ length: steps }, (_, i) => ({ id: createEventId((at += 1000), () => Uint8Array.from({ length: 16 }, (_, k) => (i * 11 + k * 3) % 256)), stream: open[i % open.length]!, type: 'action.progress' as const, data: { note: 'Update.' }, actor, at: new Date(at).toISOString() }));
  const item = plan.actions.find((a) => a.id === open[0])!;
  const [s0] = initialTransition(actionMachine, item);
  const [started] = transition(actionMachine, transition(actionMachine, s0, { ...events[0]!, type: 'action.agree', data: {} } as never)[0], { ...events[0]!, type: 'action.start', data: {} } as never);
  // Each run loads a fresh tracker (not timed), then times only the steps; the baseline times
  // only the transitions. One warm-up run each first.
  const a: number[] = [];
  const b: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const t = createTracker({ plan, events: log, snapshots });
    let t0 = performance.now();
    for (const e of events) t.send(e);
    const sends = performance.now() - t0;
    let s = started;
    t0 = performance.now();
    for (const e of events) [s] = transition(actionMachine, s, e as never);
    const bare = performance.now() - t0;
    if (run > 0) {
      a.push(sends);
      b.push(bare);
    }
  }
  record('append-overhead', 'µs', (median(a) * 1000) / steps, (median(b) * 1000) / steps, 3);
}

{
  const open = full.actions().filter((a) => a.state === 'inProgress' || a.state === 'atRisk').map((a) => a.id);
  const sizes = [10_000, 100_000, 1_000_000];
  const setups = sizes.map((n) => {
    const events = n <= log.length ? log.slice(0, n) : extend(log, n, open);
    const snaps = createTracker({ plan, events }).snapshots();
    return { snapshots: snaps, coveredEvents: splitAtSnapshots(events, snaps).coveredEvents };
  });
  // Runs alternate between the sizes, after a warm-up of each, with a collection before each
  // run, so that neither the JIT nor the garbage of the 1M log favours one size.
  const runs: number[][] = sizes.map(() => []);
  for (let run = -1; run < RUNS; run++) {
    setups.forEach((setup, i) => {
      gc();
      const ms = time(() => createTracker({ plan, ...setup }));
      if (run >= 0) runs[i]!.push(ms);
    });
  }
  const loads = runs.map(median);
  console.log(`  load with snapshots: ${sizes.map((n, i) => `${n.toLocaleString('en-GB')} events ${Math.round(loads[i]!)} ms`).join(', ')}`);
  record('load-scaling', 'ms', loads[2]!, loads[0]!, 2, 'growth factor of load time from 10k to 1M events for the same 2,000 items');
}

{
  // Each run reports on a new tracker's state (made untimed), so nothing is remembered from the
  // run before. The baseline does the same work the plainest way (plainReport): one loop over
  // the plain reducer's state. Asking again about the same state and day is remembered and
  // much cheaper (shown as a note).
  const today = '2027-06-30';
  const fresh = () => createTracker({ plan, snapshots, coveredEvents }).state();
  const plainState = plainReplay(log);
  const a: number[] = [];
  const b: number[] = [];
  for (let run = -1; run < RUNS; run++) {
    const state = fresh();
    const mine = time(() => scrutinyReport(state, today));
    const plain = time(() => plainReport(plan, plainState, today));
    if (run >= 0) {
      a.push(mine);
      b.push(plain);
    }
  }
  const state = fresh();
  scrutinyReport(state, today);
  const again = median(Array.from({ length: RUNS }, () => time(() => scrutinyReport(state, today))));
  record('report-2k', 'ms', median(a), median(b), 3, `the same state and day asked again: ${round(again)} ms`);

  // A board member's page after one step: one send(), then the report on the new state.
  const tracker = createTracker({ plan, snapshots, coveredEvents, now: () => Date.parse('2031-01-01T00:00:00Z') });
  scrutinyReport(tracker.state(), today);
  const open = tracker.actions({ state: ['inProgress', 'atRisk'] }).map((x) => x.id);
  let at = Date.parse(log.at(-1)!.at);
  const actor = { userId: 'editor', agencyId: 'ag0', role: 'plan-editor' as const };
  const c: number[] = [];
  const d: number[] = [];
  for (let run = -1; run < RUNS * 4; run++) {
    const step = { id: createEventId((at += 1000), () => Uint8Array.from({ length: 16 }, (_, k) => (run * 13 + k * 5 + 300) % 256)), stream: open[(run + 1) % open.length]!, type: 'action.progress' as const, data: { note: 'Update.' }, actor, at: new Date(at).toISOString() };
    const mine = time(() => {
      tracker.send(step);
      scrutinyReport(tracker.state(), today);
    });
    const plain = time(() => plainReport(plan, plainState, today));
    if (run >= 0) {
      c.push(mine);
      d.push(plain);
    }
  }
  record('report-after-step', 'ms', median(c), median(d), 1.5, 'one send(), then the report on the new state');
}

{
  // The personal-data check on a 2,000-character note written to make it backtrack (issue 10:
  // 17 s before it read words in one pass), against 2,000 characters of ordinary evidence with
  // dates, a birthday and a service's postcode in it. Per scan; each run times 200 scans.
  const fill = (unit: string) => unit.repeat(Math.ceil(2000 / unit.length)).slice(0, 2000);
  const adversarial = fill('Abcd '.repeat(15) + '1 DOB x ');
  const ordinary = fill(
    'The Corporate Parenting Board met on 3 March 2026 and agreed the refreshed pledge. Care leavers now get a birthday card and a voucher; 212 were sent by 31/03/2026. ' +
      'Drop-in sessions moved to the Youth Hub, 20 Station Road, Leeds LS1 4AP, from 6 January 2026. West Mercia Police ran 4 workshops on exploitation for 38 foster carers. ' +
      'Every young person leaving care now has a named adviser and a plan for housing, education and work. ',
  );
  const scans = 200;
  const scan = (text: string) => () => {
    for (let i = 0; i < scans; i++) findPersonalData(text);
  };
  const p = compare(scan(adversarial), scan(ordinary));
  // Prose with no birth word or postcode skips the name and date checks altogether: shown too.
  const plainProse = fill('Every young person leaving care now has a named adviser and a plan for housing, education and work, and partners report what they did each quarter. ');
  const q = compare(scan(adversarial), scan(plainProse));
  record('privacy-scan-2k', 'µs', (p.value * 1000) / scans, (p.baseline * 1000) / scans, 3, `one scan of 'Abcd '.repeat(15) + '1 DOB x ' to 2,000 characters, against ordinary evidence; ${round(q.value / q.baseline)} times prose with no birth word or postcode`, {
    details: { proseWithoutBirthWordsOrPostcodesUs: round((q.baseline * 1000) / scans), ratioToThatProse: round(q.value / q.baseline) },
  });
}

{
  if ((globalThis as { gc?: () => void }).gc) {
    const heap = (make: () => unknown) => {
      gc();
      const before = process.memoryUsage().heapUsed;
      const kept = make();
      gc();
      const after = process.memoryUsage().heapUsed;
      (globalThis as { keep?: unknown }).keep = kept;
      return after - before;
    };
    const mine = heap(() => createTracker({ plan, snapshots, coveredEvents }));
    const plain = heap(() => ({ items: plainReplay(log), log }));
    record('heap-100k', 'MB', mine / 2 ** 20, plain / 2 ** 20, 3);
  } else console.log('heap-100k: skipped (run with node --expose-gc, as npm run bench does)');
}

{
  // Bundle sizes against their budgets: value = brotli kB, baseline = the budget.
  console.log('');
  for (const b of await bundleSizes(root)) {
    record(b.name, 'kB', b.kB, b.budgetKB, 1, `${b.note}; classic zod ${b.classicZod ? 'IS in the bundle' : 'not in the bundle'}`, { checks: { noClassicZod: !b.classicZod } });
  }
}

let chromium: string | undefined;
{
  // The Chromium scenarios: the same synthetic data, in a page (see browser/driver.ts).
  console.log('');
  const names = ['idb-open-100k', 'render-1k-rows', 'update-1-row'];
  const goals: Record<string, number> = { 'idb-open-100k': 2, 'render-1k-rows': 1.5, 'update-1-row': 2 };
  if (process.env.BENCH_BROWSER === '0') {
    console.log('browser scenarios skipped: BENCH_BROWSER=0');
    for (const name of names) skipped.push({ name, reason: 'BENCH_BROWSER=0' });
  } else try {
    const outcome = await runBrowserBenchmarks({
      root, bundle: `${root}/.cache/bench-browser.js`, data: JSON.stringify({ plan, events: log, snapshots }), runs: RUNS,
      onMeasure: (m) => record(m.name, m.unit, m.value, m.baseline, goals[m.name]!, m.note, { ...(m.checks ? { checks: m.checks } : {}), ...(m.details ? { details: m.details } : {}) }),
    });
    if (outcome.ok) chromium = outcome.chromium;
    else {
      console.log(`browser scenarios skipped: ${outcome.reason}`);
      for (const name of names) skipped.push({ name, reason: outcome.reason });
    }
  } catch (error) {
    // A failure in the page is reported, and the Node results are still written.
    const reason = `failed in Chromium: ${error instanceof Error ? error.message : String(error)}`;
    console.log(`browser scenarios: ${reason}`);
    for (const name of names.filter((n) => !results.some((r) => r.name === n))) skipped.push({ name, reason });
    process.exitCode = 1;
  }
}

{
  // The browser on the sync server (issue 13): first-sync-100k and live-step, in Chromium against
  // a `pledgeflow serve --dev` process on PGlite (test/bench/sync/sync-bench.ts).
  console.log('');
  const names = ['first-sync-100k', 'live-step'];
  if (process.env.BENCH_BROWSER === '0') {
    console.log('sync scenarios skipped: BENCH_BROWSER=0');
    for (const name of names) skipped.push({ name, reason: 'BENCH_BROWSER=0' });
  } else if (!existsSync(process.env.CHROME_PATH ?? '/usr/bin/chromium')) {
    const reason = `no Chromium at ${process.env.CHROME_PATH ?? '/usr/bin/chromium'}`;
    console.log(`sync scenarios skipped: ${reason}`);
    for (const name of names) skipped.push({ name, reason });
  } else try {
    const outcome = await runSyncBenchmarks({
      root, plan, log, runs: RUNS, say: (text) => console.log(text),
      onMeasure: (m) => record(m.name, m.unit, m.value, m.baseline, m.goal, m.note, m.details ? { details: m.details } : {}),
    });
    if (!outcome.ok) {
      console.log(`sync scenarios skipped: ${outcome.reason}`);
      for (const name of names) skipped.push({ name, reason: outcome.reason });
    }
  } catch (error) {
    const reason = `failed: ${error instanceof Error ? error.message : String(error)}`;
    console.log(`sync scenarios: ${reason}`);
    for (const name of names.filter((n) => !results.some((r) => r.name === n))) skipped.push({ name, reason });
    process.exitCode = 1;
  }
}

{
  // The sync server on PostgreSQL (packages/server/test/bench/server-bench.ts, in a process of
  // its own): only where PLEDGEFLOW_TEST_DATABASE_URL, or the local database .ci/run makes, answers.
  console.log('');
  const outcome = await runServerBenchmarks({
    root, runs: RUNS, say: (text) => console.log(text),
    onMeasure: (m) => record(m.name, m.unit, m.value, m.baseline, m.goal, m.note, m.checks ? { checks: m.checks } : {}),
  });
  if (!outcome.ok) {
    console.log(`server scenarios skipped: ${outcome.reason}`);
    for (const name of outcome.notRun) skipped.push({ name, reason: outcome.reason });
    if (outcome.reason.startsWith('failed')) process.exitCode = 1;
  }
}

const machine = { node: process.version, cores: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), ...(chromium ? { chromium } : {}) };
writeFileSync(`${process.cwd()}/results.json`, `${JSON.stringify({ machine, runs: RUNS, scenarios: results, ...(skipped.length ? { skipped } : {}) }, null, 2)}\n`);

// The table, as the README shows it.
console.log(`\n| scenario | value | baseline | ratio | goal | met |\n| --- | ---: | ---: | ---: | --- | --- |`);
for (const s of results) {
  console.log(`| ${s.name} | ${s.value} ${s.unit} | ${s.baseline} ${s.unit} | ${s.ratio} | <= ${s.goal}${s.checks ? ` and ${Object.entries(s.checks).map(([k, ok]) => `${k} (${ok ? 'yes' : 'no'})`).join(', ')}` : ''} | ${s.met ? 'yes' : '**no**'} |`);
}
for (const s of skipped) console.log(`| ${s.name} | skipped: ${s.reason} | | | | |`);
console.log(`\n${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, node ${machine.node}${chromium ? `, ${chromium}` : ''}; median of ${RUNS} runs`);
console.log(`wrote test/bench/results.json in ${Math.round((performance.now() - started) / 1000)} s`);
