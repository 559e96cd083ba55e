// A token provider that cannot be reached (the browser went offline as the sync asked for a
// token) is a network problem, retried later: the person is not told to sign in again.
import { createTracker, loadPlan } from '@pledgeflow/core';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { connect, MemorySyncStore } from '../src/index.js';
import { HttpProblem, NetworkProblem, PlanRequests, SignInNeeded } from '../src/request.js';
import { until } from './support/wait.js';

const answer = (status: number, body: unknown = {}) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('asking the host for a token', () => {
  it('treats a getToken() that throws as a network problem, and no token as a sign-in', async () => {
    const fetchOk: typeof fetch = async () => answer(200);
    const unreachable = new PlanRequests('http://127.0.0.1:1', 'p', () => Promise.reject(new TypeError('Failed to fetch')), fetchOk);
    await expect(unreachable.request('/pull')).rejects.toBeInstanceOf(NetworkProblem);
    const none = new PlanRequests('http://127.0.0.1:1', 'p', () => undefined, fetchOk);
    await expect(none.request('/pull')).rejects.toBeInstanceOf(SignInNeeded);
    const refused = new PlanRequests('http://127.0.0.1:1', 'p', () => 'a.b.c', async () => answer(401, { detail: 'The token has expired.' }));
    await expect(refused.request('/pull')).rejects.toBeInstanceOf(SignInNeeded);
    const failing = new PlanRequests('http://127.0.0.1:1', 'p', () => 'a.b.c', async () => answer(500, { detail: 'broken' }));
    await expect(failing.request('/pull')).rejects.toBeInstanceOf(HttpProblem);
  });

  it('says "Offline", not "Sign in again", when the token cannot be fetched, and carries on once it can', async () => {
    const plan = loadPlan(readFileSync(new URL('../../../examples/plans/eastmere.plan.json', import.meta.url), 'utf8'));
    const store = new MemorySyncStore();
    const tracker = createTracker({ plan, store });
    let reachable = false;
    const sync = connect(tracker, {
      url: 'http://127.0.0.1:1', planId: plan.id, store, live: false, backoff: { base: 10, max: 20 },
      getToken: async () => {
        if (!reachable) throw new TypeError('Failed to fetch');
        return 'a.b.c';
      },
      fetch: async () => answer(200, { events: [], head: 0, upToDate: true, refused: [] }),
      online: { isOnline: () => true, subscribe: () => () => {} },
    });
    try {
      await until(sync.status, (s) => s.state === 'offline');
      reachable = true;
      await until(sync.status, (s) => s.state === 'saved' || s.state === 'sign-in');
      expect(sync.status.value.state).toBe('saved');
    } finally {
      sync.close();
    }
  });
});
