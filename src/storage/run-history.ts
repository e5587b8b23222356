/** The run history: saved runs and their latest checkpoints in IndexedDB, behind calls that never throw. */
import { CHECKPOINT_VERSION, type RunCheckpoint } from '../core/run/checkpoint';
import type { RunStatus } from '../core/run/protocol';
import { restoreRunState, type RunState } from '../core/run/state';
import { restoreSpec } from '../core/experiment/restore';
import { checkRunName, summaryOf } from './run-record';
import { attempt, StorageProblem } from './storage-problem';
import { inTransaction, type HistoryTransaction } from './transaction';
import type {
  HistoryDb,
  SavedCheckpoint,
  SavedRunRecord,
  SavedRunSummary,
  StorageResult,
} from './types';

/** Said when a run asked for by id has been deleted (in this tab or another). */
export const MISSING_RUN_PROBLEM =
  'This run is no longer in the history (it may have been deleted).';

/** Said when a checkpoint's layout is not the one this version of the engine resumes. */
export const OLD_CHECKPOINT_PROBLEM =
  "This run's checkpoint was saved by another version of NAS Studio, so the run cannot be resumed.";

/** Statuses of a run that was still going when its tab went away. */
const UNFINISHED: ReadonlySet<RunStatus> = new Set<RunStatus>(['running', 'paused']);

/**
 * Saved runs. Every call resolves with `{ ok: true, value }` or `{ ok: false, problem }` (a plain
 * sentence for the page) and never throws. `updatedAt` is the last time the run's data was saved
 * (put, putCheckpoint, setStatus); renaming and markInterrupted leave it, so the order stays.
 */
export interface RunHistory {
  /** Every saved run without its spec and run snapshot, most recently updated first. */
  list(): Promise<StorageResult<SavedRunSummary[]>>;
  /** The whole saved run, or null when there is none with this id. */
  get(id: string): Promise<StorageResult<SavedRunRecord | null>>;
  /**
   * Saves the run (insert or replace) with `updatedAt` set to now. A run already saved keeps its
   * `createdAt` and `checkpointStep` (putCheckpoint owns that field). The name must pass checkRunName.
   */
  put(record: SavedRunRecord): Promise<StorageResult<SavedRunSummary>>;
  /** Replaces the run's checkpoint and sets its `checkpointStep`, in one transaction. The run must be saved. */
  putCheckpoint(
    runId: string,
    checkpoint: RunCheckpoint,
    run: RunState,
  ): Promise<StorageResult<SavedCheckpoint>>;
  /** The run's latest checkpoint, or null when it has none; a problem when it is of another checkpoint version. */
  getCheckpoint(runId: string): Promise<StorageResult<SavedCheckpoint | null>>;
  /** Deletes the run's checkpoint (a finished run no longer needs it) and clears its `checkpointStep`. */
  removeCheckpoint(runId: string): Promise<StorageResult<void>>;
  /** Renames the run: the name is trimmed and must have 1 to 80 characters. */
  rename(id: string, name: string): Promise<StorageResult<SavedRunSummary>>;
  /** Deletes the run and its checkpoint in one transaction (nothing happens for an unknown id). */
  remove(id: string): Promise<StorageResult<void>>;
  /** The most recently updated run left 'running' or 'paused' that has a checkpoint (to offer resuming it), or null. */
  interrupted(): Promise<StorageResult<SavedRunRecord | null>>;
  /** Sets the run's status (in the record and its run snapshot) and `updatedAt`. */
  setStatus(id: string, status: RunStatus): Promise<StorageResult<SavedRunSummary>>;
  /** Marks every run left 'running' or 'paused', except `exceptId`, as 'stopped'; resolves with how many changed. */
  markInterrupted(exceptId?: string): Promise<StorageResult<number>>;
}

/** Options of createRunHistory. */
export interface RunHistoryOptions {
  /** The clock for `updatedAt` and `savedAt` (default: the current time). */
  readonly now?: () => Date;
}

/** The record `id`, or a StorageProblem when it is gone. */
async function mustGet(
  tx: HistoryTransaction<IDBTransactionMode>,
  id: string,
): Promise<SavedRunRecord> {
  const record = await tx.objectStore('runs').get(id);
  if (record === undefined) throw new StorageProblem(MISSING_RUN_PROBLEM);
  return record;
}

/** A record as read back: its spec and run state with the settings and fields added since it was saved. */
function restored(record: SavedRunRecord): SavedRunRecord {
  return { ...record, spec: restoreSpec(record.spec), run: restoreRunState(record.run) };
}

/** `record` with `status` in its summary fields and in its run snapshot. */
function withStatus(record: SavedRunRecord, status: RunStatus): SavedRunRecord {
  return { ...record, status, run: { ...record.run, status } };
}

