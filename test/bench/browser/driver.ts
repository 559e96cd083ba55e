// Node side of the Chromium benchmarks: serves the bundled page and the synthetic data on
// 127.0.0.1 (a random port), opens it in headless Debian Chromium through puppeteer-core (as
// installed for @web/test-runner-chrome; nothing is downloaded) and calls the page's
// `window.__bench` scenarios one by one. Returns their measures, or why they were skipped.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import type { BrowserMeasure } from './run.browser.js';

export type { BrowserMeasure };
export type BrowserOutcome = { ok: true; chromium: string; measures: BrowserMeasure[] } | { ok: false; reason: string };

/** The flags that work as root in a container (see ../shared/TOOLCHAIN.md), and `gc()` for the page. */
export const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run', '--js-flags=--expose-gc'];

type Puppeteer = typeof import('puppeteer-core');

/** puppeteer-core from node_modules: hoisted, or the copy @web/test-runner-chrome depends on. */
export async function puppeteer(root: string): Promise<Puppeteer['default'] | undefined> {
  const from = [`${root}/package.json`, `${root}/node_modules/@web/test-runner-chrome/package.json`];
  for (const base of from) {
    try {
      const path = createRequire(base).resolve('puppeteer-core');
      const mod = (await import(pathToFileURL(path).href)) as Puppeteer;
      return mod.default ?? (mod as unknown as Puppeteer['default']);
    } catch {
      // try the next place
    }
  }
  return undefined;
}

export interface BrowserOptions {
  /** The repository's root. */
  root: string;
  /** The page's bundle (scripts/bench.js builds it). */
  bundle: string;
  /** The synthetic data, as JSON: `{ plan, events, snapshots }`. */
  data: string;
  runs: number;
  /** Called with each scenario's measure as soon as it is taken. */
  onMeasure: (m: BrowserMeasure) => void;
}

export async function runBrowserBenchmarks({ root, bundle, data, runs, onMeasure }: BrowserOptions): Promise<BrowserOutcome> {
  const executablePath = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) return { ok: false, reason: `no Chromium at ${executablePath} (apt-get install -y chromium, or set CHROME_PATH)` };
  if (!existsSync(bundle)) return { ok: false, reason: `the page bundle ${bundle} is missing (run npm run bench, which builds it)` };
  const launcher = await puppeteer(root);
  if (!launcher) return { ok: false, reason: 'puppeteer-core is not in node_modules (it comes with @web/test-runner-chrome; run npm install)' };

  const script = readFileSync(bundle);
  const page = '<!doctype html><html lang="en-GB"><meta charset="utf-8"><title>pledgeflow bench</title><body><script type="module" src="/run.browser.js"></script></body></html>';
  // Cross-origin isolated, so that performance.now() is precise to microseconds, not 100 µs.
  const headers = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp', 'cache-control': 'no-store' };
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/') res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(page);
    else if (path === '/run.browser.js') res.writeHead(200, { ...headers, 'content-type': 'text/javascript; charset=utf-8' }).end(script);
    else if (path === '/data.json') res.writeHead(200, { ...headers, 'content-type': 'application/json' }).end(data);
    else res.writeHead(404, headers).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const browser = await launcher.launch({ executablePath, headless: true, args: FLAGS, protocolTimeout: 300_000 });
  try {
    const chromium = await browser.version();
    const tab = await browser.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(String(error)));
    tab.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await tab.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'load' });
    await tab.waitForFunction('window.__bench !== undefined', { timeout: 30_000 }).catch(() => {
      throw new Error(`the bench page did not start: ${errors.join('; ') || 'no error reported'}`);
    });
    if (!(await tab.evaluate('crossOriginIsolated'))) console.log('  (page not cross-origin isolated: timers are coarse)');
    await tab.evaluate('window.__bench.load()');
    const measures: BrowserMeasure[] = [];
    for (const scenario of ['idbOpen', 'render', 'update']) {
      const m = (await tab.evaluate(`window.__bench.${scenario}(${runs})`)) as BrowserMeasure;
      measures.push(m);
      onMeasure(m);
    }
    return { ok: true, chromium, measures };
  } finally {
    await browser.close();
    server.close();
  }
}
