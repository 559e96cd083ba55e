#!/usr/bin/env node
// The `pledgeflow` command. The code lives in dist/cli.js, built by `npm run build`
// (which `npm install` runs at the repository root).
import { readFileSync } from 'node:fs';

let cli;
try {
  cli = await import('../dist/cli.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  process.stderr.write('pledgeflow: the command has not been built yet. Run `npm run build` at the repository root first.\n');
  process.exit(1);
}
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
process.exitCode = cli.main(process.argv.slice(2), undefined, version);
