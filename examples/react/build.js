// Bundles the React example for the browser with esbuild: `node examples/react/build.js`.
// React is bundled into this page (it is an app); the @pledgeflow/react package itself never bundles it.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

await build({
  entryPoints: [here('src/main.ts')],
  outfile: here('dist/main.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  // Our packages from their TypeScript source, as the rollup build and the tests take them.
  conditions: ['pledgeflow-source'],
  tsconfig: here('../../tsconfig.json'),
  define: { 'process.env.NODE_ENV': '"production"' },
  minify: true,
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'info',
});
