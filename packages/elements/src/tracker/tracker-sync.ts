import { parsePlanFile, type Plan, type PledgeEvent, type Tracker } from '@pledgeflow/core';
import { openIdbStore, openIdbTracker, type IdbStore, type IdbTracker } from '@pledgeflow/store-idb';
import { connect, loadFromServer, ObservableValue, type RefusedStep, type SyncConnection, type SyncStatus } from '@pledgeflow/sync';

/** An async function the host page gives: a bearer token for the signed-in person (undefined when there is none). */
export type TokenProvider = () => Promise<string | undefined | null>;

interface Shared {
  status?: SyncStatus;
  refused?: RefusedStep[];
  ask?: true;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A plan kept in IndexedDB and in step with a pledgeflow server. One tab of the page syncs
 * (elected with the Web Locks API, handed over when it closes); the others share its
 * IndexedDB and hear its status and refused steps over a BroadcastChannel.
 */
export class TrackerSync {
  readonly status = new ObservableValue<SyncStatus>({ state: 'loading', received: 0 }, sameJson);
  readonly refused = new ObservableValue<readonly RefusedStep[]>([], sameJson);
  #idb: IdbTracker | undefined;
  #connection: SyncConnection | undefined;
  #channel: BroadcastChannel | undefined;
  #release: (() => void) | undefined;
  #closed = false;
  #leader = false;
  #plan: Plan | undefined;
  #name = '';
  /** Refused steps this tab has already reopened its tracker for (once each, whatever happens). */
  readonly #reopenedFor = new Set<string>();
  #reopening: Promise<void> | undefined;
  /**
   * Called with a tracker opened afresh from IndexedDB when the server refused a step that the
   * open tracker had applied (core's tracker cannot take an event back): the host shows it instead.
   */
  onReopen: ((tracker: Tracker) => void) | undefined;

  constructor(readonly server: string, readonly planId: string, readonly getToken: TokenProvider, readonly person = 'anyone') {}

  /** Where the plan's file is kept for an offline start. */
  get #planKey() {
    return `pledgeflow-plan:${this.server}:${this.planId}`;
  }

