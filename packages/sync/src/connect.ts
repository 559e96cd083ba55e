import type { PledgeEvent, Tracker } from '@pledgeflow/core';
import { backoffDelay, type BackoffOptions } from './backoff.js';
import { ObservableValue, sameJson, type Observable } from './observable.js';
import { HttpProblem, PlanRequests, SignInNeeded } from './request.js';
import { readSse } from './sse.js';
import type { SyncStatus } from './status.js';
import type { RefusedStep, SyncStore } from './sync-store.js';

/** Whether the device has a network, and when that changes: the browser's `online`/`offline` events by default. */
export interface OnlineSignal {
  isOnline(): boolean;
  subscribe(listener: () => void): () => void;
}

export interface ConnectOptions {
  /** The server's address, such as `https://pledgeflow.eastmere.gov.uk` (no trailing `/v1`). */
  url: string;
  planId: string;
  /**
   * A bearer token for the signed-in person, from the host page's sign-in. Asked again once
   * when the server answers 401; if that one is refused too, the status is "Sign in again".
   */
  getToken: () => Promise<string | undefined | null> | string | undefined | null;
  /** The tracker's store: its outbox, and where what the server sends is kept. */
  store: SyncStore;
  /** Names this device in the server's records (a new random id by default). */
  clientId?: string;
  /** Steps per push (100 by default; the server takes at most 500). */
  batchSize?: number;
  /** Events per pull page (500 by default; at most 1,000). */
  pageSize?: number;
  /** Waits between failed tries: exponential, with jitter, honouring `Retry-After`. */
  backoff?: BackoffOptions;
  /** Listen to the server's live stream (true by default); without it, sync only on `syncNow()` and new steps. */
  live?: boolean;
  fetch?: typeof fetch;
  online?: OnlineSignal;
  /** Steps of this person that the server refused, as they come to light. */
  onRefused?: (steps: RefusedStep[]) => void;
  /** The server has a new version of the plan: the host should load it and rebuild the tracker. */
  onPlanChanged?: (version: number) => void;
}

/** A live connection between a tracker and a server. */
export interface SyncConnection {
  /** Where the changes are: "saved", "sending N", "offline", "could not send", "sign in again". */
  readonly status: Observable<SyncStatus>;
  /** This person's steps that the server refused, with its reasons, newest last. */
  readonly refused: Observable<readonly RefusedStep[]>;
  /** Push and pull now, without waiting out a back-off (after a sign-in, say). */
  syncNow(): void;
  /** Resolves the next time everything is sent and pulled (status "saved"). */
  whenSaved(): Promise<void>;
  /** Stops syncing; what is in the outbox stays there. */
  close(): void;
}

/** The browser's online signal; in Node (no `navigator.onLine`), always online. */
export function defaultOnlineSignal(): OnlineSignal {
  const g = globalThis as { navigator?: { onLine?: boolean }; addEventListener?: (t: string, l: () => void) => void; removeEventListener?: (t: string, l: () => void) => void };
  return {
    isOnline: () => g.navigator?.onLine !== false,
    subscribe(listener) {
      if (!g.addEventListener) return () => {};
      g.addEventListener('online', listener);
      g.addEventListener('offline', listener);
      return () => {
        g.removeEventListener?.('online', listener);
        g.removeEventListener?.('offline', listener);
      };
    },
  };
}

const randomId = () => (globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);

interface PushAnswer {
  results: { id: string; status: 'accepted' | 'refused' | 'duplicate'; verdict?: 'accepted' | 'refused'; seq?: number; reasons?: string[] }[];
  head: number;
}
interface PullAnswer {
  events: PledgeEvent[];
  head: number;
  upToDate: boolean;
  refused?: { id: string; stream: string; type: string; at: string; reasons: string[] }[];
}

