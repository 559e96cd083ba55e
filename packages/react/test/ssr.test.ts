// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from '@testing-library/react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { createTracker, overdueActions, type Actor, type PledgeEvent } from '@pledgeflow/core';
import { TrackerProvider, useAction, usePromise, useQuery } from '../src/index.js';
import { as, ev, h, testPlan, TODAY, trackerWithHistory } from './helpers.js';

function ActionRow({ id }: { id: string }) {
  const action = useAction(id)!;
  const allowed = action.nextSteps.filter((step) => step.allowed).map((step) => step.label);
  return h('li', null, h('strong', null, action.view.title), ` ${action.stateLabel}, ${action.brag.label} (${action.brag.why}). You may: ${allowed.join(', ')}.`);
}

function PromiseCard({ id }: { id: string }) {
  const promise = usePromise(id)!;
  return h('p', null, `Promise ${promise.view.number}: ${promise.view.title} (${promise.stateLabel}), ${promise.history.length} changes`);
}

function Board() {
  const overdue = useQuery((state, today) => overdueActions(state, today));
  const all = useQuery((state) => state.actions.map((action) => action.id));
  return h(
    'main',
    null,
    h('h2', null, `${overdue.length} overdue`),
    h('ul', null, overdue.map((o) => h(ActionRow, { key: o.action.id, id: o.action.id }))),
    h('h2', null, 'Every action'),
    h('ul', null, all.map((id) => h(ActionRow, { key: id, id }))),
    h(PromiseCard, { id: 'p1' }),
  );
}

/** The page as server and client both build it: a tracker from the plan and the log, and the day. */
function page(log: readonly PledgeEvent[], actor: Actor, today: string) {
  const tracker = createTracker({ plan: testPlan(), events: log });
  return { tracker, element: h(TrackerProvider, { tracker, actor, today }, h(Board)) };
}

const roots: Root[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) act(() => root.unmount());
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

/** Hydrates `html` into a fresh container and collects every hydration problem React reports. */
function hydrate(html: string, element: ReturnType<typeof page>['element']) {
  const container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  const problems: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void problems.push(args.map(String).join(' ')));
  act(() => {
    roots.push(hydrateRoot(container, element, { onRecoverableError: (error) => void problems.push(String(error)) }));
  });
  return { container, problems };
}

describe('server-side rendering', () => {
  const log = () => {
    const tracker = trackerWithHistory();
    tracker.send(ev(as('lead'), 'a4', 'action.agree'));
    // Over the wire, as JSON: the client parses its own copy of the log.
    return JSON.parse(JSON.stringify(tracker.events())) as PledgeEvent[];
  };

  it('renders on the server the markup the client hydrates, with no hydration warnings', () => {
    const events = log();
    const html = renderToString(page(events, as('lead'), TODAY).element);
    expect(html).toContain('1 overdue');
    expect(html).toContain('Train designated teachers');

    const { element, tracker } = page(events, as('lead'), TODAY);
    const { container, problems } = hydrate(html, element);
    expect(problems).toEqual([]);
    expect(container.innerHTML).toBe(html);

    // Hydrated and live: a step taken on the client shows at once.
    act(() => void tracker.send(ev(as('lead'), 'a1', 'action.flag-risk', { reason: 'Trainer off sick' })));
    expect(container.textContent).toContain('Train designated teachers At risk');
  });

  it('reports a mismatch when the client works with a different day (so pass `today` to both)', () => {
    const events = log();
    const html = renderToString(page(events, as('lead'), TODAY).element);
    const { problems } = hydrate(html, page(events, as('lead'), '2026-11-01').element);
    expect(problems.join('\n')).toMatch(/hydrat/i);
  });
});
