// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { useState } from 'react';
import { createTracker } from '@pledgeflow/core';
import { TrackerProvider, useAction, usePromise } from '../src/index.js';
import { as, ev, fixedClock, h, provider, testPlan, TODAY, trackerWithHistory } from './helpers.js';

afterEach(cleanup);

describe('send from useAction', () => {
  it('fills in the event id, the item, the signed-in person and the time, and returns the result', () => {
    const tracker = trackerWithHistory();
    const { result } = renderHook(() => useAction('a1'), { wrapper: provider(tracker, as('lead'), fixedClock()) });
    let outcome!: ReturnType<NonNullable<typeof result.current>['send']>;
    act(() => {
      outcome = result.current!.send('action.flag-risk', { reason: 'Two training days were cancelled' });
    });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.event).toMatchObject({
      id: 'test-event-001',
      stream: 'a1',
      type: 'action.flag-risk',
      data: { reason: 'Two training days were cancelled' },
      actor: as('lead'),
      at: '2026-12-01T10:01:00.000Z',
    });
    expect(result.current!.view.state).toBe('atRisk');
    expect(result.current!.brag.status).toBe('red'); // overdue comes before at risk
    expect(result.current!.history.at(-1)!.summary).toMatch(/^Lee Lead \(Virtual School\) flagged a risk/);
  });

  it('returns every reason a step is refused, and changes nothing', () => {
    const tracker = trackerWithHistory();
    const before = tracker.getAction('a1');
    const { result } = renderHook(() => useAction('a1'), { wrapper: provider(tracker, as('lead'), fixedClock()) });
    let outcome!: ReturnType<NonNullable<typeof result.current>['send']>;
    act(() => {
      outcome = result.current!.send('action.complete');
    });
    expect(outcome).toEqual({ ok: false, reasons: [expect.stringMatching(/at least one piece of evidence has been accepted/)] });
    expect(result.current!.view).toBe(before);
  });

  it('refuses a step the signed-in person’s role may not take, saying why', () => {
    const tracker = trackerWithHistory();
    const { result } = renderHook(() => useAction('a1'), { wrapper: provider(tracker, as('panel'), fixedClock()) });
    const outcome = result.current!.send('action.progress', { note: 'Looks good' });
    expect(outcome).toEqual({ ok: false, reasons: ['Scrutiny members can see everything but change nothing, apart from signing off or reopening recommendations.'] });
  });

  it('refuses data the step does not accept, naming the field', () => {
    const tracker = trackerWithHistory();
    const { result } = renderHook(() => useAction('a1'), { wrapper: provider(tracker, as('lead'), fixedClock()) });
    const outcome = result.current!.send('action.flag-risk', { reason: '' });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.reasons.join(' ')).toMatch(/data\.reason/);
  });

  it('checks a step with can() without sending it', () => {
    const tracker = trackerWithHistory();
    const { result } = renderHook(() => useAction('a1'), { wrapper: provider(tracker, as('lead'), fixedClock()) });
    expect(result.current!.can('action.flag-risk', { reason: 'Cancelled training' })).toEqual({ ok: true, warnings: [] });
    expect(result.current!.can('action.verify').ok).toBe(false);
    expect(tracker.getAction('a1')!.state).toBe('inProgress');
  });

  it('uses the id factory and clock the provider has now, even when they are new functions on each render', () => {
    const tracker = trackerWithHistory();
    let setPrefix!: (prefix: string) => void;
    function Host() {
      const action = useAction('a1')!;
      return h('button', { type: 'button', onClick: () => action.send('action.progress', { note: 'Half the teachers trained' }) }, 'Record progress');
    }
    function App() {
      const [prefix, set] = useState('first');
      setPrefix = set;
      return h(
        TrackerProvider,
        { tracker, actor: as('lead'), today: TODAY, newEventId: () => `${prefix}-id-000001`, now: () => new Date('2026-12-01T12:00:00Z') },
        h(Host),
      );
    }
    render(h(App));
    act(() => setPrefix('second'));
    fireEvent.click(screen.getByRole('button', { name: 'Record progress' }));
    expect(tracker.history('a1').at(-1)).toMatchObject({ eventId: 'second-id-000001', at: '2026-12-01T12:00:00.000Z' });
  });
});

describe('send without the provider’s clock', () => {
  it('dates the step by the tracker’s clock and gives it the tracker’s id', () => {
    const at = Date.parse('2026-12-02T09:30:00Z');
    const tracker = createTracker({ plan: testPlan(), now: () => at, newEventId: (ms) => `tracker-${ms}` });
    tracker.send(ev(as('lead'), 'a1', 'action.agree', {}, '2026-11-02T09:00:00Z'));
    const { result } = renderHook(() => useAction('a1'), { wrapper: provider(tracker, as('lead')) });
    expect(result.current!.can('action.start')).toEqual({ ok: true, warnings: [] });
    let outcome!: ReturnType<NonNullable<typeof result.current>['send']>;
    act(() => {
      outcome = result.current!.send('action.start');
    });
    expect(outcome.ok && outcome.event).toMatchObject({ id: `tracker-${at}`, at: '2026-12-02T09:30:00.000Z', actor: as('lead') });
  });
});

describe('send from usePromise', () => {
  it('records a promise step by the signed-in person', () => {
    const tracker = trackerWithHistory();
    const { result } = renderHook(() => usePromise('p1'), { wrapper: provider(tracker, as('board'), fixedClock()) });
    act(() => {
      const outcome = result.current!.send('promise.adopt');
      expect(outcome.ok).toBe(true);
    });
    expect(result.current!.view.state).toBe('adopted');
    expect(result.current!.history).toHaveLength(1);
  });
});
