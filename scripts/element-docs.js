// docs/elements/ is written from packages/elements/custom-elements.json (which `npm run manifest`
// makes from the elements' JSDoc) and the examples in docs/elements/examples.json, so the docs
// say what the code says. `npm run docs:elements` rewrites them; a test checks they are current.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const MANIFEST = new URL('../packages/elements/custom-elements.json', import.meta.url);
const DOCS = new URL('../docs/elements/', import.meta.url);
const EXAMPLES = new URL('examples.json', DOCS);

const GENERATED = '<!-- Written by scripts/element-docs.js from packages/elements/custom-elements.json and docs/elements/examples.json: do not edit. Change the JSDoc or the example, then run `npm run manifest && npm run docs:elements`. -->';

export function readExamples() {
  return JSON.parse(readFileSync(EXAMPLES, 'utf8'));
}

/** Every declaration with a tag name, by tag, with the path of its module. */
export function elementsOf(manifest) {
  return manifest.modules
    .flatMap((module) => (module.declarations ?? []).filter((d) => d.tagName).map((d) => ({ ...d, path: module.path })))
    .sort(byName('tagName'));
}

/** Sorts by a string key, by code point, so the order is the same on every machine. */
const byName = (key) => (a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0);

const isPublic = (member) => (member.privacy ?? 'public') === 'public' && !member.static && !member.name.startsWith('#');

/** Text for one table cell: one line, pipes escaped. */
const cell = (text) => (text ?? '').replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');
const code = (text) => (text ? `\`${cell(text)}\`` : '');

function table(head, rows) {
  if (!rows.length) return 'None.';
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function signature(method) {
  const params = (method.parameters ?? []).map((p) => `${p.name}${p.optional || p.default !== undefined ? '?' : ''}${p.type ? `: ${p.type.text}` : ''}`);
  return `${method.name}(${params.join(', ')})${method.return?.type ? `: ${method.return.type.text}` : ''}`;
}

function renderExample(tag, example) {
  if (!example) throw new Error(`docs/elements/examples.json has no example for <${tag}>: add one (intro, html, and css or js if it needs them).`);
  const block = (lang, lines) => (lines?.length ? [`\`\`\`${lang}`, ...lines, '```'] : []);
  const usesTracker = (example.js ?? []).some((line) => /=\s*tracker\b/.test(line));
  return [
    example.intro,
    '',
    ...block('html', example.html),
    ...(example.css?.length ? ['', ...block('css', example.css)] : []),
    ...(example.js?.length ? ['', ...block('js', example.js)] : []),
    ...(usesTracker ? ['', '`tracker` is made as in [Giving an element a tracker](README.md#giving-an-element-a-tracker).'] : []),
  ].join('\n');
}

function renderElement(element, example) {
  const members = (element.members ?? []).filter(isPublic);
  const fields = members.filter((m) => m.kind === 'field');
  const methods = members.filter((m) => m.kind === 'method');
  const tokens = [...(element.cssProperties ?? [])].sort(byName('name'));
  const events = element.events ?? [];
  const parts = element.cssParts ?? [];
  return [
    GENERATED,
    '',
    `# \`<${element.tagName}>\``,
    '',
    element.summary ?? '',
    '',
    element.description ?? '',
    '',
    `Class \`${element.name}\` in \`@pledgeflow/elements\` ([source](../../packages/elements/${element.path})).`,
    '',
    '## Example',
    '',
    renderExample(element.tagName, example),
    '',
    '## Attributes',
    '',
    table(['Attribute', 'Property', 'Type', 'Default', 'Description'], (element.attributes ?? []).map((a) => [
      code(a.name), code(a.fieldName), code(a.type?.text), code(a.default), cell(a.description),
    ])),
    '',
    '## Properties',
    '',
    table(['Property', 'Attribute', 'Type', 'Default', 'Description'], fields.map((f) => [
      code(f.name), code(f.attribute), code(f.type?.text), code(f.default), cell(`${f.description ?? ''}${f.readonly ? ' Read-only.' : ''}`),
    ])),
    '',
    '## Methods',
    '',
    table(['Method', 'Description'], methods.map((m) => [code(signature(m)), cell(m.description)])),
    '',
    '## Events',
    '',
    table(['Event', 'Type', 'Description'], events.map((e) => [code(e.name), code(e.type?.text), cell(e.description)])),
    '',
    events.length ? 'Every event bubbles and is composed, so a listener on the element or on any ancestor hears it.' : '',
    '',
    '## Slots',
    '',
    table(['Slot', 'Description'], (element.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)])),
    '',
    '## CSS parts',
    '',
    table(['Part', 'Description'], parts.map((p) => [code(p.name), cell(p.description)])),
    '',
    parts.length ? `Style them from the page with \`::part()\`: \`${element.tagName}::part(${parts[0].name}) { ... }\`.` : '',
    '',
    '## CSS custom properties',
    '',
    table(['Property', 'Default', 'Description'], tokens.map((t) => [code(t.name), code(t.default), cell(t.description)])),
    '',
    'Set them on the element or on any ancestor (`body`, say): custom properties are inherited into every `<pledge-...>` element.',
    '',
  ].join('\n').replace(/\n{3,}/g, '\n\n');
}

