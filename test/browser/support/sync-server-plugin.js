// A @web/test-runner plugin for the browser sync suites (test/browser/sync-*.browser.test.ts): in
// Node, it starts a real `pledgeflow serve --dev` (PGlite in a temporary directory, loopback,
// a free port) with the vitest suites' own support code, and opens the pages of the people in
// the story in browser contexts of their own, through the Chrome launcher's puppeteer.
// Tests reach it with `executeServerCommand('pledgeflow-server' | 'pledgeflow-page', payload)`.
// The browser gives up on a command after 20 s, and starting a server can take longer on a
// slow machine: each command is a job that answers `{ pending: true }` after 15 s, and the test
// asks again with the same job id until it has the answer (see people.ts).
import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';

const root = new URL('../../../', import.meta.url);

/** packages/sync/test/support/server-process.ts, compiled for Node (it is TypeScript; core comes from its build, as the server's does). */
async function serverSupport() {
  const entry = new URL('packages/sync/test/support/server-process.ts', root);
  const outdir = new URL('.cache/wtr-sync/', root);
  mkdirSync(outdir, { recursive: true });
  const outfile = new URL('server-process.mjs', outdir).pathname;
  buildSync({
    entryPoints: [entry.pathname], bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20', outfile,
    // It finds the repository from where it is: tell it where it was.
    define: { 'import.meta.url': JSON.stringify(entry.href) }, logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href);
}

export function pledgeflowSyncServer() {
  let support;
  /** @type {undefined | { url: string, restart(): Promise<void>, remove(): Promise<void> }} */
  let server;
  /** Browser contexts by name (one per device), and pages by name, each with the pushes it made. */
  const contexts = new Map();
  const pages = new Map();
  /** Uncaught errors of pages closed one by one, until the next closePages(). */
  const closedErrors = [];

  /** Closes every page and context; gives the pages' uncaught errors. */
  async function closePages() {
    const errors = [...closedErrors.splice(0), ...[...pages].flatMap(([name, { errors }]) => errors.map((e) => `${name}: ${e}`))];
    for (const { page } of pages.values()) await page.close().catch(() => {});
    pages.clear();
    for (const context of contexts.values()) await context.close().catch(() => {});
    contexts.clear();
    return errors;
  }

  async function serverCommand(payload) {
    switch (payload.action) {
      case 'start': {
        support ??= await serverSupport();
        await server?.remove();
        // The test pages' origin may call the API (CORS); the process is given this environment.
        process.env.PLEDGEFLOW_CORS_ORIGINS = payload.origin;
        server = await support.startServerProcess();
        return { url: server.url };
      }
      case 'restart':
        await server.restart();
        return { url: server.url };
      case 'stop':
        await closePages();
        await server?.remove();
        server = undefined;
        return { stopped: true };
      case 'log': {
        // Every accepted event, as another person's fresh pull sees it.
        const token = await support.signIn(server.url, 'jo-whitfield');
        const events = [];
        for (let after = 0; ;) {
          const res = await fetch(`${server.url}/v1/plans/${payload.plan}/pull?after=${after}&limit=1000`, { headers: { authorization: `Bearer ${token}` } });
          if (!res.ok) throw new Error(`pull: ${res.status} ${await res.text()}`);
          const page = await res.json();
          events.push(...page.events.map((e) => ({ id: e.id, seq: e.seq, stream: e.stream, type: e.type, userId: e.actor.userId })));
          after = page.events.at(-1)?.seq ?? after;
          if (page.upToDate || !page.events.length) return events;
        }
      }
      default:
        throw new Error(`pledgeflow-server: no action ${payload.action}`);
    }
  }

  async function pageCommand(payload, session) {
    const entry = pages.get(payload.name);
    if (payload.action !== 'open' && payload.action !== 'close-all' && !entry) throw new Error(`pledgeflow-page: no page ${payload.name}`);
    switch (payload.action) {
      case 'open': {
        const browser = session.browser.getPage(session.id).browser();
        let context = contexts.get(payload.context);
        if (!context) contexts.set(payload.context, (context = await browser.createBrowserContext()));
        const page = await context.newPage();
        const opened = { page, pushed: [], errors: [] };
        pages.set(payload.name, opened);
        page.on('request', (request) => {
          if (request.method() === 'POST' && request.url().endsWith('/push')) {
            opened.pushed.push(...JSON.parse(request.postData() ?? '{"events":[]}').events.map((e) => e.id));
          }
        });
        page.on('pageerror', (error) => opened.errors.push(String(error?.message ?? error)));
        await page.goto(new URL(payload.path, session.browser.getPage(session.id).url()).href);
        await page.waitForFunction('window.person?.ready === true || window.person?.failed', { timeout: 60_000, polling: 100 });
        const failed = await page.evaluate('window.person.failed');
        if (failed) throw new Error(`${payload.name} did not open: ${failed}`);
        return { opened: true };
      }
      case 'call':
        return { value: await entry.page.evaluate((method, args) => window.person[method](...args), payload.method, payload.args ?? []) };
      case 'offline':
        await entry.page.setOfflineMode(payload.offline);
        return { offline: payload.offline };
      case 'pushed':
        return { ids: entry.pushed, errors: entry.errors };
      case 'close':
        await entry.page.close();
        closedErrors.push(...entry.errors.map((e) => `${payload.name}: ${e}`));
        pages.delete(payload.name);
        return { closed: true };
      case 'close-all':
        return { errors: await closePages() };
      default:
        throw new Error(`pledgeflow-page: no action ${payload.action}`);
    }
  }

  /** Jobs by id: a command's work, started once however often the test asks for its answer. */
  const jobs = new Map();
  async function job(id, work) {
    let promise = jobs.get(id);
    if (!promise) {
      promise = work().then((value) => ({ value }), (error) => ({ error: String(error?.stack ?? error) }));
      jobs.set(id, promise);
    }
    const result = await Promise.race([promise, new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
    if (!result) return { pending: true };
    jobs.delete(id);
    if ('error' in result) throw new Error(result.error);
    return { value: result.value ?? null };
  }

  return {
    name: 'pledgeflow-sync-server',
    async executeCommand({ command, payload, session }) {
      if (command === 'pledgeflow-server') return job(payload.job, () => serverCommand(payload));
      if (command === 'pledgeflow-page') return job(payload.job, () => pageCommand(payload, session));
      return undefined;
    },
    async serverStop() {
      await closePages();
      await server?.remove();
    },
  };
}
