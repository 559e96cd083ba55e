// `npm test`: every suite, one after another, then one closing line `N passed, N failed`
// summed over every runner (and written to .cache/test-summary.json for .ci/run).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const cache = new URL('../.cache/', import.meta.url);
mkdirSync(cache, { recursive: true });
const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
let passed = 0;
let failed = 0;
const problems = [];

function run(label, command, args) {
  process.stdout.write(`\n== ${label}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status ?? 1;
}

// 1. Types: not a test runner, but a failure counts as one failed check.
if (run('type-check (tsc --noEmit)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']) !== 0) {
  failed += 1;
  problems.push('type-check failed');
}

// 2. Unit tests (vitest), counted from its JSON report.
if (!process.env.PLEDGEFLOW_TEST_DATABASE_URL && process.env.CI !== 'true') {
  process.stdout.write('PostgreSQL server suites not run (PGlite ones do): set PLEDGEFLOW_TEST_DATABASE_URL=postgres://user:password@127.0.0.1:5432/db to run them too (.ci/run starts PostgreSQL 15 and sets it; see docs/server.md).\n');
}
const vitestJson = new URL('vitest.json', cache).pathname;
rmSync(vitestJson, { force: true });
const vitestStatus = run('unit tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  if (vitestStatus !== 0 && r.numFailedTests === 0) {
    failed += 1; // a suite that failed to load, or no tests at all
    problems.push('vitest exited with an error outside any test');
  }
} else {
  failed += 1;
  problems.push('vitest wrote no report');
}

// 3. Browser tests (@web/test-runner in Chromium): elements, IndexedDB, accessibility.
const wtrJson = new URL('wtr.json', cache).pathname;
rmSync(wtrJson, { force: true });
const wtrStatus = run('browser tests (@web/test-runner, Chromium)', bin('wtr'), ['--config', 'web-test-runner.config.js']);
if (existsSync(wtrJson)) {
  const r = JSON.parse(readFileSync(wtrJson, 'utf8'));
  passed += r.passed;
  failed += r.failed;
  if (wtrStatus !== 0 && r.failed === 0) {
    failed += 1;
    problems.push('@web/test-runner exited with an error outside any test');
  }
} else {
  failed += 1;
  problems.push('@web/test-runner wrote no report (is /usr/bin/chromium installed? apt-get install chromium)');
}

writeFileSync(new URL('test-summary.json', cache), JSON.stringify({ passed, failed, problems }));
if (problems.length) process.stdout.write(`\n${problems.join('\n')}\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
