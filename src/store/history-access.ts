/** Opens the run history once, on first use; every caller shares the open database (or its problem). */
import { openHistoryDb } from '../storage/history-db';
import { createRunHistory, type RunHistory } from '../storage/run-history';
import type { StorageResult } from '../storage/types';

/** Resolves the run history, or the plain problem that keeps runs in memory only. */
export type HistoryAccess = () => Promise<StorageResult<RunHistory>>;

/** The history in this browser's IndexedDB (`factory` for tests), opened lazily and once. */
export function browserHistoryAccess(factory?: IDBFactory): HistoryAccess {
  let opening: Promise<StorageResult<RunHistory>> | null = null;
  return () => {
    opening ??= openHistoryDb(factory).then((db): StorageResult<RunHistory> =>
      db.ok ? { ok: true, value: createRunHistory(db.value) } : db,
    );
    return opening;
  };
}
