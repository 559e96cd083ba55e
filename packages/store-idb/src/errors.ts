/** The browser's storage for this site is full: the change is kept in memory and `tracker.flush()` retries it. */
export class StorageFullError extends Error {
  override name = 'StorageFullError';
  constructor(options?: ErrorOptions) {
    super(
      "This computer's storage for the tracker is full, so your latest change has not been saved to it yet. " +
        'Nothing is lost: the change is kept in this tab. Free some space (for example, clear other websites\' data ' +
        'in the browser settings, or delete large downloads), then choose "Try again". Keep this tab open until it says saved, ' +
        'or download a backup now: it includes the changes not saved yet.',
      options,
    );
  }
}

/** IndexedDB cannot be used: missing, switched off, or held by another tab. The page falls back to memory. */
export class StorageUnavailableError extends Error {
  override name = 'StorageUnavailableError';
}

/** This tab's connection has gone (a newer version of the page upgraded the database): the person must reload. */
export class ReloadNeededError extends Error {
  override name = 'ReloadNeededError';
}

/** A backup file that cannot be imported; nothing was imported. */
export class BackupError extends Error {
  override name = 'BackupError';
}

export const MESSAGES = {
  unavailable:
    'This browser is not letting the tracker save to this computer (a private window, or saving switched off for this site).',
  blocked:
    'Another tab with an older version of this page is open and is stopping the tracker from updating its saved data. ' +
    'Close the other tabs of this page, then reload this one.',
  newerTab:
    'A newer version of this page, opened in another tab, has updated the saved data. ' +
    'Reload this page to carry on: until you do, changes made here cannot be saved.',
  olderPage:
    'This page is older than the data a newer version of it saved on this computer. ' +
    'Reload the page to get the newer version; nothing saved has been changed.',
  closed:
    'The browser closed the tracker\'s saved data (it may have been cleared). Reload this page; ' +
    'check that your latest changes are there.',
} as const;

/** The error a person can act on, for whatever IndexedDB threw. */
export function storageError(error: unknown): unknown {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') return new StorageFullError({ cause: error });
  if (name === 'VersionError') return new ReloadNeededError(MESSAGES.olderPage, { cause: error });
  return error;
}
