// `npm run bench`: bundles test/bench/run.ts with esbuild (source, not the build) and runs it
// with --expose-gc so that retained heap can be measured. Also bundles the Chromium half
// (test/bench/browser/run.browser.ts, everything inside) for run.ts to serve to headless
// Chromium. Not part of `npm test`.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { build } from 'esbuild';

const cache = new URL('../.cache/', import.meta.url);
const out = new URL('bench.mjs', cache).pathname;
mkdirSync(cache, { recursive: true });
await build({
  entryPoints: [new URL('../test/bench/run.ts', import.meta.url).pathname],
  bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: out,
  conditions: ['pledgeflow-source', 'module', 'import'], logLevel: 'warning',
  // bundle-size.ts runs esbuild itself.
  external: ['esbuild'],
});
await build({
  entryPoints: [new URL('../test/bench/browser/run.browser.ts', import.meta.url).pathname],
  bundle: true, platform: 'browser', format: 'esm', target: 'es2022', outfile: new URL('bench-browser.js', cache).pathname,
  // Production builds of lit and xstate (no `development` condition), as a page would load them.
  conditions: ['pledgeflow-source', 'module'], logLevel: 'warning',
});
const result = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', out], { stdio: 'inherit', cwd: new URL('../test/bench/', import.meta.url).pathname });
process.exit(result.status ?? 1);
