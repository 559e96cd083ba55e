// Bundles the React example for the browser with esbuild: `node examples/react/build.js`.
// React is bundled into this page (it is an app); the @pledgeflow/react package itself never bundles it.
import { build } from 'esbuild';
import { reactExampleBuild } from './build-options.js';

await build(reactExampleBuild);
