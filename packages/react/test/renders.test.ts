// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { memo, useState } from 'react';
import { TrackerProvider, useAction, usePromise } from '../src/index.js';
import { as, ev, h, TODAY, trackerWithHistory } from './helpers.js';

afterEach(cleanup);

/** A row per action that counts its own renders. */
function counter() {
  const renders: Record<string, number> = {};
  const Row = memo(function Row({ id }: { id: string }) {
    renders[id] = (renders[id] ?? 0) + 1;
    const action = useAction(id)!;
    return h('li', { 'data-testid': id }, `${action.view.title}: ${action.stateLabel}`);
  });
  return { renders, Row };
}

describe('re-rendering', () => {
  it('re-renders only the row whose action changed', () => {
    const tracker = trackerWithHistory();
    const { renders, Row } = counter();
    render(h(TrackerProvider, { tracker, actor: as('lead'), today: TODAY }, h('ul', null, h(Row, { id: 'a1' }), h(Row, { id: 'a4' }))));
    expect(renders).toEqual({ a1: 1, a4: 1 });

    act(() => void tracker.send(ev(as('lead'), 'a4', 'action.agree')));
    expect(screen.getByTestId('a4').textContent).toBe('Mentoring scheme: Agreed');
    expect(renders).toEqual({ a1: 1, a4: 2 });

    act(() => void tracker.send(ev(as('lead'), 'a1', 'action.flag-risk', { reason: 'Trainer off sick' })));
    expect(screen.getByTestId('a1').textContent).toBe('Train designated teachers: At risk');
    expect(renders).toEqual({ a1: 2, a4: 2 });
  });

  it('does not re-render an action when a promise changes, nor a promise when an action changes', () => {
    const tracker = trackerWithHistory();
    const { renders, Row } = counter();
    let promiseRenders = 0;
    const Promise1 = memo(function Promise1() {
      promiseRenders++;
      return h('p', null, usePromise('p1')!.stateLabel);
    });
    render(h(TrackerProvider, { tracker, actor: as('board'), today: TODAY }, h(Row, { id: 'a1' }), h(Promise1)));
    act(() => void tracker.send(ev(as('board'), 'p1', 'promise.adopt')));
    expect(renders.a1).toBe(1);
    expect(promiseRenders).toBe(2);
    act(() => void tracker.send(ev(as('lead'), 'a1', 'action.progress', { note: 'Two of four sessions held' })));
    expect(renders.a1).toBe(2);
    expect(promiseRenders).toBe(2);
  });

  it('does not re-render when a refused step changes nothing', () => {
    const tracker = trackerWithHistory();
    const { renders, Row } = counter();
    render(h(TrackerProvider, { tracker, actor: as('lead'), today: TODAY }, h(Row, { id: 'a1' })));
    act(() => void tracker.send(ev(as('panel'), 'a1', 'action.progress', { note: 'Not allowed' })));
    expect(renders.a1).toBe(1);
  });

  it('does not re-render when the host re-renders the provider with an equal person and new inline functions', () => {
    const tracker = trackerWithHistory();
    const { renders, Row } = counter();
    let bump!: () => void;
    function Host() {
      const [n, setN] = useState(0);
      bump = () => setN(n + 1);
      const lead = as('lead');
      return h(
        TrackerProvider,
        { tracker, actor: { userId: lead.userId, agencyId: lead.agencyId, role: lead.role }, today: TODAY, newEventId: () => `id-${n}-abcdef`, now: () => new Date() },
        h(Row, { id: 'a1' }),
      );
    }
    render(h(Host));
    act(() => bump());
    act(() => bump());
    expect(renders.a1).toBe(1);
  });

  it('re-renders when the day or the signed-in person changes', () => {
    const tracker = trackerWithHistory();
    const { renders, Row } = counter();
    const view = (today: string, who: string) => h(TrackerProvider, { tracker, actor: as(who), today }, h(Row, { id: 'a1' }));
    const { rerender } = render(view(TODAY, 'lead'));
    rerender(view('2026-12-02', 'lead'));
    expect(renders.a1).toBe(2);
    rerender(view('2026-12-02', 'owner'));
    expect(renders.a1).toBe(3);
  });
});
