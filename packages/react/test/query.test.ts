// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, renderHook, screen } from '@testing-library/react';
import { overdueActions, scrutinyReport, type PlanState, type Tracker } from '@pledgeflow/core';
import { useSelector } from '@xstate/react';
import { itemSource, planSource, structuralEqual, TrackerProvider, useQuery } from '../src/index.js';
import { as, ev, h, provider, TODAY, trackerWithHistory } from './helpers.js';

afterEach(cleanup);

/** A component that shows a query's result and counts its renders. */
function counted<T>(query: (state: PlanState, today: string) => T, show: (result: T) => string, compare?: (a: T, b: T) => boolean) {
  const seen = { renders: 0, results: [] as T[] };
  function Query() {
    seen.renders++;
    const result = useQuery(query, compare ? { compare } : {});
    seen.results.push(result);
    return h('p', { 'data-testid': 'query' }, show(result));
  }
  return { seen, Query };
}

const overdueIds = (state: PlanState, today: string) => overdueActions(state, today).map((o) => o.action.id);

function mount(tracker: Tracker, Query: () => ReturnType<typeof h>) {
  return render(h(TrackerProvider, { tracker, actor: as('lead'), today: TODAY }, h(Query)));
}

describe('useQuery', () => {
  it('runs a query over the plan as it stands on the provider day', () => {
    const tracker = trackerWithHistory();
    const { result } = renderHook(() => useQuery((state, today) => scrutinyReport(state, today).counts), { wrapper: provider(tracker, as('lead')) });
    expect(result.current).toEqual(scrutinyReport(tracker.state(), TODAY).counts);
    expect(result.current.overdue).toBe(1);
  });

  it('re-renders when the result changes', () => {
    const tracker = trackerWithHistory();
    const { seen, Query } = counted(overdueIds, (ids) => ids.join(', ') || 'none');
    mount(tracker, Query);
    expect(screen.getByTestId('query').textContent).toBe('a1');
    expect(seen.renders).toBe(1);
    // Completing needs accepted evidence: accept it, then complete; a1 is then no longer overdue.
    act(() => void tracker.send(ev(as('lead'), 'a1', 'action.evidence.accept', { evidenceId: 'e1' })));
    act(() => void tracker.send(ev(as('lead'), 'a1', 'action.complete')));
    expect(screen.getByTestId('query').textContent).toBe('none');
    expect(seen.renders).toBe(2); // accepting the evidence left the list as it was
  });

  it('does not re-render when a change leaves the result the same', () => {
    const tracker = trackerWithHistory();
    const { seen, Query } = counted(overdueIds, (ids) => ids.join(', '));
    mount(tracker, Query);
    expect(seen.renders).toBe(1);
    act(() => void tracker.send(ev(as('lead'), 'a4', 'action.agree'))); // a4 is not due until 2027
    act(() => void tracker.send(ev(as('lead'), 'a1', 'action.progress', { note: 'Two of four sessions held' }))); // still overdue
    expect(seen.renders).toBe(1);
  });

  it('compares results by their data by default, so a new array of the same views does not re-render', () => {
    const tracker = trackerWithHistory();
    // New arrays and new wrapper objects on every run; the action views inside stay the same objects.
    const { seen, Query } = counted((state, today) => overdueActions(state, today), (list) => String(list.length));
    mount(tracker, Query);
    act(() => void tracker.send(ev(as('lead'), 'a4', 'action.agree')));
    expect(seen.renders).toBe(1);
    // a1 changes, so its view is a new object and the overdue list is different data.
    act(() => void tracker.send(ev(as('lead'), 'a1', 'action.flag-risk', { reason: 'Trainer off sick' })));
    expect(seen.renders).toBe(2);
    expect(seen.results.at(-1)![0]!.action.state).toBe('atRisk');
  });

  it('uses the comparator it is given', () => {
    const tracker = trackerWithHistory();
    const sameLength = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length;
    const { seen, Query } = counted((state, today) => overdueActions(state, today), (list) => String(list.length), sameLength);
    mount(tracker, Query);
    act(() => void tracker.send(ev(as('lead'), 'a1', 'action.flag-risk', { reason: 'Trainer off sick' })));
    expect(seen.renders).toBe(1); // a different list by data, but the same length
  });

  it('with Object.is, re-renders on every change that gives a new result object', () => {
    const tracker = trackerWithHistory();
    const { seen, Query } = counted((state, today) => overdueActions(state, today), (list) => String(list.length), Object.is);
    mount(tracker, Query);
    act(() => void tracker.send(ev(as('lead'), 'a4', 'action.agree')));
    expect(seen.renders).toBe(2);
  });

  it('re-runs when the provider day changes', () => {
    const tracker = trackerWithHistory();
    const { Query } = counted(overdueIds, (ids) => ids.join(', ') || 'none');
    const view = (today: string) => h(TrackerProvider, { tracker, actor: as('lead'), today }, h(Query));
    const { rerender } = render(view('2026-11-01'));
    expect(screen.getByTestId('query').textContent).toBe('none');
    rerender(view(TODAY));
    expect(screen.getByTestId('query').textContent).toBe('a1');
  });
});

describe('structuralEqual', () => {
  it('compares arrays and plain objects by their members, and anything else by identity', () => {
    expect(structuralEqual([{ a: 1, b: ['x'] }], [{ a: 1, b: ['x'] }])).toBe(true);
    expect(structuralEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(structuralEqual([1, 2], [1, 2, 3])).toBe(false);
    expect(structuralEqual(NaN, NaN)).toBe(true);
    expect(structuralEqual(new Date(0), new Date(0))).toBe(false);
    expect(structuralEqual(null, {})).toBe(false);
  });
});

describe('planSource and itemSource', () => {
  it('are what @xstate/react’s useSelector reads, like an XState actor', () => {
    const tracker = trackerWithHistory();
    const plan = planSource(tracker);
    const item = itemSource(tracker, 'a1');
    const { result } = renderHook(() => ({
      overdue: useSelector(plan, (state) => overdueIds(state, TODAY), structuralEqual),
      state: useSelector(item, (view) => view?.kind === 'action' && view.state),
    }));
    expect(result.current).toEqual({ overdue: ['a1'], state: 'inProgress' });
    act(() => {
      tracker.send(ev(as('lead'), 'a1', 'action.flag-risk', { reason: 'Two training days were cancelled' }));
    });
    expect(result.current.state).toBe('atRisk');
  });
});
