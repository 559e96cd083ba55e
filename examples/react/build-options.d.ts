import type { BuildOptions } from 'esbuild';

/** esbuild options for examples/react/dist/main.js. */
export declare const reactExampleBuild: BuildOptions;
