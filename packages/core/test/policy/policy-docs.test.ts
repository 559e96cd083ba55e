import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { EVENT_TYPES, POLICY, stepName } from '@pledgeflow/core';
// @ts-expect-error: a plain JavaScript script shared with `npm run docs:policy`
import { END, renderPolicyTable, START } from '../../../../scripts/policy-table.js';

it('docs/policy.md shows the policy table the code enforces (run `npm run docs:policy` after changing POLICY)', () => {
  const doc = readFileSync(new URL('../../../../docs/policy.md', import.meta.url), 'utf8');
  const table = doc.slice(doc.indexOf(START) + START.length, doc.indexOf(END)).trim();
  expect(table).toBe(renderPolicyTable(POLICY, EVENT_TYPES, stepName));
});
