// `pledgeflow serve` in a process of its own, for the test of several server processes on one
// PostgreSQL: bundled from the source by `buildServerProcess`, run with the serve arguments.
import { serveCommand } from '../../src/index.js';

process.exitCode = await serveCommand(process.argv.slice(2));
