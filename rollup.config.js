// One rollup build for every package. esbuild strips types (TypeScript 7 has no compiler
// API for rollup plugins); `tsc -p packages/*/tsconfig.build.json` writes the declarations.
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { fileURLToPath } from 'node:url';

const ts = () => esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' });
const external = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

// @pledgeflow/elements ----------------------------------------------------------------
const elementsIndex = fileURLToPath(new URL('packages/elements/src/index.ts', import.meta.url));
const browser = () => [
  nodeResolve({ browser: true, exportConditions: ['pledgeflow-source'] }),
  esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', minify: true }),
];

/** Each element's class, and the elements it shows by tag name (registered with it). */
const ELEMENTS = {
  'pledge-status': ['PledgeStatus'],
  'pledge-action-list': ['PledgeActionList'],
  'pledge-evidence-form': ['PledgeEvidenceForm'],
  'pledge-action': ['PledgeAction', 'pledge-status', 'pledge-evidence-form'],
  'pledge-overdue-report': ['PledgeOverdueReport'],
  'pledge-promises': ['PledgePromises', 'pledge-status'],
  'pledge-measure': ['PledgeMeasure'],
  'pledge-deadlines': ['PledgeDeadlines'],
  'pledge-my-work': ['PledgeMyWork'],
  'pledge-meetings': ['PledgeMeetings'],
  'pledge-recommendations': ['PledgeRecommendations'],
};

/**
 * A browser entry per element (`dist/elements/pledge-action.js`): a virtual module that
 * registers the element and those it uses, so a page can load just what it shows.
 */
function elementEntries() {
  const prefix = '\0pledge-entry:';
  return {
    name: 'pledgeflow-element-entries',
    resolveId: (id) => (id.startsWith(prefix) ? id : null),
    load(id) {
      if (!id.startsWith(prefix)) return null;
      const [className, ...uses] = ELEMENTS[id.slice(prefix.length)];
      const tags = [id.slice(prefix.length), ...uses];
      const classes = tags.map((tag) => ELEMENTS[tag][0]);
      return `import { defineElement, ${classes.join(', ')} } from ${JSON.stringify(elementsIndex)};\n` +
        tags.map((tag, i) => `defineElement(${JSON.stringify(tag)}, ${classes[i]});`).join('\n');
    },
  };
}

export default [
  {
    // The npm package: dependencies stay external, the host's bundler dedupes them.
    input: {
      index: 'packages/core/src/index.ts',
      cli: 'packages/core/src/cli/cli.ts',
      // Kept apart so browser bundles never carry zod's JSON Schema generator.
      'json-schema': 'packages/core/src/io/json-schema.ts',
      // The lifecycles as XState machines: for tools and actors, not needed by the tracker.
      xstate: 'packages/core/src/xstate.ts',
      // CSV and report formats: not needed by a live tracker.
      formats: 'packages/core/src/formats.ts',
    },
    output: { dir: 'packages/core/dist', format: 'es', sourcemap: true },
    external,
    plugins: [nodeResolve({ exportConditions: ['pledgeflow-source'] }), ts()],
  },
  {
    input: { index: 'packages/store-idb/src/index.ts' },
    output: { dir: 'packages/store-idb/dist', format: 'es', sourcemap: true },
    external,
    plugins: [nodeResolve({ exportConditions: ['pledgeflow-source'] }), ts()],
  },
  {
    input: { index: 'packages/react/src/index.ts' },
    output: { dir: 'packages/react/dist', format: 'es', sourcemap: true },
    external,
    plugins: [nodeResolve({ exportConditions: ['pledgeflow-source'] }), ts()],
  },
  {
    // The npm package: one file per source module (beside tsc's .d.ts), lit and core external.
    input: { index: 'packages/elements/src/index.ts', define: 'packages/elements/src/define.ts' },
    output: { dir: 'packages/elements/dist', format: 'es', sourcemap: true, preserveModules: true, preserveModulesRoot: 'packages/elements/src' },
    external,
    plugins: [nodeResolve({ exportConditions: ['pledgeflow-source'] }), ts()],
  },
  {
    // The browser bundle: one file with core, lit, xstate and zod/mini inside, that registers
    // every element. `<script type="module" src=".../pledgeflow.js">` is all a page needs.
    // The sync client and the IndexedDB store are a chunk beside it (pledgeflow-chunks/), which
    // <pledge-tracker> imports only when it is given a `server`: pages without one never load it.
    input: { pledgeflow: 'packages/elements/src/define.ts' },
    output: { dir: 'packages/elements/dist', entryFileNames: '[name].js', chunkFileNames: 'pledgeflow-chunks/[name]-[hash].js', format: 'es', sourcemap: true },
    plugins: browser(),
  },
  {
    // Per-element browser entries, sharing chunks: `dist/elements/pledge-status.js` and so on.
    // (`pledge-tracker` shows every element, so its entry is `pledgeflow.js`.)
    input: Object.fromEntries(Object.keys(ELEMENTS).map((tag) => [tag, `\0pledge-entry:${tag}`])),
    output: { dir: 'packages/elements/dist/elements', format: 'es', sourcemap: true, chunkFileNames: 'chunks/[name]-[hash].js' },
    plugins: [elementEntries(), ...browser()],
  },
  {
    // The example intranet page: everything bundled for the browser.
    input: 'examples/intranet/app.ts',
    output: { file: 'examples/intranet/dist/app.js', format: 'es', sourcemap: true },
    plugins: [nodeResolve({ browser: true, exportConditions: ['pledgeflow-source'] }), esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', minify: true })],
  },
];
