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

/** A minified browser bundle of `entry`, as a page would load it, with esbuild's list of inputs. */
export async function bundle(entry: string): Promise<{ code: Uint8Array; metafile: Metafile }> {
  const result = await build({
    entryPoints: [entry], bundle: true, platform: 'browser', format: 'esm', target: 'es2022', minify: true,
    conditions: ['pledgeflow-source', 'module'], write: false, metafile: true, logLevel: 'silent', outfile: 'out.js',
  });
  return { code: result.outputFiles[0]!.contents, metafile: result.metafile };
}

/** The biggest packages in a metafile's output, for the note. */
function heaviest(metafile: Metafile): string {
  const out = Object.values(metafile.outputs)[0]!;
  const by = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(out.inputs)) {
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
