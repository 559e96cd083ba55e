// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, renderHook, screen } from '@testing-library/react';
import { ObservableValue, type SyncStatus } from '@pledgeflow/sync';
import { useSyncStatus } from '../src/index.js';
import { as, h, provider, trackerWithHistory } from './helpers.js';

afterEach(cleanup);

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What a page might show: the words, in a polite live region. */
function SyncLine() {
  const { state, text } = useSyncStatus();
  return h('p', { role: 'status', 'data-state': state }, text);
}

describe('useSyncStatus', () => {
  it("gives the provider's sync status in the words <pledge-sync-status> uses, and follows every state", () => {
    const status = new ObservableValue<SyncStatus>({ state: 'saved' }, sameJson);
    render(h(provider(trackerWithHistory(), as('lead'), { syncStatus: status }), null, h(SyncLine)));
    const line = () => screen.getByRole('status');
    expect(line().textContent).toBe('Saved');
    const seen: [SyncStatus, string][] = [
      [{ state: 'loading', received: 40_000, head: 100_000 }, 'Loading the plan: 40,000 of 100,000 changes'],
      [{ state: 'sending', count: 3 }, 'Sending 3 changes'],
      [{ state: 'sending', count: 1 }, 'Sending 1 change'],
      [{ state: 'offline', count: 2 }, 'Offline: your changes are kept on this computer and will be sent when you are back online'],
      [{ state: 'error', reason: 'the plan is being moved', count: 2 }, 'Could not send: the plan is being moved'],
      [{ state: 'sign-in', count: 0 }, 'Sign in again'],
      [{ state: 'saved' }, 'Saved'],
    ];
    for (const [next, words] of seen) {
      act(() => status.set(next));
      expect(line().textContent).toBe(words);
      expect(line().dataset['state']).toBe(next.state);
    }
  });

  it('takes a status passed to it, with no provider (a connect() status, or <pledge-tracker>.syncStatus)', () => {
    const status = new ObservableValue<SyncStatus>({ state: 'offline', count: 1 }, sameJson);
    const { result } = renderHook(() => useSyncStatus(status));
    expect(result.current.state).toBe('offline');
    expect(result.current.status).toEqual({ state: 'offline', count: 1 });
    act(() => status.set({ state: 'saved' }));
    expect(result.current).toEqual({ status: { state: 'saved' }, state: 'saved', text: 'Saved' });
  });

  it('re-renders only when the status changes, and keeps the same object until then', () => {
    const status = new ObservableValue<SyncStatus>({ state: 'sending', count: 2 }, sameJson);
    let renders = 0;
    const { result } = renderHook(() => {
      renders++;
      return useSyncStatus(status);
    });
    const first = result.current;
    act(() => status.set({ state: 'sending', count: 2 })); // equal: the client tells no one
    expect(result.current).toBe(first);
    expect(renders).toBe(1);
    act(() => status.set({ state: 'sending', count: 1 }));
    expect(renders).toBe(2);
    expect(result.current.text).toBe('Sending 1 change');
  });

  it('stops listening when the component goes', () => {
    const status = new ObservableValue<SyncStatus>({ state: 'saved' }, sameJson);
    let listeners = 0;
    const counted = {
      get value() {
        return status.value;
      },
      subscribe(listener: (s: SyncStatus) => void) {
        listeners++;
        const stop = status.subscribe(listener);
        return () => {
          listeners--;
          stop();
        };
      },
    };
    const { unmount } = renderHook(() => useSyncStatus(counted));
    expect(listeners).toBe(1);
    unmount();
    expect(listeners).toBe(0);
  });

  it('says how to give it a status when it has none', () => {
    expect(() => renderHook(() => useSyncStatus(), { wrapper: provider(trackerWithHistory(), as('lead')) })).toThrow(
      /useSyncStatus\(\) has no sync status to follow.*<TrackerProvider syncStatus=\{connection\.status\}>/,
    );
  });
});
