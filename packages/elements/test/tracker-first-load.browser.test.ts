// <pledge-tracker server plan>'s first load, against a server played by a stubbed fetch: the
// plan's events go into IndexedDB with a progress message in words, and a later load starts
// from IndexedDB and pulls only what is new.
import { expect } from '@esm-bundle/chai';
import { openIdbStore } from '@pledgeflow/store-idb';
import type { PledgeEvent } from '@pledgeflow/core';
import type { PledgeTracker } from '@pledgeflow/elements';
import '@pledgeflow/elements/define.js';
import { $, expectNoAxeViolations, mount } from './helpers.js';
import { eastmereTracker } from './fixtures.js';

const PLAN_ID = 'eastmere-2026-28';
const editor = { userId: 'jo-whitfield', agencyId: 'eastmere-childrens-services', role: 'plan-editor' } as const;

/** A pledgeflow server in the page: the plan, its events with seqs, paged pulls, a quiet live stream. */
class FakeServer {
  readonly url = `https://pledgeflow-${crypto.randomUUID().slice(0, 8)}.test`;
  readonly pulls: number[] = [];
  events: PledgeEvent[] = [];
  /** Held before answering the pull after this seq, until `release()`. */
  holdAfter: number | undefined;
  #release: (() => void) | undefined;
  #held: Promise<void> | undefined;
  readonly #real = window.fetch;

  constructor(readonly planText: string) {}

  add(events: readonly PledgeEvent[]) {
    for (const e of events) this.events.push({ ...e, seq: this.events.length + 1 });
  }

  /** Resolves when a pull is held, waiting for `release()`. */
  held(): Promise<void> {
    return new Promise((resolve) => {
      const check = () => (this.#held ? resolve() : setTimeout(check, 5));
      check();
    });
  }

  release() {
    this.#release?.();
    this.#held = undefined;
  }

  install() {
    window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input));
      if (url.origin !== this.url) return this.#real(input, init);
      const path = url.pathname;
      if (path === `/v1/plans/${PLAN_ID}`) return new Response(this.planText, { headers: { 'content-type': 'application/json' } });
      if (path === `/v1/plans/${PLAN_ID}/pull`) {
        const after = Number(url.searchParams.get('after'));
        const limit = Number(url.searchParams.get('limit') ?? 500);
        this.pulls.push(after);
        if (this.holdAfter !== undefined && after >= this.holdAfter) {
          this.holdAfter = undefined;
          this.#held = new Promise((resolve) => (this.#release = resolve));
          await this.#held;
        }
        const events = this.events.filter((e) => e.seq! > after).slice(0, limit);
        const head = this.events.length;
        return Response.json({ events, head, upToDate: (events.at(-1)?.seq ?? after) >= head, refused: [] });
      }
      if (path === `/v1/plans/${PLAN_ID}/stream`) {
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            init?.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
          },
        });
        return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
      }
      return Response.json({ detail: `no route ${path}` }, { status: 404 });
    }) as typeof fetch;
  }

  uninstall() {
    window.fetch = this.#real;
  }
}

/** The example log and `extra` progress notes by the plan editor: a plan with a long history. */
async function longHistory(extra: number): Promise<{ planText: string; events: PledgeEvent[]; more: (n: number) => PledgeEvent[] }> {
  const tracker = await eastmereTracker();
  const planText = await (await fetch('/examples/plans/eastmere.plan.json')).text();
  const open = tracker.actions().filter((a) => a.state === 'inProgress').map((a) => a.id);
  const more = (n: number) =>
    Array.from({ length: n }, (_, i) => {
      const r = tracker.step(editor, { stream: open[i % open.length]!, type: 'action.progress', data: { note: `Monthly update ${i + 1}.` } } as never);
      if (!r.ok) throw new Error(r.reasons.join(' '));
      return r.event;
    });
  const before = tracker.events();
  return { planText, events: [...before, ...more(extra)], more };
}

const open = (server: FakeServer) =>
  mount<PledgeTracker>('<pledge-tracker routing="off"></pledge-tracker>', (e) => {
    Object.assign(e, { actor: editor, tokenProvider: async () => 'a-token', server: server.url, plan: PLAN_ID });
  });

describe('<pledge-tracker server plan>: the first load', () => {
  let server: FakeServer;
  afterEach(() => {
    document.body.replaceChildren();
    server?.uninstall();
  });

  it('pulls a large plan into IndexedDB, saying how far it has got in a polite status, then shows it', async () => {
    const { planText, events } = await longHistory(2500);
    server = new FakeServer(planText);
    server.add(events);
    server.holdAfter = 1000;
    server.install();
    const el = await open(server);
    await server.held();
    // The second page is held; once the first is stored, the words say how far it has got.
    const total = server.events.length.toLocaleString('en-GB');
    const message = $(el, '[part="loading"]');
    for (let i = 0; i < 200 && message.textContent === 'Loading the plan…'; i++) await new Promise((r) => setTimeout(r, 10));
    expect(message.getAttribute('role')).to.equal('status');
    expect(message.textContent).to.equal(`Loading the plan: 1,000 of ${total} changes`);
    await expectNoAxeViolations(el);
    server.release();
    await el.loaded;
    await el.updateComplete;
    expect($(el, '[part="loading"]')).to.equal(null);
    expect(el.tracker!.events().length).to.equal(server.events.length);
    // Pages of 1,000 from the start, each asked for after the last seq of the one before; then
    // the sync pulls after the head, not the whole plan again.
    expect(server.pulls.slice(0, 3)).to.deep.equal([0, 1000, 2000]);
    expect(server.pulls.slice(3)).to.satisfy((rest: number[]) => rest.every((after) => after === server.events.length));
    const status = $(el, 'pledge-sync-status');
    await new Promise((r) => setTimeout(r, 50));
    expect(status.shadowRoot!.textContent).to.contain('Saved');
  });

  it('opens later from IndexedDB and pulls only what is new', async () => {
    const { planText, events, more } = await longHistory(1200);
    server = new FakeServer(planText);
    server.add(events);
    server.install();
    const first = await open(server);
    await first.loaded;
    const head = server.events.length;
    document.body.replaceChildren();
    await new Promise((r) => setTimeout(r, 50));

    // The first load left every item's snapshot, so the next opens without folding every event.
    const store = await openIdbStore({ planId: PLAN_ID, name: `pledgeflow-${PLAN_ID}@${new URL(server.url).host}:${editor.userId}`, BroadcastChannel: null });
    const stored = await store.load();
    expect(await store.lastSeq()).to.equal(head);
    store.close();
    expect(stored.snapshots.length).to.be.above(0);
    expect(stored.events.length, 'events not covered by a snapshot').to.equal(0);

    const news = more(3);
    server.add(news);
    server.pulls.length = 0;
    const again = await open(server);
    await again.loaded;
    await again.updateComplete;
    // It shows the plan from IndexedDB at once: no progress message, no pull from the start.
    expect($(again, '[part="loading"]')).to.equal(null);
    for (let i = 0; i < 100 && again.tracker!.events().length < server.events.length; i++) await new Promise((r) => setTimeout(r, 20));
    expect(again.tracker!.events().length).to.equal(server.events.length);
    expect(server.pulls[0]).to.equal(head);
    expect(server.pulls).not.to.include(0);
    await expectNoAxeViolations(again);
  });
});
