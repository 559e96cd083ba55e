// `pledgeflow serve` from source (core as the benchmarks see it), bundled by sync-bench.ts.
import { serveCommand } from '../../../packages/server/src/cli/serve.js';

process.exit(await serveCommand(process.argv.slice(2)));