/** The run history stored in `db` (from openHistoryDb). */
export function createRunHistory(db: HistoryDb, options: RunHistoryOptions = {}): RunHistory {
  const stamp = (): string => (options.now ?? (() => new Date()))().toISOString();

  return {
    list: () =>
      attempt(() =>
        inTransaction(db, ['runs'], 'readonly', async (tx) => {
          const out: SavedRunSummary[] = [];
          let cursor = await tx.objectStore('runs').index('updatedAt').openCursor(null, 'prev');
          while (cursor) {
            out.push(summaryOf(cursor.value));
            cursor = await cursor.continue();
          }
          return out;
        }),
      ),

    get: (id) =>
      attempt(() =>
        inTransaction(db, ['runs'], 'readonly', async (tx) => {
          const record = await tx.objectStore('runs').get(id);
          return record === undefined ? null : restored(record);
        }),
      ),

    put: (record) =>
      attempt(() => {
        const name = checkRunName(record.name);
        if (!name.ok) throw new StorageProblem(name.problem);
        return inTransaction(db, ['runs'], 'readwrite', async (tx) => {
          const runs = tx.objectStore('runs');
          const old = await runs.get(record.id);
          const saved: SavedRunRecord = {
            ...record,
            name: name.value,
            createdAt: old?.createdAt ?? record.createdAt,
            updatedAt: stamp(),
            checkpointStep: old === undefined ? null : old.checkpointStep,
          };
          await runs.put(saved);
          return summaryOf(saved);
        });
      }),

    putCheckpoint: (runId, checkpoint, run) =>
      attempt(() =>
        inTransaction(db, ['runs', 'checkpoints'], 'readwrite', async (tx) => {
          const record = await mustGet(tx, runId);
          const saved: SavedCheckpoint = { runId, savedAt: stamp(), checkpoint, run };
          await tx.objectStore('checkpoints').put(saved);
          await tx
            .objectStore('runs')
            .put({ ...record, checkpointStep: checkpoint.step, updatedAt: saved.savedAt });
          return saved;
        }),
      ),

    getCheckpoint: (runId) =>
      attempt(() =>
        inTransaction(db, ['checkpoints'], 'readonly', async (tx) => {
          const saved = await tx.objectStore('checkpoints').get(runId);
          if (saved === undefined) return null;
          if (saved.checkpoint.version !== CHECKPOINT_VERSION)
            throw new StorageProblem(OLD_CHECKPOINT_PROBLEM);
          return { ...saved, run: restoreRunState(saved.run) };
        }),
      ),

    removeCheckpoint: (runId) =>
      attempt(() =>
        inTransaction(db, ['runs', 'checkpoints'], 'readwrite', async (tx) => {
          await tx.objectStore('checkpoints').delete(runId);
          const record = await tx.objectStore('runs').get(runId);
          if (record !== undefined && record.checkpointStep !== null)
            await tx.objectStore('runs').put({ ...record, checkpointStep: null });
        }),
      ),

    rename: (id, name) =>
      attempt(() => {
        const checked = checkRunName(name);
        if (!checked.ok) throw new StorageProblem(checked.problem);
        return inTransaction(db, ['runs'], 'readwrite', async (tx) => {
          const renamed = { ...(await mustGet(tx, id)), name: checked.value };
          await tx.objectStore('runs').put(renamed);
          return summaryOf(renamed);
        });
      }),

    remove: (id) =>
      attempt(() =>
        inTransaction(db, ['runs', 'checkpoints'], 'readwrite', async (tx) => {
          await tx.objectStore('runs').delete(id);
          await tx.objectStore('checkpoints').delete(id);
        }),
      ),

    interrupted: () =>
      attempt(() =>
        inTransaction(db, ['runs', 'checkpoints'], 'readonly', async (tx) => {
          const withCheckpoint = new Set(await tx.objectStore('checkpoints').getAllKeys());
          let cursor = await tx.objectStore('runs').index('updatedAt').openCursor(null, 'prev');
          while (cursor) {
            const record = cursor.value;
            if (UNFINISHED.has(record.status) && withCheckpoint.has(record.id))
              return restored(record);
            cursor = await cursor.continue();
          }
          return null;
        }),
      ),

    setStatus: (id, status) =>
      attempt(() =>
        inTransaction(db, ['runs'], 'readwrite', async (tx) => {
          const updated = { ...withStatus(await mustGet(tx, id), status), updatedAt: stamp() };
          await tx.objectStore('runs').put(updated);
          return summaryOf(updated);
        }),
      ),

    markInterrupted: (exceptId) =>
      attempt(() =>
        inTransaction(db, ['runs'], 'readwrite', async (tx) => {
          let changed = 0;
          let cursor = await tx.objectStore('runs').openCursor();
          while (cursor) {
            const record = cursor.value;
            if (UNFINISHED.has(record.status) && record.id !== exceptId) {
              await cursor.update(withStatus(record, 'stopped'));
              changed += 1;
            }
            cursor = await cursor.continue();
          }
          return changed;
        }),
      ),
  };
}
