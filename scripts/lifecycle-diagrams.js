// The state diagrams in docs/lifecycle.md are drawn from the lifecycles' configurations
// (packages/core/src/machines/*.lifecycle.ts), so that the docs show the machines the tracker
// runs. `npm run docs:lifecycle` rewrites them; a test checks they are current.
import { readFileSync, writeFileSync } from 'node:fs';
import { importSource } from './core-source.js';
import { replacePart } from './doc-parts.js';

/**
 * How each named guard reads on an arrow: a condition in brackets or, for a guard with
 * params, the words after the step's name and the data they stand for. A guard missing here
 * stops the script (and fails the docs test), so a new guard cannot go undrawn.
 */
export const GUARD_WORDS = {
  hasOwnerAndDueDate: '[has an owner and a due date]',
  hasAcceptedEvidence: '[accepted evidence]',
  verifierIsNotCompleter: '[not the person who completed]',
  judgementIs: ({ value }) => ({ words: value, data: { judgement: value } }),
  heldOnOrAfterItsDate: '[on or after its date]',
  responseIs: ({ value }) => ({ words: value, data: { response: value } }),
};

const list = (x) => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/** The path (`[top]` or `[top, child]`) a target names from the state at `from`: XState's `x`, `.child` and `#machine.x`. */
function pathOf(config, target, from) {
  const path = target.startsWith(`#${config.id}.`)
    ? target.slice(config.id.length + 2).split('.')
    : target.startsWith('.') ? [...from, target.slice(1)] : [...from.slice(0, -1), target];
  if (path.length === 0 || path.length > 2) throw new Error(`${config.id}: cannot draw the target "${target}" of a state at "${from.join('.')}"`);
  return path;
}

/** The label of an arrow for step `type` taken with `transition`: the step, its data, "(reason)" when one is needed, and its guard. */
function labelOf(type, transition, fields, rules) {
  const step = type.slice(type.indexOf('.') + 1).replace(/[.-]/g, ' ');
  const guard = typeof transition.guard === 'string' ? { type: transition.guard } : transition.guard;
  let words = '';
  let condition = '';
  let data = {};
  if (guard) {
    const said = GUARD_WORDS[guard.type];
    if (said === undefined) throw new Error(`no words for the guard "${guard.type}" (on ${type}): add them to GUARD_WORDS in scripts/lifecycle-diagrams.js`);
    if (typeof said === 'string') condition = said;
    else ({ words, data } = said(guard.params ?? {}));
  }
  const rule = rules[type];
  const needsReason = fields[type]?.reason === 'reason' || (rule?.path === 'reason' && !rule.holds(data));
  return { step, rest: [words, needsReason && '(reason)', condition].filter(Boolean).join(' ') };
}

const arrow = (from, to, { step, rest }) => `${from} --> ${to}: ${[step, rest].filter(Boolean).join(' ')}`;

/**
 * A Mermaid state diagram of a lifecycle's configuration: every transition that changes
 * state (steps that stay are described in the prose). A step declared on a state with child
 * states, into one of its children, can be taken from any child: drawn as an arrow from each
 * child into a choice (the step's name on the one from the first child), and from it to each
 * target.
 */
export function renderLifecycleDiagram(config, fields, rules) {
  for (const [type, ts] of Object.entries(config.on ?? {})) {
    if (list(ts).some((t) => t.target !== undefined)) throw new Error(`${config.id}: cannot draw "${type}", a change of state declared on the whole machine`);
  }
  const lines = ['stateDiagram-v2', `  [*] --> ${config.initial}`];
  for (const [key, node] of Object.entries(config.states)) {
    const inside = [];
    const after = [];
    const children = Object.keys(node.states ?? {});
    if (children.length) inside.push(`[*] --> ${node.initial}`);
    const declared = [
      ...children.flatMap((child) => Object.entries(node.states[child].on ?? {}).map((on) => [[key, child], on])),
      ...Object.entries(node.on ?? {}).map((on) => [[key], on]),
    ];
    for (const [from, [type, ts]] of declared) {
      for (const t of list(ts)) {
        if (t.target === undefined) continue;
        const to = pathOf(config, t.target, from);
        const label = labelOf(type, t, fields, rules);
        if (from.length === 1 && to.length === 2 && to[0] === key) {
          const choice = `${key}_${label.step.replace(/ /g, '_')}`;
          if (!inside.includes(`state ${choice} <<choice>>`)) {
            inside.push(`state ${choice} <<choice>>`, ...children.map((child) => (child === node.initial ? `${child} --> ${choice}: ${label.step}` : `${child} --> ${choice}`)));
          }
          inside.push(arrow(choice, to[1], { rest: label.rest }));
        } else if (from.length === 2 && to.length === 2 && to[0] === key) inside.push(arrow(from[1], to[1], label));
        else after.push(arrow(from.at(-1), to.at(-1), label));
      }
    }
    if (children.length) lines.push(`  state ${key} {`, ...inside.map((l) => `    ${l}`), '  }');
    lines.push(...after.map((l) => `  ${l}`));
  }
  for (const [key, node] of Object.entries(config.states)) if (node.type === 'final') lines.push(`  ${key} --> [*]`);
  return ['```mermaid', ...lines, '```'].join('\n');
}

/** docs/lifecycle.md with the diagram of each configuration (by its id) written in. */
export function writeLifecycleDiagrams(doc, configs, fields, rules) {
  return configs.reduce(
    (text, config) => replacePart(text, `lifecycle-diagram:${config.id}`, 'docs:lifecycle', renderLifecycleDiagram(config, fields, rules)),
    doc,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { actionLifecycle, promiseLifecycle, meetingLifecycle, recommendationLifecycle, EVENT_FIELDS } = await importSource('packages/core/src/index.ts');
  const { DATA_RULES } = await importSource('packages/core/src/schema/event-fields.ts');
  const file = new URL('../docs/lifecycle.md', import.meta.url);
  const doc = readFileSync(file, 'utf8');
  writeFileSync(file, writeLifecycleDiagrams(doc, [actionLifecycle, promiseLifecycle, meetingLifecycle, recommendationLifecycle].map((l) => l.config), EVENT_FIELDS, DATA_RULES));
  console.log(`wrote the lifecycle diagrams in ${file.pathname}`);
}
