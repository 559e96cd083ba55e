// Browser suites (*.browser.test.ts in every package) in Debian's Chromium.
// See ../shared/TOOLCHAIN.md: Playwright's and Puppeteer's own browser downloads cannot be fetched here.
import { writeFileSync, mkdirSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { pledgeflowSyncServer } from './test/browser/support/sync-server-plugin.js';

/** Counts every test for scripts/test.js, which prints the closing `N passed, N failed`. */
function countingReporter(file = '.cache/wtr.json') {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      const walk = (suite) => {
        for (const t of suite?.tests ?? []) {
          if (t.skipped) continue;
          if (t.passed) passed++;
          else failed++;
        }
        for (const s of suite?.suites ?? []) walk(s);
      };
      for (const session of sessions) {
        walk(session.testResults);
        // A file that failed to load has errors and no tests: count it as one failure.
        if (!session.passed && !session.testResults?.tests?.length && !session.testResults?.suites?.length) failed++;
      }
      mkdirSync('.cache', { recursive: true });
      writeFileSync(file, JSON.stringify({ passed, failed }));
    },
  };
}

export default {
  files: ['packages/*/test/**/*.browser.test.ts', 'test/browser/**/*.browser.test.ts'],
  nodeResolve: { exportConditions: ['pledgeflow-source', 'browser', 'development'] },
  // pledgeflowSyncServer: a real sync server and people's pages for test/browser/sync.browser.test.ts.
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), pledgeflowSyncServer()],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        args: [
          '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
          '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
        ],
      },
    }),
  ],
  concurrency: 1,
  concurrentBrowsers: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countingReporter()],
};
