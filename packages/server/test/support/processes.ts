import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { build } from 'esbuild';

const ROOT = new URL('../../../../', import.meta.url);

/**
 * Bundles `entry` (by default `server-process.ts`) with core from its source (as the tests
 * see it) into packages/server/.cache/<pid>/, where the server finds its migrations two
 * folders up and Node finds the third-party packages, left external, in the repository's
 * node_modules. Returns the bundle's path; remove its folder when done. `root` is the
 * repository (given when this file is itself bundled elsewhere, as by `npm run bench`).
 */
export async function buildServerProcess(options: { entry?: string; name?: string; root?: URL } = {}): Promise<string> {
  const root = options.root ?? ROOT;
  const entry = options.entry ?? new URL('packages/server/test/support/server-process.ts', root).pathname;
  const name = options.name ?? 'server-process';
  const external = ['server', 'core'].flatMap((pkg) => {
    const manifest = JSON.parse(readFileSync(new URL(`packages/${pkg}/package.json`, root), 'utf8')) as { dependencies?: Record<string, string> };
    return Object.keys(manifest.dependencies ?? {}).filter((name) => !name.startsWith('@pledgeflow/'));
  });
  const dir = new URL(`packages/server/.cache/${process.pid}/`, root);
  mkdirSync(dir, { recursive: true });
  const outfile = new URL(`${name}.mjs`, dir).pathname;
  await build({
    entryPoints: [entry],
    bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile,
    conditions: ['pledgeflow-source'], external: [...external, ...external.map((name) => `${name}/*`)], logLevel: 'warning',
  });
  return outfile;
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Sends SIGTERM and waits for the process to end; resolves with its exit code. */
  stop(): Promise<number | null>;
}

/** Starts the bundled server with `args` and waits for it to print its address. */
export function startServerProcess(script: string, args: string[], ms = 60_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, [script, ...args], { cwd: ROOT.pathname, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server process did not start within ${ms} ms: ${out.slice(-1000)}`));
    }, ms);
    const read = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /pledgeflow server on (http:\/\/[^\s]+) with/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1]!,
          child,
          stop: async () => {
            if (child.exitCode === null) child.kill('SIGTERM');
            return exited;
          },
        });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server process ended (exit code ${code}) before it started: ${out.slice(-1000)}`));
    });
  });
}
