// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, renderHook } from '@testing-library/react';
import { createElement as h, type ReactNode } from 'react';
import { createTracker, STATE_LABELS } from '@pledgeflow/core';
import { TrackerProvider, useAction, useActor, usePromise, useToday, useTracker } from '../src/index.js';
import { as, provider, TODAY, trackerWithHistory } from './helpers.js';
import { testPlan } from '../../core/test/fixtures.js';

afterEach(cleanup);

describe('the provider hooks', () => {
  it('give the tracker, the signed-in person and the day', () => {
    const tracker = trackerWithHistory();
    const { result } = renderHook(() => ({ tracker: useTracker(), actor: useActor(), today: useToday() }), {
      wrapper: provider(tracker, as('lead')),
    });
    expect(result.current.tracker).toBe(tracker);
    expect(result.current.actor).toEqual(as('lead'));
    expect(result.current.today).toBe(TODAY);
  });

  it('say how to fix a hook used outside a provider', () => {
    expect(() => renderHook(() => useAction('a1'))).toThrow(/useAction\(\) was called outside a <TrackerProvider>/);
  });

  it('refuse a day that is not written YYYY-MM-DD', () => {
    const tracker = trackerWithHistory();
    expect(() => renderHook(() => useToday(), { wrapper: provider(tracker, as('lead'), { today: '1/12/2026' }) })).toThrow(/expected a date written YYYY-MM-DD/);
  });

  it('refuse a signed-in person whose role the tracker does not know', () => {
    const tracker = trackerWithHistory();
    const actor = { ...as('lead'), role: 'administrator' } as never;
    expect(() => renderHook(() => useActor(), { wrapper: provider(tracker, actor) })).toThrow(/actor\.role/);
  });
});

describe('useAction', () => {
  it('shows the action as it stands, its BRAG status for the provider day, its evidence and its history', () => {
    const tracker = trackerWithHistory();
    const { result } = renderHook(() => useAction('a1'), { wrapper: provider(tracker, as('lead')) });
    const action = result.current!;
    expect(action.view).toBe(tracker.getAction('a1'));
    expect(action.view.state).toBe('inProgress');
    expect(action.stateLabel).toBe(STATE_LABELS.inProgress);
    expect(action.brag).toMatchObject({ status: 'red', label: 'Overdue' });
    expect(action.brag.why).toMatch(/^due 2026-11-20/);
    expect(action.evidence).toEqual([expect.objectContaining({ id: 'e1', status: 'submitted' })]);
    expect(action.history.map((entry) => entry.summary)).toEqual([
      'Lee Lead (Virtual School) agreed the action',
      'Lee Lead (Virtual School) started work',
      'Owen Owner (Virtual School) added evidence "Training ran for 30 designated teachers"',
    ]);
  });

  it('lists the next steps for the signed-in person, with the reason for each one they cannot take', () => {
    const tracker = trackerWithHistory();
    const { result } = renderHook(() => useAction('a1'), { wrapper: provider(tracker, as('lead')) });
    const steps = new Map(result.current!.nextSteps.map((step) => [step.type, step]));
    expect(steps.get('action.flag-risk')).toMatchObject({ allowed: true, needs: ['reason'] });
    expect(steps.get('action.complete')).toMatchObject({ allowed: false });
    expect(steps.get('action.complete')!.reasons[0]).toMatch(/at least one piece of evidence has been accepted/);
    // Verifying is not a step from "in progress" at all, so it is not offered, even as refused.
    expect(steps.get('action.verify')).toBeUndefined();
    expect(steps.get('action.withdraw')).toMatchObject({ allowed: false, reasons: ['A working-group lead cannot withdraw actions.'] });
  });

  it('gives a scrutiny member every step as refused, with the reason', () => {
    const tracker = trackerWithHistory();
    const { result } = renderHook(() => useAction('a1'), { wrapper: provider(tracker, as('panel')) });
    expect(result.current!.nextSteps.length).toBeGreaterThan(0);
    for (const step of result.current!.nextSteps) {
      expect(step).toMatchObject({ allowed: false, reasons: ['Scrutiny members can see everything but change nothing, apart from signing off or reopening recommendations.'] });
    }
  });

  it('works the BRAG status out for the day the provider is given', () => {
    const tracker = trackerWithHistory();
    const { result } = renderHook(() => useAction('a1')!.brag.status, { wrapper: provider(tracker, as('lead'), { today: '2026-11-01' }) });
    expect(result.current).toBe('amber'); // not yet due, but its review (2026-10-01) is overdue
  });

  it('is undefined for an id that is not an action in the plan', () => {
    const tracker = trackerWithHistory();
    const { result } = renderHook(() => [useAction('no-such-action'), useAction('p1')], { wrapper: provider(tracker, as('lead')) });
    expect(result.current).toEqual([undefined, undefined]);
  });
});

describe('usePromise', () => {
  it('shows the promise as it stands with the signed-in person’s next steps', () => {
    const tracker = trackerWithHistory();
    const { result } = renderHook(() => usePromise('p1'), { wrapper: provider(tracker, as('board')) });
    const promise = result.current!;
    expect(promise.view).toBe(tracker.getPromise('p1'));
    expect(promise.stateLabel).toBe('Drafted');
    expect(promise.history).toEqual([]);
    expect(promise.nextSteps.find((step) => step.type === 'promise.adopt')).toMatchObject({ allowed: true });
  });

  it('is undefined for an action id', () => {
    const tracker = trackerWithHistory();
    const { result } = renderHook(() => usePromise('a1'), { wrapper: provider(tracker, as('board')) });
    expect(result.current).toBeUndefined();
  });
});

describe('the default day', () => {
  it('moves on at UK midnight without a remount', async () => {
    const { vi } = await import('vitest');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      vi.setSystemTime(new Date('2026-11-20T23:59:00Z')); // 23:59 in the UK (GMT)
      const tracker = createTracker({ plan: testPlan() });
      const { result } = renderHook(() => useToday(), {
        wrapper: ({ children }: { children?: ReactNode }) => h(TrackerProvider, { tracker, actor: as('lead') }, children),
      });
      expect(result.current).toBe('2026-11-20');
      await act(async () => {
        vi.setSystemTime(new Date('2026-11-21T00:00:30Z'));
        vi.advanceTimersByTime(60_000);
      });
      expect(result.current).toBe('2026-11-21');
    } finally {
      vi.useRealTimers();
    }
  });
});
