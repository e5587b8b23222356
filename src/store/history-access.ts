/** Opens the run history once, on first use; every caller shares the open database (or its problem). */
import { openHistoryDb } from '../storage/history-db';
import { createRunHistory, type RunHistory } from '../storage/run-history';
import type { RunLocks } from '../storage/run-locks';
import type { StorageResult } from '../storage/types';

/** Resolves the run history, or the plain problem that keeps runs in memory only. */
export type HistoryAccess = () => Promise<StorageResult<RunHistory>>;

/** The history in this browser's IndexedDB (`factory` for tests), opened lazily and once; `locks` tell which runs other tabs are running (default: the page's Web Locks). */
export function browserHistoryAccess(factory?: IDBFactory, locks?: RunLocks): HistoryAccess {
  let opening: Promise<StorageResult<RunHistory>> | null = null;
  return () => {
    opening ??= openHistoryDb(factory).then((db): StorageResult<RunHistory> =>
      db.ok ? { ok: true, value: createRunHistory(db.value, locks ? { locks } : {}) } : db,
    );
    return opening;
  };
}
