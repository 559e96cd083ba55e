// The usage in docs/cli.md is the text `pledgeflow --help` prints (USAGE in
// packages/core/src/cli/cli.ts), so the two cannot differ. `npm run docs:cli` rewrites it;
// a test checks it is current.
import { readFileSync, writeFileSync } from 'node:fs';
import { importSource } from './core-source.js';
import { replacePart } from './doc-parts.js';

/** docs/cli.md with `usage` written in as a block of text. */
export function writeCliUsage(doc, usage) {
  return replacePart(doc, 'cli-usage', 'docs:cli', ['```text', usage.trimEnd(), '```'].join('\n'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { USAGE } = await importSource('packages/core/src/cli/cli.ts');
  const file = new URL('../docs/cli.md', import.meta.url);
  writeFileSync(file, writeCliUsage(readFileSync(file, 'utf8'), USAGE));
  console.log(`wrote the usage in ${file.pathname}`);
}
