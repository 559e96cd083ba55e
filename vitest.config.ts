import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests run against each package's source, not its build.
const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      // Each entry of core to its source (see packages/core/package.json's exports).
      { find: /^@pledgeflow\/core\/(xstate|formats)$/, replacement: fileURLToPath(new URL('./packages/core/src/$1.ts', import.meta.url)) },
      { find: /^@pledgeflow\/core$/, replacement: src('core') },
      { find: /^@pledgeflow\/sync$/, replacement: src('sync') },
      { find: /^@pledgeflow\/store-idb$/, replacement: src('store-idb') },
    ],
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/unit/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/*.browser.test.ts'],
    pool: 'threads',
    // A timeout catches a test that hangs, not a slow machine: two busy cores can make a
    // one-second test take ten. Speed is measured by `npm run bench`, never by a timeout.
    testTimeout: 30_000,
    maxWorkers: 2,
  },
});