  /** The plan from the server (kept for next time), or the copy kept here when the server cannot be reached. */
  async loadPlan(signal: AbortSignal): Promise<Plan> {
    let text: string | undefined;
    let failure = '';
    try {
      const token = await this.getToken();
      const res = await fetch(`${this.server.replace(/\/+$/, '')}/v1/plans/${encodeURIComponent(this.planId)}`, {
        signal, headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      if (res.ok) {
        text = await res.text();
        try {
          localStorage.setItem(this.#planKey, text);
        } catch {
          // storage full or refused: the next start needs the server
        }
      } else {
        const body = (await res.json().catch(() => ({}))) as { detail?: string };
        failure = body.detail ?? `the server answered ${res.status}`;
      }
    } catch (error) {
      if (signal.aborted) throw error;
      failure = `the server could not be reached (${String((error as Error)?.message ?? error)})`;
    }
    text ??= (() => {
      try {
        return localStorage.getItem(this.#planKey) ?? undefined;
      } catch {
        return undefined;
      }
    })();
    if (!text) throw new Error(`The plan "${this.planId}" could not be loaded: ${failure}.`);
    const file = parsePlanFile(text);
    if (!file.ok) throw new Error(`The server's plan file has problems: ${file.problems.map((p) => p.message).join(' ')}`);
    return file.plan;
  }

  /**
   * Opens the plan's tracker on IndexedDB and starts syncing (or listening, in a second tab).
   * On a first load the plan's events come from the server into IndexedDB before the tracker
   * is made (`status` says how far it has got); later loads start from IndexedDB, and the
   * sync pulls only what is new.
   */
  async open(plan: Plan, signal?: AbortSignal): Promise<{ tracker: Tracker; notices: string[] }> {
    const name = (this.#name = `pledgeflow-${this.planId}@${new URL(this.server, location.href).host}:${this.person}`);
    this.#plan = plan;
    const pulled = await this.#firstLoad(plan, name, signal);
    // An empty database filled by the first load holds just what was pulled: not read back.
    const idb = (this.#idb = await openIdbTracker({ plan, name, ...(pulled?.fresh ? { known: { events: pulled.events, snapshots: [] } } : {}) }));
    if (pulled && idb.durable) {
      // Each item's snapshot, so that the next load does not fold every event again.
      await idb.store.saveSnapshots(idb.tracker.snapshots()).catch((error: unknown) => {
        console.warn('pledgeflow: could not save snapshots after the first load; the next load folds the events again.', error);
      });
    }
    if (!idb.durable) {
      // Without IndexedDB this tab cannot share an outbox with others: it syncs alone.
      this.#lead();
      return { tracker: idb.tracker, notices: idb.notices };
    }
    this.refused.subscribe((steps) => this.#reopenIfApplied(steps));
    if (typeof BroadcastChannel === 'function') {
      this.#channel = new BroadcastChannel(`pledgeflow-sync:${name}`);
      this.#channel.onmessage = ({ data }: MessageEvent<Shared>) => {
        if (this.#leader) {
          if (data.ask) this.#share();
          return;
        }
        if (data.status) this.status.set(data.status);
        if (data.refused) this.refused.set(data.refused);
      };
    }
    const locks = (navigator as Navigator & { locks?: LockManager }).locks;
    if (!locks) this.#lead();
    else {
      this.#channel?.postMessage({ ask: true } satisfies Shared);
      void locks.request(`pledgeflow-sync:${name}`, () => {
        if (this.#closed) return undefined;
        this.#lead();
        return new Promise<void>((resolve) => (this.#release = resolve));
      });
    }
    return { tracker: idb.tracker, notices: idb.notices };
  }

  /**
   * When nothing from the server is stored here yet (or an earlier first load was cut off),
   * pulls every event into IndexedDB, one tab at a time. Gives what it pulled (`fresh` when the
   * database had nothing else), or undefined when it pulled nothing. If the server cannot be
   * reached or the person must sign in, the tracker opens with what is here and the sync keeps
   * trying, saying why.
   */
  async #firstLoad(plan: Plan, name: string, signal: AbortSignal | undefined): Promise<{ events: PledgeEvent[]; fresh: boolean } | undefined> {
    let store: IdbStore;
    try {
      // Not broadcast page by page: other tabs of this person wait for the first load (the lock
      // below) and then open from IndexedDB, so copying every event to them would be wasted.
      store = await openIdbStore({ planId: plan.id, name, BroadcastChannel: null });
    } catch {
      return undefined; // no IndexedDB: the tracker opens in memory and syncs as it can
    }
    const marker = `pledgeflow-first-load:${name}`;
    const unfinished = () => {
      try {
        return localStorage.getItem(marker) !== null;
      } catch {
        return false;
      }
    };
    const mark = (on: boolean) => {
      try {
        if (on) localStorage.setItem(marker, new Date().toISOString());
        else localStorage.removeItem(marker);
      } catch {
        // storage refused: a cut-off first load then resumes through the sync's own pulls
      }
    };
    const needed = async () => unfinished() || (await store.lastSeq()) === 0;
    const pull = async () => {
      if (!(await needed())) return undefined; // another tab did it while this one waited
      mark(true);
      const held = await store.load();
      const fresh = held.events.length === 0 && held.snapshots.length === 0;
      const events: PledgeEvent[] = [];
      await loadFromServer({
        url: this.server, planId: this.planId, getToken: this.getToken, ...(signal ? { signal } : {}),
        store: { lastSeq: () => store.lastSeq(), receive: (page) => (events.push(...page), store.receive(page)) },
        onProgress: (progress) => this.status.set({ state: 'loading', ...progress }),
      });
      mark(false);
      return events.length ? { events, fresh } : undefined;
    };
    try {
      if (!(await needed())) return undefined;
      const locks = (navigator as Navigator & { locks?: LockManager }).locks;
      return locks ? await locks.request(`pledgeflow-first-load:${name}`, signal ? { signal } : {}, pull) : await pull();
    } catch (error) {
      if (signal?.aborted) throw error;
      return undefined;
    } finally {
      store.close();
    }
  }

  #lead() {
    const idb = this.#idb;
    if (!idb || this.#closed) return;
    this.#leader = true;
    const store = idb.durable ? idb.store : undefined;
    if (!store) {
      this.status.set({ state: 'error', reason: 'this browser cannot keep changes (no IndexedDB), so they are not sent to the server', count: 0 });
      return;
    }
    const connection = (this.#connection = connect(idb.tracker, { url: this.server, planId: this.planId, getToken: this.getToken, store }));
    this.status.set(connection.status.value);
    connection.status.subscribe((status) => {
      if (this.#connection !== connection) return;
      this.status.set(status);
      this.#share();
    });
    connection.refused.subscribe((refused) => {
      if (this.#connection !== connection) return;
      // Added to what is listed: a connection made after a reopen starts with none and reads them back.
      this.refused.set([...this.refused.value, ...refused.filter((r) => !this.refused.value.some((s) => s.id === r.id))]);
      this.#share();
    });
    this.#share();
  }

  /** A refused step that this tab's tracker still shows as taken: open the tracker again from IndexedDB, which no longer has it. */
  #reopenIfApplied(steps: readonly RefusedStep[]) {
    const idb = this.#idb;
    if (!idb?.durable || this.#closed) return;
    const applied = steps.filter((r) => !this.#reopenedFor.has(r.id) && idb.tracker.history(r.stream).some((h) => h.eventId === r.id));
    if (!applied.length) return;
    for (const r of applied) this.#reopenedFor.add(r.id);
    const previous = this.#reopening ?? Promise.resolve();
    this.#reopening = previous.then(() => this.#reopen()).catch((error: unknown) => {
      console.warn('pledgeflow: could not open the plan again after a refused step; a reload shows what the server has.', error);
    });
  }

  /**
   * Swaps in a tracker made from what IndexedDB holds now (the server's events and this person's
   * unsent steps; the refused step is kept in `refused`, not in the log), and syncs it instead.
   */
  async #reopen() {
    const old = this.#idb;
    if (!old?.durable || !this.#plan || this.#closed) return;
    await old.tracker.flush().catch(() => {});
    const idb = await openIdbTracker({ plan: this.#plan, name: this.#name });
    if (!idb.durable) return; // IndexedDB went meanwhile: keep what is shown
    if (this.#closed) {
      idb.store.close();
      return;
    }
    // Steps taken on the old tracker from here on still reach IndexedDB, and this store's channel brings them to the new one.
    this.#idb = idb;
    const leader = this.#leader;
    this.#connection?.close();
    this.#connection = undefined;
    if (leader) this.#lead();
    this.onReopen?.(idb.tracker);
    // Closed once the host has rendered the new one (closing tells its subscribers), after any step still being written.
    await new Promise((resolve) => setTimeout(resolve));
    old.tracker.close('This copy of the plan was replaced after the server refused a step: take steps on the one shown.');
    await old.tracker.flush().catch(() => {});
    old.store.close();
  }

  #share() {
    this.#channel?.postMessage({ status: this.status.value, refused: [...this.refused.value] } satisfies Shared);
  }

  /** After the host signs the person in again: send what waits, now. */
  syncNow(): void {
    this.#connection?.syncNow();
  }

  close(): void {
    this.#closed = true;
    this.#connection?.close();
    this.#release?.();
    this.#channel?.close();
    if (this.#idb?.durable) this.#idb.store.close();
  }
}
