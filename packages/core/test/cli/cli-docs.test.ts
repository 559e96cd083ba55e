import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { USAGE } from '../../src/cli/cli.js';
// @ts-expect-error: a plain JavaScript script shared with `npm run docs:cli`
import { writeCliUsage } from '../../../../scripts/cli-usage.js';

it('docs/cli.md shows the usage `pledgeflow --help` prints (run `npm run docs:cli` after changing it)', () => {
  const doc = readFileSync(new URL('../../../../docs/cli.md', import.meta.url), 'utf8');
  expect(writeCliUsage(doc, USAGE)).toBe(doc);
});
