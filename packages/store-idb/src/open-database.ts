import { wrap, type IDBPDatabase } from 'idb';
import { MESSAGES, StorageUnavailableError, storageError } from './errors.js';
import { upgrade, type PledgeflowDB } from './schema.js';

export interface OpenDatabaseOptions {
  factory: IDBFactory;
  name: string;
  version: number;
  /** How long to wait for older tabs to let go before giving up, in milliseconds. */
  blockedTimeout: number;
}

/**
 * Opens (and if need be upgrades) the database. Never hangs: if another tab blocks the
 * upgrade for longer than `blockedTimeout`, it rejects with a StorageUnavailableError.
 */
export function openDatabase({ factory, name, version, blockedTimeout }: OpenDatabaseOptions): Promise<IDBPDatabase<PledgeflowDB>> {
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let gaveUp = false;
    const request = factory.open(name, version);
    request.onupgradeneeded = (event) => upgrade(request.result, event.oldVersion);
    request.onblocked = () => {
      timer ??= setTimeout(() => {
        gaveUp = true;
        reject(new StorageUnavailableError(MESSAGES.blocked));
      }, blockedTimeout);
    };
    wrap(request).then(
      (db) => {
        clearTimeout(timer);
        if (gaveUp) db!.close(); // opened after we stopped waiting: nobody will use it
        else resolve(db as IDBPDatabase<PledgeflowDB>);
      },
      (error) => {
        clearTimeout(timer);
        reject(storageError(error));
      },
    );
  });
}
