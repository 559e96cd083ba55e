import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { actionLifecycle, EVENT_FIELDS, meetingLifecycle, promiseLifecycle, recommendationLifecycle } from '@pledgeflow/core';
import { DATA_RULES } from '../../src/schema/event-fields.js';
// @ts-expect-error: a plain JavaScript script shared with `npm run docs:lifecycle`
import { writeLifecycleDiagrams } from '../../../../scripts/lifecycle-diagrams.js';

it('docs/lifecycle.md draws the lifecycles the tracker runs (run `npm run docs:lifecycle` after changing one)', () => {
  const doc = readFileSync(new URL('../../../../docs/lifecycle.md', import.meta.url), 'utf8');
  expect(writeLifecycleDiagrams(doc, [actionLifecycle, promiseLifecycle, meetingLifecycle, recommendationLifecycle].map((l) => l.config), EVENT_FIELDS, DATA_RULES)).toBe(doc);
});
