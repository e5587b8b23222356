/** Opens the run history database ('nas-studio', version 2) with idb, creating its stores on first use and upgrading older layouts. */
import { wrap, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { damagedSummaryOf, readSavedRun } from '../core/run/saved-run-read';
import { summaryOf } from '../core/run/saved-run';
import { attempt, StorageProblem, UNAVAILABLE_PROBLEM } from './storage-problem';
import type { HistoryDb, HistoryDbSchema, StorageResult } from './types';

/** The database name. */
export const HISTORY_DB_NAME = 'nas-studio';

/**
 * The layout version; raise it (with a step in `upgradeHistoryDb`) when the layout changes.
 * - 1: runs (by id, indexed by updatedAt) and checkpoints (by runId);
 * - 2: adds summaries (by id, indexed by updatedAt), built from the runs already saved.
 */
export const HISTORY_DB_VERSION = 2;

/** The versionchange transaction of an upgrade. */
type UpgradeTransaction = IDBPTransaction<
  HistoryDbSchema,
  ArrayLike<StoreNames<HistoryDbSchema>>,
  'versionchange'
>;

/** The history row of every saved run (a damaged one for a record that cannot be read), written in the upgrade's transaction. */
async function buildSummaries(tx: UpgradeTransaction): Promise<void> {
  const summaries = tx.objectStore('summaries');
  let cursor = await tx.objectStore('runs').openCursor();
  while (cursor) {
    const id = String(cursor.primaryKey);
    const read = readSavedRun(cursor.value);
    await summaries.put(
      read.ok ? summaryOf(read.value) : damagedSummaryOf(id, cursor.value, read.problem),
    );
    cursor = await cursor.continue();
  }
}

/** Brings the stores from `oldVersion` to HISTORY_DB_VERSION inside the upgrade's transaction. */
async function upgradeHistoryDb(
  db: IDBPDatabase<HistoryDbSchema>,
  tx: UpgradeTransaction,
  oldVersion: number,
): Promise<void> {
  if (oldVersion < 1) {
    const runs = db.createObjectStore('runs', { keyPath: 'id' });
    runs.createIndex('updatedAt', 'updatedAt');
    db.createObjectStore('checkpoints', { keyPath: 'runId' });
  }
  if (oldVersion < 2) {
    const summaries = db.createObjectStore('summaries', { keyPath: 'id' });
    summaries.createIndex('updatedAt', 'updatedAt');
    await buildSummaries(tx);
  }
}

/** The page's IndexedDB, or undefined where the browser has none. */
function globalFactory(): IDBFactory | undefined {
  return (globalThis as { indexedDB?: IDBFactory }).indexedDB;
}

/**
 * Opens the history as idb's `openDB` does, on `factory` (default: the page's `indexedDB`),
 * upgrading an older layout (a failed upgrade is rolled back whole and reported). A connection that
 * blocks a newer version in another tab closes itself. Never throws: a missing or refused IndexedDB
 * (private mode), a newer database version or any other failure is a plain problem.
 */
export function openHistoryDb(factory?: IDBFactory): Promise<StorageResult<HistoryDb>> {
  return attempt(async () => {
    const idb = factory ?? globalFactory();
    if (idb === undefined || idb === null) throw new StorageProblem(UNAVAILABLE_PROBLEM);
    const request = idb.open(HISTORY_DB_NAME, HISTORY_DB_VERSION);
    request.addEventListener('upgradeneeded', (event) => {
      // The request's result is the database being upgraded; wrap types it without our schema.
      const db = wrap(request.result) as IDBPDatabase<HistoryDbSchema>;
      const raw = request.transaction;
      if (raw === null) return;
      const tx = wrap(raw) as unknown as UpgradeTransaction;
      upgradeHistoryDb(db, tx, event.oldVersion).catch(() => {
        try {
          raw.abort();
        } catch {
          // Already finished: the open request reports what happened.
        }
      });
    });
    const db = await wrap(request);
    if (db === undefined) throw new StorageProblem(UNAVAILABLE_PROBLEM);
    db.addEventListener('versionchange', () => db.close());
    return db as IDBPDatabase<HistoryDbSchema>;
  });
}
