// `npm run schema`: writes docs/plan-file.schema.json from the zod schemas (core's source: no build needed).
import { writeFileSync } from 'node:fs';
import { importSource } from './core-source.js';

const { planFileJsonSchema } = await importSource('packages/core/src/io/json-schema.ts');
const file = new URL('../docs/plan-file.schema.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(planFileJsonSchema(), null, 2)}\n`);
console.log(`wrote ${file.pathname}`);
