// `npm run schema`: writes docs/plan-file.schema.json from the zod schemas (after `npm run build`).
import { writeFileSync } from 'node:fs';
import { planFileJsonSchema } from '../packages/core/dist/json-schema.js';

const file = new URL('../docs/plan-file.schema.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(planFileJsonSchema(), null, 2)}\n`);
console.log(`wrote ${file.pathname}`);
