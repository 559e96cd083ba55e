// How the React example is bundled for the browser: used by build.js, and by the size test
// (test/unit/bundle-size.test.ts), so that what is measured is what is built.
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/** esbuild options for examples/react/dist/main.js. */
export const reactExampleBuild = {
  entryPoints: [here('src/main.ts')],
  outfile: here('dist/main.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  // Our packages from their TypeScript source, as the rollup build and the tests take them.
  // `module` as bundlers take it by default: @xstate/react's ES module, whose useSelector
  // leaves XState's interpreter out (its CommonJS build would bring all of XState in).
  conditions: ['pledgeflow-source', 'module'],
  tsconfig: here('../../tsconfig.json'),
  define: { 'process.env.NODE_ENV': '"production"' },
  minify: true,
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'info',
};
