import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
// @ts-expect-error: a plain JavaScript script shared with `npm run docs:elements`
import { readExamples, renderElementDocs } from '../../../scripts/element-docs.js';

interface Item { name: string; description?: string; default?: string; type?: { text: string } }
interface Declaration {
  name: string;
  tagName?: string;
  summary?: string;
  events?: Partial<Item>[];
  attributes?: Item[];
  cssProperties?: Item[];
}
interface Manifest { modules: { path: string; declarations?: Declaration[] }[] }
interface Example { html: string[]; js?: string[] }

const packageDir = new URL('../', import.meta.url);
const docsDir = new URL('../../../docs/elements/', import.meta.url);
const read = (url: URL) => readFileSync(url, 'utf8');

const committed = read(new URL('custom-elements.json', packageDir));
const manifest = JSON.parse(committed) as Manifest;
const declarations = manifest.modules.flatMap((m) => m.declarations ?? []);
const elements = declarations.filter((d): d is Declaration & { tagName: string } => !!d.tagName);
const element = (tag: string) => elements.find((e) => e.tagName === tag);

const registered = [...read(new URL('src/define.ts', packageDir)).matchAll(/defineElement\(\s*'([^']+)'/g)].map((m) => m[1]!);

/** `--pledge-...` -> its default, from every `var(--pledge-x, default)` in the shared tokens. */
const tokens = new Map(
  [...read(new URL('src/shared/tokens.styles.ts', packageDir)).matchAll(/var\((--pledge-[\w-]+),\s*(.+)\);$/gm)].map((m) => [m[1]!, m[2]!]),
);

describe('custom-elements.json', () => {
  it('is what the analyzer makes from the JSDoc now (run `npm run manifest` after changing an element)', async () => {
    // In a child process: the analyzer loads a native module that crashes a worker thread as it exits.
    const script = `import { cli } from '@custom-elements-manifest/analyzer/cli.js';
      const m = await cli({ argv: ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'], cwd: process.cwd(), noWrite: true });
      process.stdout.write(JSON.stringify(m));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: fileURLToPath(packageDir), encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    expect(run.status, run.stderr).toBe(0);
    expect(`${JSON.stringify(JSON.parse(run.stdout), null, 2)}\n`).toBe(committed);
  }, 60_000);

  it('lists every element that define.ts registers, and no other', () => {
    expect(registered).toHaveLength(13);
    expect(elements.map((e) => e.tagName).sort()).toEqual([...registered].sort());
  });

  it('gives every element a summary', () => {
    for (const e of elements) expect(e.summary?.trim(), `<${e.tagName}> needs a @summary`).toBeTruthy();
  });

  it('names every event pledge-..., and says what each one is for', () => {
    const events = declarations.flatMap((d) => (d.events ?? []).map((event) => ({ ...event, on: d.name })));
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      expect(event.name ?? '', `an event of ${event.on}`).toMatch(/^pledge-[a-z]+(-[a-z]+)*$/);
      expect(event.description?.trim(), `${event.name} on ${event.on} needs a description in its @event tag`).toBeTruthy();
    }
  });

  it('documents each design token with the default tokens.styles.ts gives it, and no token that does not exist', () => {
    expect(tokens.size).toBeGreaterThan(20);
    const documented = new Set<string>();
    for (const e of elements) {
      for (const property of e.cssProperties ?? []) {
        expect(tokens.has(property.name), `<${e.tagName}> documents ${property.name}, which tokens.styles.ts does not read`).toBe(true);
        expect(property.default, `the default of ${property.name} on <${e.tagName}>`).toBe(tokens.get(property.name));
        documented.add(property.name);
      }
    }
    expect([...tokens.keys()].filter((t) => !documented.has(t))).toEqual([]);
  });
});

describe('docs/elements', () => {
  const pages = renderElementDocs(manifest) as Record<string, string>;

  it('has a page for each element and an index, as scripts/element-docs.js writes them (run `npm run docs:elements`)', () => {
    expect(Object.keys(pages).sort()).toEqual(['README.md', ...registered.map((tag) => `${tag}.md`)].sort());
    expect(readdirSync(docsDir).filter((f) => f.endsWith('.md')).sort()).toEqual(Object.keys(pages).sort());
    for (const [file, text] of Object.entries(pages)) expect(read(new URL(file, docsDir)), file).toBe(text);
  });

  it('shows examples that use only the attributes and events their elements have', () => {
    const examples = readExamples() as Record<string, Example>;
    for (const [tag, example] of Object.entries(examples)) {
      expect(element(tag), `examples.json has an example for <${tag}>, which is not an element`).toBeDefined();
      for (const [, used, attributes] of example.html.join('\n').matchAll(/<(pledge-[a-z-]+)([^>]*)>/g)) {
        const known = element(used!)?.attributes?.map((a) => a.name) ?? [];
        for (const [, name] of attributes!.matchAll(/\s([a-z-]+)(?:="[^"]*")?/g)) expect(known, `<${used}> in the example for <${tag}>`).toContain(name);
      }
      const fired = element(tag)?.events?.map((e) => e.name) ?? [];
      for (const [, name] of (example.js ?? []).join('\n').matchAll(/addEventListener\('([^']+)'/g)) expect(fired, `the example for <${tag}>`).toContain(name);
    }
  });
});
