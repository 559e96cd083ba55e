/** Where a page's changes are, as the sync client sees it. */
export type SyncStatus =
  /** Every change is on the server, and the page has what the server has. */
  | { state: 'saved' }
  /** The first pull of a plan: `received` events so far, of `head` (when known). */
  | { state: 'loading'; received: number; head?: number }
  /** `count` changes wait in the outbox or are on their way. */
  | { state: 'sending'; count: number }
  /** No network, or the server does not answer: changes are kept and sent later. */
  | { state: 'offline'; count: number }
  /** The server answered with an error that is not about the network: `reason` in its words. */
  | { state: 'error'; reason: string; count: number }
  /** The token was refused twice: the person must sign in again before anything is sent. */
  | { state: 'sign-in'; count: number };

export type SyncState = SyncStatus['state'];

const count = new Intl.NumberFormat('en-GB');
const changes = (n: number) => `${count.format(n)} ${n === 1 ? 'change' : 'changes'}`;

/** The status in plain words, as `<pledge-sync-status>` says it. */
export function syncStatusText(status: SyncStatus): string {
  switch (status.state) {
    case 'saved':
      return 'Saved';
    case 'loading':
      return status.head ? `Loading the plan: ${count.format(status.received)} of ${changes(status.head)}` : 'Loading the plan';
    case 'sending':
      return `Sending ${changes(status.count)}`;
    case 'offline':
      return 'Offline: your changes are kept on this computer and will be sent when you are back online';
    case 'error':
      return `Could not send: ${status.reason}`;
    case 'sign-in':
      return status.count
        ? `Sign in again: ${changes(status.count)} will be sent once you have`
        : 'Sign in again';
  }
}
