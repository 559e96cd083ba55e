import { useContext, useMemo } from 'react';
import { useSelector } from '@xstate/react';
import { syncStatusText, type Observable, type SyncState, type SyncStatus } from '@pledgeflow/sync';
import { TrackerContext } from './context.js';
import { syncStatusSource } from './sources.js';

/** Where the person's changes are: the status, its state, and the words `<pledge-sync-status>` says. */
export interface SyncStatusHandle {
  /** The sync client's status as it is (`{ state: 'sending', count: 3 }`). */
  status: SyncStatus;
  /** `saved`, `loading`, `sending`, `offline`, `error` or `sign-in`. */
  state: SyncState;
  /** In plain words: "Saved", "Sending 3 changes", "Offline: ...", "Could not send: <reason>", "Sign in again". */
  text: string;
}

/**
 * The sync client's status, re-rendering when it changes: from `source` (a `connect()`'s
 * `status`, or `<pledge-tracker>`'s `syncStatus`) or else the provider's `syncStatus`.
 * Show `text` in a polite live region (`role="status"`) so that screen readers hear it.
 */
export function useSyncStatus(source?: Observable<SyncStatus>): SyncStatusHandle {
  const status = useContext(TrackerContext)?.syncStatus;
  const observable = source ?? status;
  if (!observable) {
    throw new Error(
      'useSyncStatus() has no sync status to follow. Give the provider one (<TrackerProvider syncStatus={connection.status}>) or pass it (useSyncStatus(connection.status)).',
    );
  }
  const adapted = useMemo(() => syncStatusSource(observable), [observable]);
  // The client hands out a new status object only when the status changes, so identity is enough.
  const current = useSelector(adapted, (s) => s);
  return useMemo(() => ({ status: current, state: current.state, text: syncStatusText(current) }), [current]);
}