function renderIndex(elements) {
  return [
    GENERATED,
    '',
    '# The elements',
    '',
    '`@pledgeflow/elements` is a set of web components that put a pledgeflow tracker, or one part of it, in any page: SharePoint, Drupal, a GOV.UK-styled site or plain HTML, with no framework. Start with `<pledge-tracker>`, which shows all the others.',
    '',
    table(['Element', 'What it shows'], elements.map((e) => [`[\`<${e.tagName}>\`](${e.tagName}.md)`, cell(e.summary)])),
    '',
    '## Registering the elements',
    '',
    '- `<script type="module" src="/pledgeflow/pledgeflow.js"></script>`: one file (from `packages/elements/dist/` after `npm run build`) with the engine and Lit inside, that registers every element. A `<pledge-tracker>` given a `server` also loads the sync client from `pledgeflow-chunks/`: copy that folder beside `pledgeflow.js`.',
    '- `dist/elements/<tag>.js` (for example `dist/elements/pledge-overdue-report.js`): one element and the elements it shows, for a page that needs only that.',
    "- With a bundler: `import '@pledgeflow/elements/define.js';`. Importing `@pledgeflow/elements` itself gives the classes and registers nothing, so a page whose names clash can register a class under another name with `defineElement`.",
    '',
    'Registering twice does not throw.',
    '',
    '## Giving an element a tracker',
    '',
    '`<pledge-tracker>` loads a plan itself from its `src` and `events` attributes. The other elements show the `tracker` property that the page (or `<pledge-tracker>`) gives them. The examples use the Eastmere example plan, `examples/plans/eastmere.plan.json`, and its event log, served at `/plans/`:',
    '',
    '```js',
    "import '@pledgeflow/elements/define.js';",
    "import { createTracker, loadPlan, parseEventLog } from '@pledgeflow/core';",
    '',
    "const plan = loadPlan(await (await fetch('/plans/eastmere.plan.json')).text());",
    "const { events } = parseEventLog(await (await fetch('/plans/eastmere.events.ndjson')).text());",
    'const tracker = createTracker({ plan, events });',
    '```',
    '',
    'Sign-in belongs to the host page: set `actor` (`{ userId, agencyId, role }`) on the elements where people take steps, and keep the events they send (`pledge-step`, with `event.result.event` when `event.result.ok`).',
    '',
    '## Words and theming',
    '',
    '- Every word comes from one messages object: give an element your own words with its `messages` property (`element.messages = { overdueOnly: \'Late only\' }`).',
    '- Colours, type and spacing come from `--pledge-*` custom properties, and structure from `::part()`; each element\'s page lists them. The defaults are close to the GOV.UK Design System.',
    '',
    '```css',
    'body {',
    '  --pledge-color-link: #005ea5;',
    "  --pledge-font-family: 'Frutiger W01', Arial, sans-serif;",
    '}',
    'pledge-action-list::part(table) { font-size: 0.9em; }',
    '```',
    '',
  ].join('\n');
}

/** The pages of docs/elements/: file name -> Markdown. */
export function renderElementDocs(manifest, examples = readExamples()) {
  const elements = elementsOf(manifest);
  const pages = { 'README.md': renderIndex(elements) };
  for (const element of elements) pages[`${element.tagName}.md`] = renderElement(element, examples[element.tagName]);
  return pages;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const pages = renderElementDocs(JSON.parse(readFileSync(MANIFEST, 'utf8')));
  mkdirSync(DOCS, { recursive: true });
  // Pages for elements that are gone would say what no longer exists.
  for (const file of readdirSync(DOCS)) if (file.endsWith('.md') && !(file in pages)) rmSync(new URL(file, DOCS));
  for (const [file, text] of Object.entries(pages)) writeFileSync(new URL(file, DOCS), text);
  console.log(`wrote ${Object.keys(pages).length} pages in ${DOCS.pathname}`);
}
