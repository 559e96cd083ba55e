// @pledgeflow/store-idb: the public API. Nothing else in this package is importable.
export { openIdbStore } from './idb-store.js';
export type { IdbStore, IdbStoreOptions, ImportResult, BackupConflict, RefusedStep } from './idb-store.js';
export { openIdbTracker } from './idb-tracker.js';
export type { IdbTracker, IdbTrackerOptions } from './idb-tracker.js';
export { stringifyBackup, parseBackup, BACKUP_FORMAT, BACKUP_VERSION } from './backup.js';
export type { Backup } from './backup.js';
export { StorageFullError, StorageUnavailableError, ReloadNeededError, BackupError } from './errors.js';
export { DB_VERSION, databaseName } from './schema.js';
