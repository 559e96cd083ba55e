import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { build } from 'esbuild';

const root = new URL('../../../../', import.meta.url);

/**
 * Bundles `server-process.ts` with core from its source (as the tests see it) into
 * packages/server/.cache/<pid>/, where the server finds its migrations two folders up and
 * Node finds the third-party packages, left external, in the repository's node_modules.
 */
export async function buildServerProcess(): Promise<string> {
  const external = ['server', 'core'].flatMap((pkg) => {
    const manifest = JSON.parse(readFileSync(new URL(`packages/${pkg}/package.json`, root), 'utf8')) as { dependencies?: Record<string, string> };
    return Object.keys(manifest.dependencies ?? {}).filter((name) => !name.startsWith('@pledgeflow/'));
  });
  const dir = new URL(`packages/server/.cache/${process.pid}/`, root);
  mkdirSync(dir, { recursive: true });
  const outfile = new URL('server-process.mjs', dir).pathname;
  await build({
    entryPoints: [new URL('./server-process.ts', import.meta.url).pathname],
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
  const child = spawn(process.execPath, [script, ...args], { cwd: root.pathname, stdio: ['ignore', 'pipe', 'pipe'] });
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
