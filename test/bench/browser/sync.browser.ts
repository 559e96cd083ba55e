// The Chromium half of the sync benchmarks (first-sync-100k, live-step), bundled and driven by
// ../sync/sync-bench.ts. Each function runs one measure in this page; only numbers go back.
import '@pledgeflow/elements/define.js';
import { parsePlanFile, type Actor } from '@pledgeflow/core';
import type { PledgeTracker } from '@pledgeflow/elements';
import { openIdbTracker } from '@pledgeflow/store-idb';

interface Where { server: string; planId: string; token: string }

/** A time both pages of the browser agree on, in ms. */
const now = () => performance.timeOrigin + performance.now();
const databaseName = (w: Where, actor: Actor) => `pledgeflow-${w.planId}@${new URL(w.server).host}:${actor.userId}`;

let tracker: PledgeTracker | undefined;

/** When each push and pull started and ended (on the shared clock), to say where a live step's time goes. */
const requests: { path: string; start: number; end: number }[] = [];
const plainFetch = window.fetch.bind(window);
window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const path = new URL(String(input instanceof Request ? input.url : input), location.href).pathname;
  if (!/\/(push|pull)$/.test(path)) return plainFetch(input, init);
  const entry = { path: path.endsWith('/push') ? 'push' : 'pull', start: now(), end: 0 };
  const res = await plainFetch(input, init);
  const body = await res.arrayBuffer();
  entry.end = now();
  requests.push(entry);
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
};
/** The pushes and pulls that started after `since`. */
const requestsSince = (since: number) => requests.filter((r) => r.start >= since);

/** `<pledge-tracker server plan>` from an empty IndexedDB (a new browser context) until its tracker is ready. */
async function firstSync(w: Where, actor: Actor, actionId?: string): Promise<{ ms: number; actions: number }> {
  const el = document.createElement('pledge-tracker') as PledgeTracker;
  el.setAttribute('routing', 'off');
  if (actionId) el.setAttribute('action-id', actionId);
  el.actor = actor;
  el.tokenProvider = async () => w.token;
  const t0 = performance.now();
  el.server = w.server;
  el.plan = w.planId;
  document.body.append(el);
  await el.updateComplete;
  await el.loaded;
  await el.updateComplete;
  const ms = performance.now() - t0;
  const error = el.shadowRoot?.querySelector('[part="problems"]')?.textContent;
  if (!el.tracker || error) throw new Error(`the tracker did not open: ${error ?? 'no tracker'}`);
  tracker = el;
  return { ms, actions: el.tracker.actions().length };
}

/** Resolves once the tracker's sync says everything is sent and pulled. */
async function whenSaved(): Promise<void> {
  const status = tracker!.syncStatus;
  if (status.value.state === 'saved') return;
  await new Promise<void>((resolve) => {
    const stop = status.subscribe((s) => {
      if (s.state === 'saved') {
        stop();
        resolve();
      }
    });
  });
}

/** openIdbTracker on what the first sync left in IndexedDB: the same data, opened again. */
async function idbOpen(w: Where, actor: Actor): Promise<number> {
  const text = localStorage.getItem(`pledgeflow-plan:${w.server}:${w.planId}`);
  const file = text ? parsePlanFile(text) : undefined;
  if (!file?.ok) throw new Error('no plan kept by the first sync');
  const t0 = performance.now();
  const opened = await openIdbTracker({ plan: file.plan, name: databaseName(w, actor), BroadcastChannel: null });
  const ms = performance.now() - t0;
  if (opened.durable) opened.store.close();
  if (!opened.durable || opened.notices.length || opened.tracker.rebuilt.length) throw new Error(`openIdbTracker did not open cleanly: ${opened.notices.join(' ')}`);
  return ms;
}

/** Plain fetch of every pull page (1,000 events each), read as text: the bytes the first sync moves. */
async function rawTransfer(w: Where, total: number): Promise<{ ms: number; bytes: number }> {
  let bytes = 0;
  const t0 = performance.now();
  for (let after = 0; after < total; after += 1000) {
    const res = await fetch(`${w.server}/v1/plans/${w.planId}/pull?after=${after}&limit=1000`, { headers: { authorization: `Bearer ${w.token}` } });
    bytes += (await res.text()).length;
  }
  return { ms: performance.now() - t0, bytes };
}

/** One plain authenticated round trip: a pull with nothing new. */
async function roundTrip(w: Where, after: number, path = `/v1/plans/${w.planId}/pull?after=${after}&limit=1`): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`${w.server}${path}`, { headers: { authorization: `Bearer ${w.token}` } });
  await res.text();
  return performance.now() - t0;
}

const seen = new Map<string, number>();
/** Notes when `marker` is drawn in the open action (its latest progress note). */
function watch(marker: string): void {
  const action = tracker!.shadowRoot!.querySelector('pledge-action')!;
  const root = action.shadowRoot!;
  const check = () => {
    if (!seen.has(marker) && root.textContent!.includes(marker)) {
      seen.set(marker, now());
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(root, { subtree: true, childList: true, characterData: true });
}
async function drawnAt(marker: string): Promise<number> {
  for (let i = 0; i < 3000 && !seen.has(marker); i++) await new Promise((r) => setTimeout(r, 5));
  const at = seen.get(marker);
  if (at === undefined) throw new Error(`"${marker}" was not drawn within 15 s`);
  return at;
}

/** A progress note on the open action, taken as the person would; returns when it was taken. */
function step(actor: Actor, actionId: string, marker: string): number {
  const t = now();
  const result = tracker!.tracker!.step(actor, { stream: actionId, type: 'action.progress', data: { note: marker } } as never);
  if (!result.ok) throw new Error(`refused: ${result.reasons.join(' ')}`);
  return t;
}

const sync = { requestsSince, firstSync, whenSaved, idbOpen, rawTransfer, roundTrip, watch, drawnAt, step, head: () => tracker!.tracker!.events().reduce((m, e) => Math.max(m, e.seq ?? 0), 0) };
(window as unknown as { __sync: typeof sync }).__sync = sync;
