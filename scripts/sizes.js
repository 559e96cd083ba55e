// `npm run sizes` (after `npm run build`): brotli sizes of the browser bundles, each with the
// shared chunks it imports, as a Markdown table for the README.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const dist = new URL('../packages/elements/dist/', import.meta.url).pathname;
const brotli = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** The file and every chunk it imports statically, each once. */
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(/(?:^|[;\n])\s*import\s*(?:[^'"]*?from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) closure(join(dirname(file), m[1]), seen);
  return seen;
}

const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
const rows = [['`pledgeflow.js` (everything)', join(dist, 'pledgeflow.js')]];
for (const f of readdirSync(join(dist, 'elements')).filter((f) => f.endsWith('.js')).sort()) rows.push([`\`elements/${f}\``, join(dist, 'elements', f)]);
console.log('| bundle | minified | brotli |\n| --- | --- | --- |');
for (const [name, file] of rows) {
  const files = [...closure(file)];
  const min = files.reduce((s, f) => s + readFileSync(f).length, 0);
  const br = files.reduce((s, f) => s + brotli(readFileSync(f)), 0);
  console.log(`| ${name} | ${kB(min)} | ${kB(br)} |`);
}
