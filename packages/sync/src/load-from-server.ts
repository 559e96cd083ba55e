import type { PledgeEvent } from '@pledgeflow/core';
import { PlanRequests } from './request.js';
import type { SyncStore } from './sync-store.js';

export interface LoadFromServerOptions {
  /** The server's address (no trailing `/v1`). */
  url: string;
  planId: string;
  /** The signed-in person's bearer token; asked again once on a 401. */
  getToken: () => Promise<string | undefined | null> | string | undefined | null;
  /** Where the events go: pulled after its last seq, stored page by page. */
  store: Pick<SyncStore, 'lastSeq' | 'receive'>;
  /** Events per page (1,000, the most the server gives, by default). */
  pageSize?: number;
  fetch?: typeof fetch;
  signal?: AbortSignal;
  /** After each stored page: the highest seq stored so far, and the plan's head (its highest seq). */
  onProgress?: (progress: { received: number; head: number }) => void;
}

interface PullPage {
  events: PledgeEvent[];
  head: number;
  upToDate: boolean;
}

/**
 * Pulls every event after the store's last seq into the store, page by page, without handing
 * them to a tracker: for a first load, so that the tracker is made once from everything
 * (folding each item once) rather than folded again for every page. The next page is on its
 * way while the last one is written. Seqs are given without gaps, so `received` of `head`
 * is how far it has got. Throws as `connect()`'s requests do (a 401 twice: sign in again).
 */
export async function loadFromServer(options: LoadFromServerOptions): Promise<{ received: number; head: number }> {
  const requests = new PlanRequests(options.url, options.planId, options.getToken, options.fetch ?? globalThis.fetch.bind(globalThis));
  const limit = options.pageSize ?? 1000;
  const page = async (after: number) => {
    const res = await requests.request(`/pull?after=${after}&limit=${limit}`, options.signal ? { signal: options.signal } : {});
    return (await res.json()) as PullPage;
  };
  let after = await options.store.lastSeq();
  let head = after;
  // A page asked for ahead is never left unhandled if writing the one before fails (it is awaited next).
  const ahead = (after: number) => {
    const p = page(after);
    p.catch(() => {});
    return p;
  };
  let next = ahead(after);
  for (;;) {
    const current = await next;
    head = Math.max(head, current.head);
    const last = current.events.reduce((m, e) => Math.max(m, e.seq ?? 0), after);
    const more = !current.upToDate && current.events.length > 0;
    // Ask for the next page before writing this one: the network and the disk work at once.
    if (more) next = ahead(last);
    await options.store.receive(current.events);
    after = last;
    options.onProgress?.({ received: after, head });
    if (!more) return { received: after, head };
  }
}
