// `npm start` serves the example intranet page (after `npm run build`) on localhost and prints its URL.
// A tiny static server on node:http: nothing to install, and only the folders a page needs are served.
import { createServer } from 'node:http';
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

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
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
  console.log('Press Ctrl+C to stop.');
});
server.listen(port, '127.0.0.1');
