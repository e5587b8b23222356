/** Opens the run history database ('nas-studio', version 1) with idb, creating its stores on first use. */
import { wrap, type IDBPDatabase } from 'idb';
import { attempt, StorageProblem, UNAVAILABLE_PROBLEM } from './storage-problem';
import type { HistoryDb, HistoryDbSchema, StorageResult } from './types';

/** The database name. */
export const HISTORY_DB_NAME = 'nas-studio';

/** The schema version; raise it (with a migration in `upgradeHistoryDb`) when the layout changes. */
export const HISTORY_DB_VERSION = 1;

/** Creates the stores of version 1: runs (by id, indexed by updatedAt) and one checkpoint per run (by runId). */
function upgradeHistoryDb(db: IDBPDatabase<HistoryDbSchema>, oldVersion: number): void {
  if (oldVersion < 1) {
    const runs = db.createObjectStore('runs', { keyPath: 'id' });
    runs.createIndex('updatedAt', 'updatedAt');
    db.createObjectStore('checkpoints', { keyPath: 'runId' });
  }
}

/** The page's IndexedDB, or undefined where the browser has none. */
function globalFactory(): IDBFactory | undefined {
  return (globalThis as { indexedDB?: IDBFactory }).indexedDB;
}

/**
 * Opens the history as idb's `openDB` does, on `factory` (default: the page's `indexedDB`). A
 * connection that blocks a newer version in another tab closes itself. Never throws: a missing or
 * refused IndexedDB (private mode), a newer database version or any other failure is a plain problem.
 */
export function openHistoryDb(factory?: IDBFactory): Promise<StorageResult<HistoryDb>> {
  return attempt(async () => {
    const idb = factory ?? globalFactory();
    if (idb === undefined || idb === null) throw new StorageProblem(UNAVAILABLE_PROBLEM);
    const request = idb.open(HISTORY_DB_NAME, HISTORY_DB_VERSION);
    request.addEventListener('upgradeneeded', (event) => {
      // The request's result is the database being upgraded; wrap types it without our schema.
      upgradeHistoryDb(wrap(request.result) as IDBPDatabase<HistoryDbSchema>, event.oldVersion);
    });
    const db = await wrap(request);
    if (db === undefined) throw new StorageProblem(UNAVAILABLE_PROBLEM);
    db.addEventListener('versionchange', () => db.close());
    return db as IDBPDatabase<HistoryDbSchema>;
  });
}
