// What happens to a step on its way to the store: listeners that throw, the outbox and its
// retries, and a tracker closed because it can no longer save.
import { describe, expect, it } from 'vitest';
import { createTracker, MemoryStore, openTracker } from '@pledgeflow/core';
import { as, ev, ok, testPlan } from '../fixtures.js';

describe('listeners', () => {
  it('saves the step even when a listener throws, and still calls the other listeners', async () => {
    const store = new MemoryStore();
    const t = await openTracker({ plan: testPlan(), store });
    const heard: string[] = [];
    t.subscribe(() => {
      throw new Error('listener bug');
    });
    t.subscribe((c) => heard.push(...c.streams));
    const errors: unknown[] = [];
    const onError = (e: unknown) => errors.push(e);
    process.on('uncaughtException', onError);
    const r = ok(t.send(ev(as('lead'), 'a1', 'action.agree')));
    await r.saved;
    await new Promise((resolve) => setTimeout(resolve, 0));
    process.off('uncaughtException', onError);
    expect(heard).toEqual(['a1']);
    expect(store.events()).toHaveLength(1);
    expect(errors).toHaveLength(1);
  });
});

describe('close', () => {
  it('refuses every step with the reason given, and goes on showing the plan', () => {
    const t = createTracker({ plan: testPlan() });
    ok(t.send(ev(as('lead'), 'a1', 'action.agree')));
    t.close('This page can no longer save: reload it.');
    const r = t.send(ev(as('owner'), 'a1', 'action.start'));
    expect(r).toEqual({ ok: false, reasons: ['This page can no longer save: reload it.'] });
    expect(t.can(as('owner'), { stream: 'a1', type: 'action.start' }).ok).toBe(false);
    expect(t.nextSteps(as('owner'), 'a1')).toEqual([]);
    expect(t.getAction('a1')!.state).toBe('agreed');
    expect(t.closedReason).toBe('This page can no longer save: reload it.');
  });
});

describe('flush', () => {
  it('settles every waiter: two flushes in a row, and a send made while a write is under way', async () => {
    const inner = new MemoryStore();
    let full = true;
    let release: () => void = () => {};
    const store = {
      load: () => inner.load(),
      append: async (...args: Parameters<MemoryStore['append']>) => {
        if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        await new Promise<void>((resolve) => (release = resolve));
        return inner.append(...args);
      },
    };
    const t = await openTracker({ plan: testPlan(), store });
    const first = ok(t.send(ev(as('lead'), 'a1', 'action.agree')));
    await expect(first.saved).rejects.toThrow('quota');
    full = false;
    const a = t.flush();
    const b = t.flush();
    const during = ok(t.send(ev(as('owner'), 'a1', 'action.start')));
    const c = t.flush();
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      release();
    }
    await expect(Promise.all([a, b, during.saved, c])).resolves.toBeDefined();
    expect(inner.events().map((e) => e.type)).toEqual(['action.agree', 'action.start']);
  });
});
