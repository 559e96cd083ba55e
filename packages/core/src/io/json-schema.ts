import * as z from 'zod/mini';
import { PlanSchema } from '../schema/plan.js';
import { PLAN_FORMAT, PLAN_FORMAT_VERSION } from './plan-file.js';

/**
 * The JSON Schema (draft 2020-12) of a plan file, generated from the zod schemas so the two
 * cannot drift. Editors use it to check a plan as it is written; docs/plan-file.schema.json
 * is this, written by `npm run schema`.
 */
export function planFileJsonSchema(): Record<string, unknown> {
  const body = z.toJSONSchema(PlanSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> & {
    properties: Record<string, unknown>;
    required?: string[];
  };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://pledgeflow.invalid/schema/plan-file-v${PLAN_FORMAT_VERSION}.json`,
    title: 'pledgeflow plan file',
    description: `A Corporate Parenting plan: the pledge, the action plan, measures, meetings and feedback (format version ${PLAN_FORMAT_VERSION}).`,
    type: 'object',
    properties: {
      $schema: { type: 'string' },
      format: { const: PLAN_FORMAT },
      version: { const: PLAN_FORMAT_VERSION },
      ...body.properties,
    },
    required: ['format', 'version', ...(body.required ?? [])],
    additionalProperties: false,
  };
}
