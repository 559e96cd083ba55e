import { createTracker, type Actor, type EventInput, type Plan, type PledgeEvent, type Tracker } from '@pledgeflow/core';
import type { PushResult } from '../../src/index.js';
import type { RefusedEvent } from '../../src/sync/pull.js';

/** How the client reaches the server: plain fetch, or a faulty transport in the fault run. */
export type Transport = (path: string, init: { method: string; body?: string }) => Promise<{ status: number; body: unknown }>;

export function fetchTransport(url: string, token: string): Transport {
  return async (path, init) => {
    const res = await fetch(`${url}${path}`, {
      method: init.method,
      headers: { authorization: `Bearer ${token}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
      ...(init.body ? { body: init.body } : {}),
    });
    return { status: res.status, body: await res.json() };
  };
}

/**
 * A small sync client as a browser would be: a local tracker, an outbox of steps not yet
 * answered, push in batches, pull everything after its last seq.
 */
export class SyncClient {
  readonly tracker: Tracker;
  readonly outbox = new Map<string, PledgeEvent>();
  readonly verdicts = new Map<string, PushResult>();
  readonly pulledSeqs: number[] = [];
  refused: RefusedEvent[] = [];
  last = 0;

  constructor(
    readonly plan: Plan,
    readonly actor: Actor,
    readonly clientId: string,
    public transport: Transport,
  ) {
    this.tracker = createTracker({ plan });
  }

  /** Takes a step locally; it waits in the outbox for the next push. */
  step(input: Omit<EventInput, 'actor'> & { actor?: Actor }): PledgeEvent | undefined {
    const result = this.tracker.send({ ...input, actor: input.actor ?? this.actor } as EventInput);
    if (!result.ok) return undefined;
    this.outbox.set(result.event.id, result.event);
    return result.event;
  }

  /** Queues an event as given (even one the local tracker would not take). */
  queue(event: PledgeEvent): void {
    this.outbox.set(event.id, event);
  }

  /** Pushes the outbox (up to `batch` events); answered events leave it. Throws on a lost request or response. */
  async push(batch = 100): Promise<PushResult[]> {
    const events = [...this.outbox.values()].slice(0, batch);
    if (!events.length) return [];
    const res = await this.transport(`/v1/plans/${this.plan.id}/push`, { method: 'POST', body: JSON.stringify({ clientId: this.clientId, events }) });
    if (res.status !== 200) throw new Error(`push answered ${res.status}: ${JSON.stringify(res.body)}`);
    const { results } = res.body as { results: PushResult[] };
    for (const r of results) {
      this.verdicts.set(r.id, r);
      this.outbox.delete(r.id);
    }
    return results;
  }

  /** Pulls every page after the last seq, checking that no seq is skipped. */
  async pull(limit = 200): Promise<void> {
    for (;;) {
      const res = await this.transport(`/v1/plans/${this.plan.id}/pull?after=${this.last}&limit=${limit}`, { method: 'GET' });
      if (res.status !== 200) throw new Error(`pull answered ${res.status}: ${JSON.stringify(res.body)}`);
      const page = res.body as { events: PledgeEvent[]; head: number; upToDate: boolean; refused: RefusedEvent[] };
      for (const e of page.events) {
        if (e.seq !== this.last + 1) throw new Error(`pull skipped a seq: had ${this.last}, got ${e.seq}`);
        this.last = e.seq;
        this.pulledSeqs.push(e.seq);
      }
      this.tracker.receive(page.events);
      this.refused = page.refused;
      if (page.upToDate) return;
    }
  }
}