/** The connection's loop: one sync at a time, push then pull, with back-off between failures. */
class Connection implements SyncConnection {
  readonly status = new ObservableValue<SyncStatus>({ state: 'saved' }, sameJson);
  readonly refused = new ObservableValue<readonly RefusedStep[]>([]);
  readonly #tracker: Tracker;
  readonly #o: ConnectOptions;
  readonly #requests: PlanRequests;
  readonly #online: OnlineSignal;
  readonly #clientId: string;
  readonly #stops: (() => void)[] = [];
  #closed = false;
  #dirty = true;
  #signIn = false;
  #count = 0;
  #lastSeq: number | undefined;
  /** The highest head the server has told of (a pull, a push's answer, the live stream). */
  #knownHead = 0;
  #pulledOnce = false;
  #wake: (() => void) | undefined;
  #wakeOnPoke = true;
  #stream: AbortController | undefined;
  #streamFailures = 0;
  #savedWaiters: (() => void)[] = [];
  #busy = false;

  constructor(tracker: Tracker, options: ConnectOptions) {
    this.#tracker = tracker;
    this.#o = options;
    this.#requests = new PlanRequests(options.url, options.planId, options.getToken, options.fetch ?? globalThis.fetch.bind(globalThis));
    this.#online = options.online ?? defaultOnlineSignal();
    this.#clientId = options.clientId ?? randomId();
    this.#stops.push(options.store.onOutbox(() => this.#poke()));
    this.#stops.push(this.#online.subscribe(() => {
      if (this.#online.isOnline()) this.syncNow();
      else {
        this.#stream?.abort();
        this.#wake?.();
      }
    }));
    void options.store.refusedSteps().then((steps) => {
      if (steps.length) this.refused.set([...steps, ...this.refused.value.filter((r) => !steps.some((s) => s.id === r.id))]);
    }, () => {});
    void this.#run();
  }

  syncNow(): void {
    this.#dirty = true;
    this.#signIn = false;
    this.#wake?.();
  }

  whenSaved(): Promise<void> {
    if (this.status.value.state === 'saved' && !this.#dirty && !this.#busy) return Promise.resolve();
    return new Promise((resolve) => this.#savedWaiters.push(resolve));
  }

  close(): void {
    this.#closed = true;
    this.#stream?.abort();
    for (const stop of this.#stops.splice(0)) stop();
    this.#wake?.();
  }

  /** Something may need sending: count it, and sync unless waiting out a back-off. */
  #poke() {
    this.#dirty = true;
    void this.#o.store.outbox().then((events) => {
      this.#count = events.length;
      const s = this.status.value;
      if (s.state === 'saved' || s.state === 'sending') this.#setStatus(this.#count ? { state: 'sending', count: this.#count } : s);
      else if ('count' in s) this.#setStatus({ ...s, count: this.#count });
    }, () => {});
    if (this.#wakeOnPoke) this.#wake?.();
  }

  #setStatus(status: SyncStatus) {
    this.status.set(status);
    if (status.state === 'saved' && !this.#dirty && !this.#busy) for (const resolve of this.#savedWaiters.splice(0)) resolve();
  }

  #sleep(ms: number, wakeOnPoke: boolean): Promise<void> {
    return new Promise((resolve) => {
      this.#wakeOnPoke = wakeOnPoke;
      const timer = Number.isFinite(ms) ? setTimeout(() => done(), ms) : undefined;
      const done = () => {
        clearTimeout(timer);
        this.#wake = undefined;
        this.#wakeOnPoke = true;
        resolve();
      };
      this.#wake = done;
    });
  }

  async #run(): Promise<void> {
    let failures = 0;
    while (!this.#closed) {
      if (this.#signIn) {
        this.#setStatus({ state: 'sign-in', count: this.#count });
        await this.#sleep(Infinity, false);
        continue;
      }
      if (!this.#online.isOnline()) {
        this.#setStatus({ state: 'offline', count: this.#count });
        await this.#sleep(Infinity, false);
        continue;
      }
      if (!this.#dirty) {
        await this.#sleep(Infinity, true);
        continue;
      }
      this.#dirty = false;
      this.#busy = true;
      try {
        await this.#pushAll();
        await this.#pullAll();
        failures = 0;
        if (this.#o.live !== false) this.#openStream();
        this.#count = (await this.#o.store.outbox()).length;
        this.#busy = false;
        this.#setStatus(this.#count ? { state: 'sending', count: this.#count } : { state: 'saved' });
      } catch (error) {
        this.#dirty = true;
        this.#busy = false;
        if (this.#closed) return;
        if (error instanceof SignInNeeded) {
          this.#signIn = true;
          continue;
        }
        failures++;
        this.#count = await this.#o.store.outbox().then((e) => e.length, () => this.#count);
        const wait = backoffDelay(failures, this.#o.backoff, error instanceof HttpProblem ? error.retryAfter : 0);
        if (error instanceof HttpProblem && error.status !== 503) {
          this.#setStatus({ state: 'error', reason: error.message, count: this.#count });
        } else {
          this.#setStatus({ state: 'offline', count: this.#count });
        }
        await this.#sleep(wait, false);
      }
    }
  }

  /** A request with the person's token; 401 asks `getToken()` once more before giving up. */
  #request(path: string, init: RequestInit = {}): Promise<Response> {
    return this.#requests.request(path, init);
  }

  async #pushAll(): Promise<void> {
    const size = this.#o.batchSize ?? 100;
    for (let round = 0; ; round++) {
      const outbox = await this.#o.store.outbox();
      this.#count = outbox.length;
      if (!outbox.length) return;
      const s = this.status.value.state;
      if (s === 'saved' || s === 'sending') this.#setStatus({ state: 'sending', count: outbox.length });
      const batch = outbox.slice(0, size).map(({ seq: _, ...event }) => event);
      const res = await this.#request('/push', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ clientId: this.#clientId, events: batch }) });
      const answer = (await res.json()) as PushAnswer;
      const sent = new Map(batch.map((e) => [e.id, e as PledgeEvent]));
      const accepted: string[] = [];
      const refused: RefusedStep[] = [];
      for (const r of answer.results) {
        const event = sent.get(r.id);
        if (!event) continue;
        const verdict = r.status === 'duplicate' ? r.verdict : r.status;
        if (verdict === 'refused') {
          refused.push({ id: event.id, stream: event.stream, type: event.type, at: event.at, reasons: r.reasons ?? ['The server refused this step without saying why.'], event });
        } else accepted.push(r.id);
      }
      await this.#o.store.settle(accepted, refused);
      this.#report(refused);
      await this.#caughtUpByPush(batch as PledgeEvent[], answer);
      // A server that answers none of the batch would keep us here for ever: try again later.
      if (!accepted.length && !refused.length) throw new HttpProblem('the server gave no verdict for the steps sent', 500, 0);
      if (round > 10_000) return;
    }
  }

  /**
   * When a push's answer shows that its accepted steps are all that happened after the last seq
   * we have (no one else took a step meanwhile), they are kept with their seqs and the last seq
   * moves to the head: no pull is needed to learn it, and the server is asked once, not twice.
   */
  async #caughtUpByPush(batch: readonly PledgeEvent[], answer: PushAnswer) {
    this.#knownHead = Math.max(this.#knownHead, answer.head);
    const last = (this.#lastSeq ??= await this.#o.store.lastSeq());
    const byId = new Map(batch.map((e) => [e.id, e]));
    const own = answer.results
      .filter((r) => r.seq !== undefined && (r.status === 'accepted' || (r.status === 'duplicate' && r.verdict === 'accepted')) && byId.has(r.id))
      .map((r) => ({ ...byId.get(r.id)!, seq: r.seq! }))
      .sort((a, b) => a.seq - b.seq);
    if (!own.length || answer.head !== last + own.length || own.some((e, i) => e.seq !== last + 1 + i)) return;
    this.#tracker.receive(own);
    await this.#o.store.receive(own);
    this.#lastSeq = answer.head;
  }

  #report(refused: RefusedStep[]) {
    const known = new Set(this.refused.value.map((r) => r.id));
    const news = refused.filter((r) => !known.has(r.id));
    if (!news.length) return;
    this.refused.set([...this.refused.value, ...news]);
    this.#o.onRefused?.(news);
  }

  async #pullAll(): Promise<void> {
    let after = (this.#lastSeq ??= await this.#o.store.lastSeq());
    // While the live stream is open it tells of every new head: with none newer than what we
    // have (a push's answer brought our own steps' seqs), there is nothing to pull.
    if (this.#pulledOnce && this.#stream && this.#knownHead <= after) return;
    const limit = this.#o.pageSize ?? 500;
    const first = after === 0;
    let received = 0;
    for (;;) {
      const res = await this.#request(`/pull?after=${after}&limit=${limit}`);
      const page = (await res.json()) as PullAnswer;
      if (page.events.length) {
        // Shown first, then stored: if storing fails, the last seq stays put and they are pulled again.
        this.#tracker.receive(page.events);
        await this.#o.store.receive(page.events);
        after = page.events.reduce((m, e) => Math.max(m, e.seq ?? 0), after);
        this.#lastSeq = after;
        received += page.events.length;
      }
      this.#knownHead = Math.max(this.#knownHead, page.head);
      if (page.refused?.length) await this.#refusedOnServer(page.refused);
      if (page.upToDate || !page.events.length) {
        this.#pulledOnce = true;
        return;
      }
      if (first) this.#setStatus({ state: 'loading', received, head: page.head });
    }
  }

  /** Refused steps the server lists for this person: those still in the outbox leave it, and new ones are reported. */
  async #refusedOnServer(list: NonNullable<PullAnswer['refused']>) {
    const known = new Set(this.refused.value.map((r) => r.id));
    const fresh = list.filter((r) => !known.has(r.id));
    if (!fresh.length) return;
    const outbox = new Map((await this.#o.store.outbox()).map((e) => [e.id, e]));
    const steps: RefusedStep[] = fresh.map((r) => {
      const event = outbox.get(r.id);
      return { id: r.id, stream: r.stream, type: r.type, at: r.at, reasons: r.reasons, ...(event ? { event } : {}) };
    });
    await this.#o.store.settle([], steps);
    this.#report(steps);
  }

  /** Listens to the server's live stream; each new head wakes the loop to pull. */
  #openStream() {
    if (this.#stream || this.#closed) return;
    const controller = new AbortController();
    this.#stream = controller;
    const opened = Date.now();
    void (async () => {
      try {
        const res = await this.#request('/stream', { signal: controller.signal, headers: { accept: 'text/event-stream' } });
        if (!res.body) return;
        // A step taken between the last pull and the stream's opening would bring no message: pull once more.
        this.#pulledOnce = false;
        this.#poke();
        await readSse(res.body, (message) => {
          if (message.event === 'head') {
            const head = Number((JSON.parse(message.data) as { head?: unknown }).head);
            this.#knownHead = Math.max(this.#knownHead, head);
            if (head > (this.#lastSeq ?? 0)) this.#poke();
          } else if (message.event === 'plan') {
            const version = Number((JSON.parse(message.data) as { version?: unknown }).version);
            this.#o.onPlanChanged?.(version);
          }
        }, controller.signal);
      } catch (error) {
        if (error instanceof SignInNeeded && !this.#closed) {
          this.#signIn = true;
          this.#wake?.();
        }
      } finally {
        if (this.#stream === controller) this.#stream = undefined;
        if (!this.#closed && !controller.signal.aborted) {
          // The stream ended (the server restarted, a proxy closed it): pull, and open it again,
          // at once if it had lasted, after a back-off if it keeps dropping.
          this.#streamFailures = Date.now() - opened > 5000 ? 0 : this.#streamFailures + 1;
          const wait = this.#streamFailures ? backoffDelay(this.#streamFailures, this.#o.backoff) : 0;
          setTimeout(() => this.#poke(), wait);
        }
      }
    })();
  }
}

/**
 * Connects a tracker to a pledgeflow server: pushes the store's outbox, pulls everything after
 * the last seq it has, listens to the live stream, and hands what arrives to `tracker.receive()`.
 * Backs off with jitter on failure, honours `Retry-After`, waits while offline.
 */
export function connect(tracker: Tracker, options: ConnectOptions): SyncConnection {
  return new Connection(tracker, options);
}
