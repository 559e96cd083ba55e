// One rollup build for every package. esbuild strips types (TypeScript 7 has no compiler
// API for rollup plugins); `tsc -p packages/*/tsconfig.build.json` writes the declarations.
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';

const ts = () => esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' });
const external = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

export default [
  {
    // The npm package: dependencies stay external, the host's bundler dedupes them.
    input: {
      index: 'packages/core/src/index.ts',
      cli: 'packages/core/src/cli/cli.ts',
      // Kept apart so browser bundles never carry zod's JSON Schema generator.
      'json-schema': 'packages/core/src/io/json-schema.ts',
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
    // The example intranet page: everything bundled for the browser.
    input: 'examples/intranet/app.ts',
    output: { file: 'examples/intranet/dist/app.js', format: 'es', sourcemap: true },
    plugins: [nodeResolve({ browser: true, exportConditions: ['pledgeflow-source'] }), esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', minify: true })],
  },
];
