// The policy table in docs/policy.md is generated from POLICY so that the docs say what the code does.
// `npm run docs:policy` rewrites it (from core's source); a test checks it is current.
import { readFileSync, writeFileSync } from 'node:fs';
import { importSource } from './core-source.js';

const ROLE_ORDER = ['plan-editor', 'board-member', 'working-group-lead', 'action-owner', 'partner-contributor', 'executive', 'scrutiny'];
const SCOPE_WORDS = { any: 'yes', own: 'own items', workstream: 'own working group', contributor: 'items their agency is on', reporter: 'for a working group they lead' };

/** Markdown table: one row per step, one column per role. */
export function renderPolicyTable(POLICY, EVENT_TYPES, stepName) {
  const head = `| step | ${ROLE_ORDER.join(' | ')} |`;
  const rule = `| --- | ${ROLE_ORDER.map(() => '---').join(' | ')} |`;
  const rows = EVENT_TYPES.map((type) => `| ${stepName(type)} (\`${type}\`) | ${ROLE_ORDER.map((r) => SCOPE_WORDS[POLICY[r][type]] ?? 'no').join(' | ')} |`);
  return [head, rule, ...rows].join('\n');
}

export const START = '<!-- policy-table:start -->';
export const END = '<!-- policy-table:end -->';

if (import.meta.url === `file://${process.argv[1]}`) {
  const { POLICY, EVENT_TYPES, stepName } = await importSource('packages/core/src/index.ts');
  const file = new URL('../docs/policy.md', import.meta.url);
  const text = readFileSync(file, 'utf8');
  const table = renderPolicyTable(POLICY, EVENT_TYPES, stepName);
  writeFileSync(file, text.replace(new RegExp(`${START}[\\s\\S]*${END}`), `${START}\n${table}\n${END}`));
  console.log(`wrote the policy table in ${file.pathname}`);
}
