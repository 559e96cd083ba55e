// Shared by the vitest and Chromium runs: a small plan, events, fault injection and clean-up.
import { openDB } from 'idb';
import { createEventId, PlanSchema, type Actor, type EventInput, type Plan, type SendResult } from '@pledgeflow/core';
import { openIdbTracker, type IdbTracker, type IdbTrackerOptions } from '../src/index.js';

/** What a suite needs from its runner: vitest and mocha both have these, and chai-style `expect`. */
export interface Runner {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => Promise<void>): void;
  afterEach(body: () => Promise<void>): void;
  expect(value: unknown): Assertion;
}
interface Assertion {
  to: {
    equal(expected: unknown): void;
    deep: { equal(expected: unknown): void };
    include(expected: unknown): void;
    be: { instanceOf(constructor: unknown): void };
  };
}

export const plan: Plan = PlanSchema.parse({
  id: 'storetest',
  title: 'Storeshire Corporate Parenting Plan',
  council: 'Storeshire Council',
  period: { start: '2026-04-01', end: '2027-03-31' },
  agencies: [{ id: 'csc', name: "Children's Services", kind: 'council' }],
  people: [
    { id: 'editor', name: 'Erin Editor', agency: 'csc', role: 'plan-editor' },
    { id: 'lead', name: 'Lee Lead', agency: 'csc', role: 'working-group-lead' },
  ],
  workstreams: [{ id: 'education', name: 'Education and Work', lead: 'lead' }],
  promises: [{ id: 'p1', number: 1, title: 'Help with school', childFriendly: 'We will help you do your best at school.', owner: 'lead', principles: [5] }],
  actions: [
    { id: 'a1', title: 'Train designated teachers', leadAgency: 'csc', owner: 'lead', workstream: 'education', promises: ['p1'], principles: [5], dueDate: '2026-11-20' },
    { id: 'a2', title: 'Tutoring for year 11', leadAgency: 'csc', owner: 'lead', workstream: 'education', promises: ['p1'], principles: [5], dueDate: '2027-01-29' },
  ],
});

export const lead: Actor = { userId: 'lead', agencyId: 'csc', role: 'working-group-lead' };
export const editor: Actor = { userId: 'editor', agencyId: 'csc', role: 'plan-editor' };

let clock = Date.parse('2026-05-01T09:00:00Z');
/** An event one minute after the last, with a fresh id. */
export function ev(actor: Actor, stream: string, type: EventInput['type'], data: Record<string, unknown> = {}): EventInput {
  clock += 60_000;
  return { id: createEventId(clock), stream, type, data, actor, at: new Date(clock).toISOString() } as EventInput;
}

/** Each test's databases and connections, closed and deleted after it. */
export function scratch(runner: Runner) {
  const names: string[] = [];
  const open: { close(): void }[] = [];
  runner.afterEach(async () => {
    for (const c of open.splice(0)) c.close();
    for (const name of names.splice(0)) await deleteDatabase(name);
  });
  return {
    name(): string {
      const name = `pledgeflow-test-${Math.random().toString(36).slice(2)}`;
      names.push(name);
      return name;
    },
    keep<T extends { close(): void }>(connection: T): T {
      open.push(connection);
      return connection;
    },
    /** The plan's tracker on IndexedDB, closed after the test; fails if it fell back to memory. */
    async open(name: string, options: Omit<IdbTrackerOptions, 'plan' | 'name'> = {}): Promise<Extract<IdbTracker, { durable: true }>> {
      const opened = await openIdbTracker({ plan, name, ...options });
      if (!opened.durable) throw new Error(`expected IndexedDB, got: ${opened.notices.join(' ')}`);
      open.push(opened.store);
      return opened;
    },
  };
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

/** Exactly what the database holds, read with a separate connection. */
export async function stored(name: string) {
  const db = await openDB(name);
  const [events, outbox, snapshots] = await Promise.all([db.getAllKeys('events'), db.getAllKeys('outbox'), db.getAll('snapshots')]);
  db.close();
  return { events, outbox, snapshots: snapshots.sort((a, b) => (a.stream < b.stream ? -1 : 1)) };
}

export type Fault = 'abort' | 'throw' | 'quota';

/**
 * Makes IndexedDB's put fail from now on: the `step`-th call only (1-based), or every call
 * when `step` is 0. `abort` aborts the transaction after queueing the write; `throw` throws
 * from inside it; `quota` throws a QuotaExceededError as a full disk does. Returns the undo.
 */
export function breakPut(fault: Fault, step = 0): () => void {
  const proto = IDBObjectStore.prototype;
  const put = proto.put;
  let calls = 0;
  proto.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    calls++;
    if (step && calls !== step) return put.apply(this, args);
    if (fault === 'abort') {
      const request = put.apply(this, args);
      this.transaction.abort();
      return request;
    }
    throw fault === 'quota' ? new DOMException('The quota has been exceeded.', 'QuotaExceededError') : new Error(`put number ${calls} failed on purpose`);
  };
  return () => {
    proto.put = put;
  };
}

/** The promise that settles when an accepted step is written; throws with the reasons if it was refused. */
export function saved(result: SendResult): Promise<void> {
  if (!result.ok) throw new Error(`expected the step to be accepted: ${result.reasons.join(' ')}`);
  return result.saved;
}

/** The error a promise rejects with; fails if it resolves. */
export async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected it to fail, but it succeeded');
}

/** Collects callbacks' values; `next()` waits (up to 2 s) for one. */
export function inbox<T>() {
  const items: T[] = [];
  return {
    push: (item: T) => void items.push(item),
    async next(): Promise<T> {
      for (let waited = 0; !items.length; waited += 10) {
        if (waited > 2000) throw new Error('nothing arrived within 2 seconds');
        await new Promise((r) => setTimeout(r, 10));
      }
      return items.shift()!;
    },
  };
}
