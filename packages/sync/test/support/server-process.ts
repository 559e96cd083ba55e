// A real `pledgeflow serve --dev` process on loopback, with PGlite in a temporary directory.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTracker, loadPlan, type Actor, type Plan } from '@pledgeflow/core';

const root = new URL('../../../../', import.meta.url).pathname;
export const PLAN_FILE = join(root, 'examples/plans/eastmere.plan.json');
const CLI = join(root, 'packages/core/bin/pledgeflow.js');

export const eastmere = (): Plan => loadPlan(readFileSync(PLAN_FILE, 'utf8'));

export function actorOf(plan: Plan, personId: string): Actor {
  const p = plan.people.find((x) => x.id === personId);
  if (!p) throw new Error(`no person ${personId}`);
  return { userId: p.id, agencyId: p.agency, role: p.role };
}

export interface ServerProcess {
  url: string;
  /** Stops the process (SIGINT, as Ctrl-C) and waits for it. */
  stop(): Promise<void>;
  /** Stops it and starts it again on the same port and data. */
  restart(): Promise<void>;
  /** Stops it and removes its data. */
  remove(): Promise<void>;
}

function launch(dataDir: string, port: number): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--dev', '--plan', PLAN_FILE, '--data-dir', dataDir, '--port', String(port), '--log-level', 'silent'], {
      cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PLEDGEFLOW_RATE_PER_PERSON: '100000', PLEDGEFLOW_RATE_PER_ADDRESS: '100000' },
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start within 60 s:\n${out}`)), 60_000);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /pledgeflow server on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]! });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server stopped (exit ${code}) before it started:\n${out}`));
    });
  });
}

const stopped = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGINT');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });

export async function startServerProcess(): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pledgeflow-sync-'));
  let { child, url } = await launch(dataDir, 0);
  const port = Number(new URL(url).port);
  return {
    url,
    stop: () => stopped(child),
    async restart() {
      await stopped(child);
      ({ child } = await launch(dataDir, port));
    },
    async remove() {
      await stopped(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A token from the development sign-in. */
export async function signIn(url: string, userId: string): Promise<string> {
  const res = await fetch(`${url}/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) });
  if (!res.ok) throw new Error(`sign-in as ${userId}: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

export { createTracker };
