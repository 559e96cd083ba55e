import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planFileJsonSchema } from '../../src/io/json-schema.js';

describe('the plan file JSON Schema', () => {
  it('in docs/ is the one generated from the zod schemas (run `npm run schema` after changing them)', () => {
    const written = JSON.parse(readFileSync(new URL('../../../../docs/plan-file.schema.json', import.meta.url), 'utf8'));
    expect(written).toEqual(planFileJsonSchema());
  });

  it('gives every date a YYYY-MM-DD pattern, so an editor catches "31/03/2027" before the command line does', () => {
    const schema = planFileJsonSchema() as { properties: Record<string, any> };
    const action = schema.properties['actions'].items.properties;
    for (const date of [schema.properties['period'].properties.start, action.dueDate, action.reviewDate, schema.properties['meetings'].items.properties.date]) {
      expect(date.pattern).toBe('^\\d{4}-\\d{2}-\\d{2}$');
      const pattern = new RegExp(date.pattern);
      expect(pattern.test('2027-03-31')).toBe(true);
      expect(pattern.test('31/03/2027')).toBe(false);
    }
  });

  it('requires the format and version and describes every top-level field', () => {
    const schema = planFileJsonSchema() as { required: string[]; properties: Record<string, { type?: string }> };
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'version', 'id', 'title', 'council', 'period', 'agencies', 'people', 'workstreams']));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['actions', 'promises', 'measures', 'meetings', 'feedback', 'board', 'brag', 'privacy']));
  });
});
