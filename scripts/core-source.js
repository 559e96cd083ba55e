// Scripts that write docs from core read its TypeScript source, not the build, so they need
// no `npm run build` first: esbuild bundles the module into .cache/ and it is imported from there.
import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);

/** The module at `path` (from the repository's root, such as `packages/core/src/cli/cli.ts`), bundled from source. */
export async function importSource(path) {
  const cache = new URL('.cache/', root);
  mkdirSync(cache, { recursive: true });
  const outfile = new URL(`source-${path.replace(/[^A-Za-z0-9]+/g, '-')}.mjs`, cache).pathname;
  await build({
    entryPoints: [new URL(path, root).pathname],
    bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile,
    conditions: ['pledgeflow-source', 'module', 'import'], logLevel: 'warning',
  });
  return import(`${pathToFileURL(outfile).href}?${Date.now()}`);
}
