// `npm start` starts a pledgeflow server (development sign-in, PGlite in .cache/pledgeflow/example)
// and serves the example intranet page connected to it, on localhost, printing its URL.
// A tiny static server on node:http: nothing to install, and only the folders a page needs are
// served. It passes /v1/ and /dev/ to the pledgeflow server, so the page talks to one origin
// (its Content Security Policy allows only 'self'). If that server cannot start, the page is
// served anyway and works in the browser alone, as examples/plain-html does.
import { spawn } from 'node:child_process';
import { createServer, request } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SERVED = ['examples', 'docs', `packages${sep}elements${sep}dist`, `packages${sep}core${sep}dist`];
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.ndjson': 'application/x-ndjson; charset=utf-8', '.map': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};
// The example pages run under the strict Content Security Policy a council intranet may set.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const PLAN_ID = JSON.parse(readFileSync(join(root, 'examples/plans/eastmere.plan.json'), 'utf8')).id;

/** Starts `pledgeflow serve --dev` on a free loopback port; resolves with its URL, or undefined (and why) if it cannot. */
function startSyncServer() {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [
      join(root, 'packages/core/bin/pledgeflow.js'), 'serve', '--dev',
      '--plan', join(root, 'examples/plans/eastmere.plan.json'), '--events', join(root, 'examples/plans/eastmere.events.ndjson'),
      '--data-dir', join(root, '.cache/pledgeflow/example'), '--port', '0', '--log-level', 'warn',
    ], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => resolve({ why: `it did not start within 90 seconds.\n${out}` }), 90_000);
    const read = (chunk) => {
      out += chunk;
      const m = /pledgeflow server on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], child });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', (chunk) => {
      read(chunk);
      process.stderr.write(chunk);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ why: `it stopped (exit ${code}).\n${out}` });
    });
    // The server goes when this script goes, however it ends.
    process.once('exit', () => child.kill('SIGINT'));
    for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(0));
  });
}

const sync = await startSyncServer();
if (!sync.url) console.warn(`The pledgeflow server could not start, so the page works in the browser alone: ${sync.why}`);

/** Passes a request to the pledgeflow server, streaming both ways (the live stream too). */
function proxy(req, res) {
  const target = new URL(req.url ?? '/', sync.url);
  const upstream = request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/problem+json' });
    res.end(JSON.stringify({ title: 'Bad Gateway', status: 502, detail: 'The pledgeflow server does not answer.' }));
  });
  req.pipe(upstream);
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (sync.url && (url.pathname.startsWith('/v1/') || url.pathname.startsWith('/dev/'))) {
    proxy(req, res);
    return;
  }
  if (url.pathname === '/examples/intranet/server.json' && sync.url) {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify({ server: '/', plan: PLAN_ID }));
    return;
  }
  let path = decodeURIComponent(url.pathname);
  if (path === '/') {
    res.writeHead(302, { location: '/examples/intranet/' }).end();
    return;
  }
  if (path.endsWith('/')) path += 'index.html';
  const file = normalize(join(root, path));
  const relative = file.slice(root.length);
  if (!file.startsWith(root) || !SERVED.some((dir) => relative.startsWith(dir + sep))) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  try {
    if ((await stat(file)).isDirectory()) {
      res.writeHead(302, { location: `${path}/` }).end();
      return;
    }
    const body = await readFile(file);
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...(extname(file) === '.html' ? { 'content-security-policy': CSP } : {}),
    });
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  }
});

const port = Number(process.env.PORT ?? 8080);
server.on('error', (error) => {
  if (error.code === 'EADDRINUSE' && !process.env.PORT) server.listen(0, '127.0.0.1');
  else throw error;
});
server.on('listening', () => {
  const { port: actual } = server.address();
  console.log(`pledgeflow example intranet: http://localhost:${actual}/examples/intranet/`);
  if (sync.url) console.log(`Connected to the pledgeflow server at ${sync.url} (development sign-in; data in .cache/pledgeflow/example). Open the page in two windows as two people to see each other's steps.`);
  console.log('Press Ctrl+C to stop.');
});
server.listen(port, '127.0.0.1');
