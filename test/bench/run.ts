// `npm run bench`: each scenario against a baseline in the same process and run, as medians
// of repeated runs. Ratios, never absolute times across runs. Writes test/bench/results.json.
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { initialTransition, transition } from 'xstate';
import { actionMachine, createEventId, createTracker, scrutinyReport, type PledgeEvent } from '@pledgeflow/core';
import { plainOverdue, plainReplay } from './plain-reducer.js';
import { syntheticLog, syntheticPlan } from './synthetic.js';

interface Scenario { name: string; unit: string; value: number; baseline: number; ratio: number; goal: number; note?: string }

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}
/** Medians of `RUNS` alternating runs of the subject and its baseline, after one warm-up each. */
function compare(subject: () => unknown, baseline: () => unknown): { value: number; baseline: number } {
  subject();
  baseline();
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    a.push(time(subject));
    b.push(time(baseline));
  }
  return { value: median(a), baseline: median(b) };
}
const round = (x: number) => Math.round(x * 100) / 100;
const results: Scenario[] = [];
const record = (name: string, unit: string, value: number, baseline: number, goal: number, note?: string) => {
  results.push({ name, unit, value: round(value), baseline: round(baseline), ratio: round(value / baseline), goal, ...(note ? { note } : {}) });
  console.log(`${name.padEnd(22)} ${round(value).toString().padStart(10)} ${unit.padEnd(3)} vs ${round(baseline).toString().padStart(9)}  ratio ${round(value / baseline).toString().padStart(7)}  goal <= ${goal}  ${value / baseline <= goal ? 'met' : 'NOT MET'}`);
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
console.log(`pledgeflow benchmarks: node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB; median of ${RUNS} runs\n`);
const plan = syntheticPlan(2000);
const log = syntheticLog(plan, 100_000);
console.log(`synthetic plan: ${plan.actions.length} items, ${log.length} events (made in ${Math.round(performance.now() - started)} ms)\n`);

const full = createTracker({ plan, events: log });
if (full.rejected.length) throw new Error(`the synthetic log has ${full.rejected.length} refused events`);
const snapshots = full.snapshots();

let r = compare(() => createTracker({ plan, events: log, snapshots }), () => plainReplay(log));
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
  r = compare(
    () => {
      const t = createTracker({ plan, events: log, snapshots });
      for (const e of events) t.send(e);
    },
    () => {
      createTracker({ plan, events: log, snapshots });
      let s = started;
      for (const e of events) [s] = transition(actionMachine, s, e as never);
    },
  );
  // Both sides pay the same load, so the difference over the steps is the cost of send() against transition().
  const load = median(Array.from({ length: RUNS }, () => time(() => createTracker({ plan, events: log, snapshots }))));
  record('append-overhead', 'µs', ((r.value - load) * 1000) / steps, ((r.baseline - load) * 1000) / steps, 3);
}

{
  const open = full.actions().filter((a) => a.state === 'inProgress' || a.state === 'atRisk').map((a) => a.id);
  const sizes = [10_000, 100_000, 1_000_000];
  const loads = sizes.map((n) => {
    const events = n <= log.length ? log.slice(0, n) : extend(log, n, open);
    const snaps = createTracker({ plan, events }).snapshots();
    return median(Array.from({ length: Math.min(RUNS, 3) }, () => time(() => createTracker({ plan, events, snapshots: snaps }))));
  });
  console.log(`  load with snapshots: ${sizes.map((n, i) => `${n.toLocaleString('en-GB')} events ${Math.round(loads[i]!)} ms`).join(', ')}`);
  record('load-scaling', 'ms', loads[2]!, loads[0]!, 2, 'growth factor of load time from 10k to 1M events for the same 2,000 items');
}

{
  const state = full.state();
  const today = '2027-06-30';
  const rows = state.actions.map((a) => ({ id: a.id, state: a.state, ...(a.dueDate ? { dueDate: a.dueDate } : {}) }));
  r = compare(() => scrutinyReport(state, today), () => plainOverdue(rows, today));
  record('report-2k', 'ms', r.value, r.baseline, 5);
}

{
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    const heap = (make: () => unknown) => {
      gc();
      const before = process.memoryUsage().heapUsed;
      const kept = make();
      gc();
      const after = process.memoryUsage().heapUsed;
      (globalThis as { keep?: unknown }).keep = kept;
      return after - before;
    };
    const mine = heap(() => createTracker({ plan, events: log, snapshots }));
    const plain = heap(() => ({ items: plainReplay(log), log }));
    record('heap-100k', 'MB', mine / 2 ** 20, plain / 2 ** 20, 3);
  } else console.log('heap-100k: skipped (run with node --expose-gc, as npm run bench does)');
}

writeFileSync(`${process.cwd()}/results.json`, `${JSON.stringify({ machine: { node: process.version, cores: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30) }, runs: RUNS, scenarios: results }, null, 2)}\n`);
console.log(`\nwrote test/bench/results.json in ${Math.round((performance.now() - started) / 1000)} s`);
