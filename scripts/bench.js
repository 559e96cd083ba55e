// `npm run bench`: bundles test/bench/run.ts with esbuild (source, not the build) and runs it
// with --expose-gc so that retained heap can be measured. Not part of `npm test`.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { build } from 'esbuild';

const out = new URL('../.cache/bench.mjs', import.meta.url).pathname;
mkdirSync(new URL('../.cache/', import.meta.url), { recursive: true });
await build({
  entryPoints: [new URL('../test/bench/run.ts', import.meta.url).pathname],
  bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: out,
  conditions: ['pledgeflow-source', 'module', 'import'], logLevel: 'warning',
});
const result = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', out], { stdio: 'inherit', cwd: new URL('../test/bench/', import.meta.url).pathname });
process.exit(result.status ?? 1);
