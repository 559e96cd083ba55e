// The sync benchmarks for `npm run bench` (issue 13), in Chromium against a real server process:
// `pledgeflow serve --dev` built from source, PGlite in a temporary directory, on loopback,
// started with the synthetic plan and its 100,000 events.
//
// - first-sync-100k: a new browser context (empty IndexedDB) opening <pledge-tracker server plan>
//   until its tracker is ready, against opening the same data already in IndexedDB
//   (openIdbTracker, as idb-open-100k) plus a plain fetch of the same pull pages.
// - live-step: a progress note taken in one page until it is drawn in a second page (another
//   person, another context), against one plain authenticated fetch round trip to the server.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { stringifyEventLog, stringifyPlanFile, type Actor, type Plan, type PledgeEvent } from '@pledgeflow/core';
import { buildServerProcess, startServerProcess } from '../../../packages/server/test/support/processes.js';
import { FLAGS, puppeteer } from '../browser/driver.js';

export interface SyncMeasure { name: string; unit: string; value: number; baseline: number; goal: number; note: string; details?: Record<string, unknown> }
export type SyncOutcome = { ok: true } | { ok: false; reason: string };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x * 10) / 10;

export async function runSyncBenchmarks(options: {
  root: string; plan: Plan; log: PledgeEvent[]; runs: number;
  onMeasure: (m: SyncMeasure) => void; say: (line: string) => void;
}): Promise<SyncOutcome> {
  const { root, plan, log, say } = options;
  const executablePath = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';
  const launcher = await puppeteer(root);
  if (!launcher) return { ok: false, reason: 'puppeteer-core is not in node_modules' };
  const dir = mkdtempSync(join(tmpdir(), 'pledgeflow-sync-bench-'));
  const cleanups: (() => Promise<unknown> | unknown)[] = [() => rmSync(dir, { recursive: true, force: true })];
  try {
    // The page: the elements, the store and this bench's functions, as a page would load them.
    const bundle = join(dir, 'sync.browser.js');
    await build({
      entryPoints: [join(root, 'test/bench/browser/sync.browser.ts')], bundle: true, platform: 'browser', format: 'esm', target: 'es2022',
      outfile: bundle, conditions: ['pledgeflow-source', 'module'], logLevel: 'warning', minify: true,
    });
    const script = (await import('node:fs')).readFileSync(bundle);
    const page = '<!doctype html><html lang="en-GB"><meta charset="utf-8"><title>pledgeflow sync bench</title><body><script type="module" src="/sync.browser.js"></script></body></html>';
    const web = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (path === '/') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      else if (path === '/sync.browser.js') res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => web.close());
    const origin = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;

    // The server, from source, with the plan and its events loaded at start.
    writeFileSync(join(dir, 'plan.json'), stringifyPlanFile(plan));
    writeFileSync(join(dir, 'log.ndjson'), stringifyEventLog(log));
    const serverScript = await buildServerProcess({ root: new URL(`file://${root.replace(/\/?$/, '/')}`), entry: join(root, 'test/bench/sync/serve-entry.ts'), name: 'sync-bench-server' });
    cleanups.push(() => rmSync(dirname(serverScript), { recursive: true, force: true }));
    const t0 = performance.now();
    const server = await startServerProcess(serverScript, [
      '--dev', '--plan', join(dir, 'plan.json'), '--events', join(dir, 'log.ndjson'), '--data-dir', join(dir, 'pglite'), '--port', '0',
      '--cors-origin', origin, '--rate-per-person', '100000', '--rate-per-address', '100000', '--log-level', 'silent',
    ], 600_000);
    cleanups.push(() => server.stop());
    say(`  sync server with ${log.length.toLocaleString('en-GB')} events ready in ${Math.round((performance.now() - t0) / 1000)} s`);
    const token = async (userId: string) => {
      const res = await fetch(`${server.url}/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) });
      if (!res.ok) throw new Error(`dev sign-in as ${userId}: ${res.status}`);
      return ((await res.json()) as { token: string }).token;
    };
    const board: Actor = { userId: 'board', agencyId: 'ag1', role: 'board-member' };
    const editor: Actor = { userId: 'editor', agencyId: 'ag0', role: 'plan-editor' };
    const where = async (actor: Actor) => ({ server: server.url, planId: plan.id, token: await token(actor.userId) });

    const browser = await launcher.launch({ executablePath, headless: true, args: FLAGS, protocolTimeout: 600_000 });
    cleanups.push(() => browser.close());
    const newPage = async () => {
      const context = await browser.createBrowserContext();
      const tab = await context.newPage();
      const errors: string[] = [];
      tab.on('pageerror', (e) => errors.push(String(e)));
      await tab.goto(`${origin}/`, { waitUntil: 'load' });
      await tab.waitForFunction('window.__sync !== undefined', { timeout: 30_000 }).catch(() => {
        throw new Error(`the sync bench page did not start: ${errors.join('; ') || 'no error reported'}`);
      });
      return tab;
    };

    // first-sync-100k: each run in a new context, so IndexedDB starts empty.
    const open = plan.actions[0]!.id;
    const boardWhere = await where(board);
    const syncs: number[] = [];
    const opens: number[] = [];
    const transfers: number[] = [];
    let bytes = 0;
    let last: Awaited<ReturnType<typeof newPage>> | undefined;
    for (let run = 0; run < options.runs; run++) {
      const tab = await newPage();
      const r = (await tab.evaluate((w, a, id) => (window as any).__sync.firstSync(w, a, id), boardWhere, board as never, open)) as { ms: number; actions: number };
      if (r.actions !== plan.actions.length) throw new Error(`the first sync showed ${r.actions} actions, not ${plan.actions.length}`);
      syncs.push(r.ms);
      opens.push((await tab.evaluate((w, a) => (window as any).__sync.idbOpen(w, a), boardWhere, board as never)) as number);
      const raw = (await tab.evaluate((w, n) => (window as any).__sync.rawTransfer(w, n), boardWhere, log.length)) as { ms: number; bytes: number };
      transfers.push(raw.ms);
      bytes = raw.bytes;
      say(`  first sync ${Math.round(r.ms)} ms; IndexedDB open ${Math.round(opens.at(-1)!)} ms + raw transfer ${Math.round(raw.ms)} ms`);
      if (last) await last.browserContext().close();
      last = tab;
    }
    const sync = median(syncs);
    const baseline = median(opens) + median(transfers);
    options.onMeasure({
      name: 'first-sync-100k', unit: 'ms', value: sync, baseline, goal: 3,
      note: `a new browser context opening <pledge-tracker server plan> until its tracker is ready (100,000 events pulled into IndexedDB, snapshots written), against openIdbTracker on that data (${round(median(opens))} ms) plus a plain fetch of the same ${Math.round(bytes / 1e6)} MB of pull pages (${round(median(transfers))} ms)`,
      details: { idbOpen: median(opens), rawTransfer: median(transfers), bytes },
    });

    // live-step: the board member's page (the last context) shows the action; the editor's takes steps.
    const watcher = last!;
    await watcher.evaluate(() => (window as any).__sync.whenSaved());
    const stepper = await newPage();
    const editorWhere = await where(editor);
    await stepper.evaluate((w, a, id) => (window as any).__sync.firstSync(w, a, id), editorWhere, editor as never, open);
    await stepper.evaluate(() => (window as any).__sync.whenSaved());
    const steps: number[] = [];
    const trips: number[] = [];
    const healthz: number[] = [];
    // Where the time goes: step to push sent (saved in IndexedDB, outbox read), the push, push
    // answered to the other page's pull sent (the live stream), the pull, pull answered to drawn.
    const parts = { toPush: [] as number[], push: [] as number[], toPull: [] as number[], pull: [] as number[], toDrawn: [] as number[] };
    for (let run = -1; run < options.runs * 4; run++) {
      const marker = `Bench step ${run + 2} at ${Date.now()}`;
      await watcher.evaluate((m) => (window as any).__sync.watch(m), marker);
      const taken = (await stepper.evaluate((a, id, m) => (window as any).__sync.step(a, id, m), editor as never, open, marker)) as number;
      const drawn = (await watcher.evaluate((m) => (window as any).__sync.drawnAt(m), marker)) as number;
      await stepper.evaluate(() => (window as any).__sync.whenSaved());
      const head = (await stepper.evaluate(() => (window as any).__sync.head())) as number;
      const trip = (await stepper.evaluate((w, h) => (window as any).__sync.roundTrip(w, h), editorWhere, head)) as number;
      const health = (await stepper.evaluate((w) => (window as any).__sync.roundTrip(w, 0, '/healthz'), editorWhere)) as number;
      type Req = { path: string; start: number; end: number };
      const pushed = ((await stepper.evaluate((t) => (window as any).__sync.requestsSince(t), taken)) as Req[]).find((r) => r.path === 'push');
      const pulled = ((await watcher.evaluate((t) => (window as any).__sync.requestsSince(t), taken)) as Req[]).find((r) => r.path === 'pull');
      if (run >= 0 && pushed && pulled) {
        parts.toPush.push(pushed.start - taken);
        parts.push.push(pushed.end - pushed.start);
        parts.toPull.push(pulled.start - pushed.end);
        parts.pull.push(pulled.end - pulled.start);
        parts.toDrawn.push(drawn - pulled.end);
      }
      if (run >= 0) {
        steps.push(drawn - taken);
        trips.push(trip);
        healthz.push(health);
      }
    }
    options.onMeasure({
      name: 'live-step', unit: 'ms', value: median(steps), baseline: median(trips), goal: 5,
      note: `a progress note taken in one page (the plan editor) until it is drawn in another (a board member, another context): saved in IndexedDB, pushed, announced on the live stream, pulled, stored and drawn; against one authenticated fetch round trip to the same server (a pull with nothing new); GET /healthz takes ${round(median(healthz))} ms. Medians of its parts: to the push ${round(median(parts.toPush))} ms, the push ${round(median(parts.push))} ms, to the other page's pull ${round(median(parts.toPull))} ms, the pull ${round(median(parts.pull))} ms, to drawn ${round(median(parts.toDrawn))} ms`,
      details: { healthz: median(healthz), samples: steps.length, parts: Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, median(v)])) },
    });
    return { ok: true };
  } finally {
    for (const cleanup of cleanups.reverse()) await Promise.resolve().then(cleanup).catch(() => {});
  }
}
