// Bundle sizes against their budgets (brotli, quality 11): the elements' browser bundle with
// core inside (packages/elements/dist/pledgeflow.js, as `npm run build` makes it) and core
// alone (a minified esbuild bundle of packages/core/src/index.ts for the browser). Also checks
// that classic zod (node_modules/zod/v4/classic) is in neither, from esbuild's metafile inputs
// (and, for the rollup-built pledgeflow.js, its source map's sources).
import { existsSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

export interface BundleSize {
  name: string;
  /** Brotli size in kB (1,000 bytes). */
  kB: number;
  budgetKB: number;
  /** Whether classic zod is in the bundle. */
  classicZod: boolean;
  note: string;
}

export const CLASSIC_ZOD = /node_modules\/zod\/v4\/classic\//;
export const brotli = (bytes: Uint8Array) =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length;
const kB = (bytes: number) => Math.round(bytes / 10) / 100;

/**
 * A minified browser bundle of `entry`, as a page would load it, with esbuild's list of inputs
 * (of every chunk). Split at dynamic imports: `code` is what the page loads at first (the entry
 * and the chunks it imports statically); what it imports later (the sync client in
 * <pledge-tracker server>) is left out.
 */
export async function bundle(entry: string): Promise<{ code: Uint8Array; metafile: Metafile }> {
  const result = await build({
    entryPoints: { out: entry }, bundle: true, platform: 'browser', format: 'esm', target: 'es2022', minify: true, splitting: true,
    conditions: ['pledgeflow-source', 'module'], write: false, metafile: true, logLevel: 'silent', outdir: 'out',
  });
  const outputs = result.metafile.outputs;
  const first = new Set<string>();
  const visit = (path: string) => {
    if (first.has(path)) return;
    first.add(path);
    for (const i of outputs[path]?.imports ?? []) if (i.kind === 'import-statement') visit(i.path);
  };
  visit(Object.keys(outputs).find((path) => outputs[path]!.entryPoint)!);
  const files = result.outputFiles.filter((f) => [...first].some((path) => f.path.endsWith(`/${path}`)));
  const code = new Uint8Array(files.reduce((n, f) => n + f.contents.length, 0));
  files.reduce((at, f) => (code.set(f.contents, at), at + f.contents.length), 0);
  return { code, metafile: result.metafile };
}

/** The biggest packages in a metafile's output, for the note. */
function heaviest(metafile: Metafile): string {
  const by = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.values(metafile.outputs).flatMap((out) => Object.entries(out.inputs))) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)(?:\/(v4\/(?:core|mini|classic)))?/.exec(path);
    const key = m ? (m[2] ? `${m[1]}/${m[2]}` : m[1]!) : (/packages\/([^/]+)\//.exec(path)?.[1] ?? 'other');
    by.set(key, (by.get(key) ?? 0) + bytesInOutput);
  }
  return [...by].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([k, v]) => `${k} ${Math.round(v / 1000)} kB`).join(', ');
}

export async function bundleSizes(root: string): Promise<BundleSize[]> {
  const out: BundleSize[] = [];

  // The elements with core inside.
  const dist = `${root}/packages/elements/dist/pledgeflow.js`;
  const elements = await bundle(`${root}/packages/elements/src/define.ts`);
  const elementsZod = Object.keys(elements.metafile.inputs).filter((p) => CLASSIC_ZOD.test(p));
  if (existsSync(dist)) {
    const code = readFileSync(dist);
    let mapZod: string[] = [];
    if (existsSync(`${dist}.map`)) mapZod = (JSON.parse(readFileSync(`${dist}.map`, 'utf8')).sources as string[]).filter((p) => CLASSIC_ZOD.test(p));
    out.push({
      name: 'bundle-elements', kB: kB(brotli(code)), budgetKB: 45, classicZod: elementsZod.length + mapZod.length > 0,
      note: `packages/elements/dist/pledgeflow.js (${kB(code.length)} kB minified); esbuild of src/define.ts: ${kB(brotli(elements.code))} kB brotli, largest inputs ${heaviest(elements.metafile)}`,
    });
  } else {
    out.push({
      name: 'bundle-elements', kB: kB(brotli(elements.code)), budgetKB: 45, classicZod: elementsZod.length > 0,
      note: `packages/elements/dist/pledgeflow.js is missing (npm run build): measured an esbuild bundle of src/define.ts instead; largest inputs ${heaviest(elements.metafile)}`,
    });
  }

  // Core alone.
  const core = await bundle(`${root}/packages/core/src/index.ts`);
  out.push({
    name: 'bundle-core', kB: kB(brotli(core.code)), budgetKB: 20, classicZod: Object.keys(core.metafile.inputs).some((p) => CLASSIC_ZOD.test(p)),
    note: `esbuild of packages/core/src/index.ts for the browser, minified (${kB(core.code.length)} kB); largest inputs ${heaviest(core.metafile)}`,
  });
  return out;
}
