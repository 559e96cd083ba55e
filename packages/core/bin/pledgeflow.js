#!/usr/bin/env node
// The `pledgeflow` command. The code lives in dist/cli.js, built by `npm run build`
// (which `npm install` runs at the repository root).
import { readFileSync } from 'node:fs';

// `serve` lives in @pledgeflow/server (core must not depend on it): handed over when installed.
if (process.argv[2] === 'serve') {
  const server = await import('@pledgeflow/server').catch((error) => {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    process.stderr.write('pledgeflow serve needs @pledgeflow/server: `npm install @pledgeflow/server` (in this repository: `npm install`, which builds it).\n');
    process.exit(1);
  });
  process.exit(await server.serveCommand(process.argv.slice(3)));
}

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
