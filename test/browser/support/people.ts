// The test's side of sync-server-plugin.js: a real server, and people's pages in browser
// contexts of their own, driven through what each page shows.
import { executeServerCommand } from '@web/test-runner-commands';

export const PLAN = 'eastmere-2026-28';

export interface ServerEvent {
  id: string;
  seq: number;
  stream: string;
  type: string;
  userId: string;
}

let jobs = 0;
/** A command of sync-server-plugin.js: asked again while it answers that it is still at work. */
async function command<T>(name: 'pledgeflow-server' | 'pledgeflow-page', payload: Record<string, unknown>): Promise<T> {
  const job = `${Date.now().toString(36)}-${++jobs}`;
  for (;;) {
    const answer = (await executeServerCommand(name, { ...payload, job })) as { pending?: true; value?: T };
    if (!answer.pending) return answer.value as T;
  }
}

/** Starts `pledgeflow serve --dev` on a free loopback port with a new PGlite directory; gives its URL. */
export const startServer = async () => (await command<{ url: string }>('pledgeflow-server', { action: 'start', origin: location.origin })).url;
/** Stops the server process and starts it again on the same port and data. */
export const restartServer = () => command<{ url: string }>('pledgeflow-server', { action: 'restart' });
/** Closes every person's page, stops the server and removes its data. */
export const stopServer = () => command('pledgeflow-server', { action: 'stop' });
/** Every event the server accepted, in seq order, as a fresh pull gives them. */
export const serverLog = () => command<ServerEvent[]>('pledgeflow-server', { action: 'log', plan: PLAN });

type Api = Window['person'];
type Method = Exclude<keyof Api, 'ready' | 'failed'>;
type Result<M extends Method> = Api[M] extends (...args: never[]) => infer R ? Awaited<R> : never;
type Args<M extends Method> = Api[M] extends (...args: infer A) => unknown ? A : never;

/** What a page says when a person takes a step: its id, or why not. */
export type StepResult = Result<'step'>;

export interface PersonPage {
  name: string;
  call<M extends Method>(method: M, ...args: Args<M>): Promise<Result<M>>;
  /** DevTools network emulation: the page loses (or gets back) its network. */
  offline(offline: boolean): Promise<void>;
  /** Every event id this page sent in a push, in order, and the page's uncaught errors. */
  pushed(): Promise<{ ids: string[]; errors: string[] }>;
  close(): Promise<void>;
}

/**
 * Opens `person`'s page on the server in the browser context `context` (a device: people of
 * different contexts share nothing, pages of one context share IndexedDB and Web Locks).
 */
export async function openPerson(server: string, name: string, person: string, options: { context?: string; token?: 'good' | 'expired' } = {}): Promise<PersonPage> {
  const query = new URLSearchParams({ server, plan: PLAN, person, token: options.token ?? 'good' });
  await command('pledgeflow-page', { action: 'open', name, context: options.context ?? name, path: `/test/browser/support/person.html?${query}` });
  return {
    name,
    call: async (method, ...args) => (await command<{ value: never }>('pledgeflow-page', { action: 'call', name, method, args })).value,
    offline: async (offline) => void (await command('pledgeflow-page', { action: 'offline', name, offline })),
    pushed: () => command('pledgeflow-page', { action: 'pushed', name }),
    close: async () => void (await command('pledgeflow-page', { action: 'close', name })),
  };
}

/** Closes every person's page; gives their uncaught errors (`name: message`). */
export const closeAllPages = async () => (await command<{ errors: string[] }>('pledgeflow-page', { action: 'close-all' })).errors;

/**
 * Asks `read` until `test` holds of what it gives, then gives that; fails after `ms` with
 * what was last seen. Deadlines are generous: a slow two-core machine is the yardstick.
 */
export async function eventually<T>(what: string, read: () => Promise<T>, test: (value: T) => boolean, ms = 45_000): Promise<T> {
  const end = Date.now() + ms;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (test(last)) return last;
    if (Date.now() > end) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}; last seen: ${JSON.stringify(last)?.slice(0, 1500)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

let evidenceCount = 0;
/** An evidence step's data with a summary no other step has. */
export function evidence(label: string) {
  const n = ++evidenceCount;
  return { evidenceId: `ev-browser-${Date.now().toString(36)}-${n}`, summary: `${label}, note ${n}.`, date: new Date().toISOString().slice(0, 10) };
}
