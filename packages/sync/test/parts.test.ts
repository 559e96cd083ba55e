import { describe, expect, it } from 'vitest';
import { backoffDelay, readSse, retryAfterMs, syncStatusText, type SseMessage } from '../src/index.js';

describe('back-off', () => {
  it('waits a random time under a cap that doubles up to the maximum', () => {
    expect(backoffDelay(1, { base: 1000, max: 30_000, random: () => 0.5 })).toBe(500);
    expect(backoffDelay(4, { base: 1000, max: 30_000, random: () => 0.5 })).toBe(4000);
    expect(backoffDelay(20, { base: 1000, max: 30_000, random: () => 0.999 })).toBeLessThanOrEqual(30_000);
  });

  it('never comes back sooner than the server\'s Retry-After', () => {
    expect(backoffDelay(1, { random: () => 0 }, retryAfterMs('7'))).toBe(7000);
    expect(retryAfterMs(new Date(Date.UTC(2026, 0, 1, 0, 0, 10)).toUTCString(), Date.UTC(2026, 0, 1))).toBe(10_000);
    expect(retryAfterMs(null)).toBe(0);
  });
});

describe('Server-Sent Events', () => {
  it('reads messages split anywhere across chunks, and skips heartbeats', async () => {
    const text = 'event: head\nid: 4\ndata: {"head":4}\n\n: heartbeat\n\nevent: plan\ndata: {"version":2}\n\n';
    const chunks = [text.slice(0, 7), text.slice(7, 30), text.slice(30)];
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (const chunk of chunks) c.enqueue(new TextEncoder().encode(chunk));
        c.close();
      },
    });
    const got: SseMessage[] = [];
    await readSse(body, (m) => got.push(m));
    expect(got).toEqual([{ event: 'head', id: '4', data: '{"head":4}' }, { event: 'plan', data: '{"version":2}' }]);
  });
});

describe('the status in words', () => {
  it('says each state as the person needs to hear it', () => {
    expect(syncStatusText({ state: 'saved' })).toBe('Saved');
    expect(syncStatusText({ state: 'sending', count: 3 })).toBe('Sending 3 changes');
    expect(syncStatusText({ state: 'sending', count: 1 })).toBe('Sending 1 change');
    expect(syncStatusText({ state: 'offline', count: 2 })).toBe('Offline: your changes are kept on this computer and will be sent when you are back online');
    expect(syncStatusText({ state: 'error', reason: 'the plan has gone', count: 0 })).toBe('Could not send: the plan has gone');
    expect(syncStatusText({ state: 'sign-in', count: 0 })).toBe('Sign in again');
  });
});
