// Runs the server's benchmarks (server-bench.ts) for `npm run bench`, in a process of its own
// built with esbuild: the server's packages stay external, as in production, and its
// memory is its own. Only node built-ins and esbuild here: test/bench/run.ts bundles this file.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { buildServerProcess } from '../support/processes.js';
import type { Measure } from './server-bench.js';

export const SERVER_SCENARIOS = ['push-1k', 'pull-100k', 'restart-1m', 'concurrent-50'] as const;

/** Where PostgreSQL is: the tests' database, or the one .ci/run makes on this computer. */
export const LOCAL_DATABASE_URL = 'postgres://pledgeflow:pledgeflow@127.0.0.1:5432/pledgeflow_test';

/** `notRun`: the scenarios that gave no result (all of them when no PostgreSQL answers). */
export type ServerBenchOutcome = { ok: true } | { ok: false; reason: string; notRun: string[] };

/**
 * Builds and runs the server's benchmarks; `onMeasure` hears each result and `say` each line
 * for people. Skipped (not failed) when no PostgreSQL answers.
 */
export async function runServerBenchmarks(options: {
  root: string;
  runs: number;
  onMeasure: (m: Measure) => void;
  say: (line: string) => void;
}): Promise<ServerBenchOutcome> {
  const url = process.env['PLEDGEFLOW_TEST_DATABASE_URL'] || LOCAL_DATABASE_URL;
  const root = new URL(`file://${options.root.replace(/\/?$/, '/')}`);
  const script = await buildServerProcess({ root, entry: new URL('packages/server/test/bench/server-bench.ts', root).pathname, name: 'server-bench' });
  try {
    const child = spawn(process.execPath, ['--max-old-space-size=8192', script], {
      cwd: options.root,
      env: { ...process.env, PLEDGEFLOW_BENCH_DATABASE_URL: url, BENCH_RUNS: String(options.runs) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let reason: string | undefined;
    const ran = new Set<string>();
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return options.say(line);
      const message = JSON.parse(line) as { measure?: Measure; scenario?: string; skipped?: string; failed?: string };
      if (message.measure) {
        ran.add(message.scenario ?? message.measure.name);
        options.onMeasure(message.measure);
      }
      if (message.skipped) reason = message.skipped;
      if (message.failed) reason = `failed: ${message.failed}`;
    });
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    if (code !== 0 && !reason) reason = `failed: the benchmark process ended with exit code ${code}`;
    return reason ? { ok: false, reason, notRun: SERVER_SCENARIOS.filter((n) => !ran.has(n)) } : { ok: true };
  } finally {
    rmSync(dirname(script), { recursive: true, force: true });
  }
}
