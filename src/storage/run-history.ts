/** The run history: saved runs, their history rows and latest checkpoints in IndexedDB, behind calls that never throw. */
import { CHECKPOINT_VERSION, type RunCheckpoint } from '../core/run/checkpoint';
import { checkpointSchema } from '../core/run/checkpoint-schema';
import type { RunStatus } from '../core/run/protocol';
import { readHistoryEntry, readRunState, readSavedRun } from '../core/run/saved-run-read';
import { summaryOf } from '../core/run/saved-run';
import type { RunState } from '../core/run/state';
import { isRecord } from '../core/link/records';
import { checkRunName } from './run-record';
import { createRunLocks, type RunLocks } from './run-locks';
import { attempt, StorageProblem } from './storage-problem';
import { inTransaction, type HistoryStore, type HistoryTransaction } from './transaction';
import type {
  HistoryDb,
  HistoryEntry,
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

/** Said when a stored checkpoint fails its shape check. */
export const DAMAGED_CHECKPOINT_PROBLEM =
  "This run's checkpoint could not be read, so the run cannot be resumed.";

/** Statuses of a run that was still going when its tab went away. */
const UNFINISHED: ReadonlySet<RunStatus> = new Set<RunStatus>(['running', 'paused']);

/**
 * Saved runs. Every call resolves with `{ ok: true, value }` or `{ ok: false, problem }` (a plain
 * sentence for the page) and never throws. Every write changes a run's record and its history row
 * in one transaction. `updatedAt` is the last time the run's data was saved (put, putCheckpoint,
 * setStatus); renaming and markInterrupted leave it, so the order stays.
 */
export interface RunHistory {
  /** Every saved run's history row (damaged ones included), most recently updated first; reads no whole record. */
  list(): Promise<StorageResult<HistoryEntry[]>>;
  /** The whole saved run, or null when there is none with this id; a damaged record is a problem saying why. */
  get(id: string): Promise<StorageResult<SavedRunRecord | null>>;
  /**
   * Saves the run (insert or replace) with `updatedAt` set to now. A run already saved keeps its
   * `createdAt` and `checkpointStep` (putCheckpoint owns that field). The name must pass checkRunName.
   * With `latest`, also replaces the run's checkpoint and sets its `checkpointStep`, in the same
   * transaction (as put then putCheckpoint, without reading the record back); with null, deletes
   * its checkpoint and clears `checkpointStep` (as put then removeCheckpoint).
   */
  put(
    record: SavedRunRecord,
    latest?: LatestCheckpoint | null,
  ): Promise<StorageResult<SavedRunSummary>>;
  /** Replaces the run's checkpoint and sets its `checkpointStep`, in one transaction. The run must be saved. */
  putCheckpoint(
    runId: string,
    checkpoint: RunCheckpoint,
    run: RunState,
  ): Promise<StorageResult<SavedCheckpoint>>;
  /** The run's latest checkpoint, or null when it has none; a problem when it is of another checkpoint version or damaged. */
  getCheckpoint(runId: string): Promise<StorageResult<SavedCheckpoint | null>>;
  /** Deletes the run's checkpoint (a finished run no longer needs it) and clears its `checkpointStep`. */
  removeCheckpoint(runId: string): Promise<StorageResult<void>>;
  /** Renames the run: the name is trimmed and must have 1 to 80 characters. */
  rename(id: string, name: string): Promise<StorageResult<SavedRunSummary>>;
  /** Deletes the run, its history row and its checkpoint in one transaction (a damaged run too; nothing happens for an unknown id). */
  remove(id: string): Promise<StorageResult<void>>;
  /**
   * The most recently updated run left 'running' or 'paused' that has a checkpoint and whose run
   * lock is free (no tab is running it), to offer resuming it; or null.
   */
  interrupted(): Promise<StorageResult<SavedRunRecord | null>>;
  /** True while run `id` is still left 'running' or 'paused' with its run lock free (no tab has resumed or ended it since). */
  isInterrupted(id: string): Promise<StorageResult<boolean>>;
  /** Sets the run's status (in the record, its run snapshot and its row) and `updatedAt`. */
  setStatus(id: string, status: RunStatus): Promise<StorageResult<SavedRunSummary>>;
  /**
   * Marks every run left 'running' or 'paused' whose run lock is free, except `exceptId`, as
   * 'stopped' (a run another tab is running keeps its status); resolves with how many changed.
   */
  markInterrupted(exceptId?: string): Promise<StorageResult<number>>;
}

/** A run's latest checkpoint with the run state of its moment, saved with the run (RunHistory.put). */
export interface LatestCheckpoint {
  readonly checkpoint: RunCheckpoint;
  readonly run: RunState;
}

/** Options of createRunHistory. */
export interface RunHistoryOptions {
  /** The clock for `updatedAt` and `savedAt` (default: the current time). */
  readonly now?: () => Date;
  /** Which runs another tab is running (default: the page's Web Locks, see run-locks.ts). */
  readonly locks?: RunLocks;
}

/** The readable record `id`; a StorageProblem when it is gone or damaged. */
async function mustGet(
  tx: HistoryTransaction<IDBTransactionMode>,
  id: string,
): Promise<SavedRunRecord> {
  const raw: unknown = await tx.objectStore('runs').get(id);
  if (raw === undefined) throw new StorageProblem(MISSING_RUN_PROBLEM);
  const read = readSavedRun(raw);
  if (!read.ok) throw new StorageProblem(read.problem);
  return read.value;
}

/** Writes `record` and its history row in `tx`; resolves with the row. */
async function write(
  tx: HistoryTransaction<'readwrite'>,
  record: SavedRunRecord,
): Promise<SavedRunSummary> {
  const summary = summaryOf(record);
  await tx.objectStore('runs').put(record);
  await tx.objectStore('summaries').put(summary);
  return summary;
}

/** `record` with `status` in its summary fields and in its run snapshot. */
function withStatus(record: SavedRunRecord, status: RunStatus): SavedRunRecord {
  return { ...record, status, run: { ...record.run, status } };
}

/** A stored checkpoint entry, shape-checked; a problem when it is damaged or of another layout. */
function readCheckpoint(raw: unknown): SavedCheckpoint {
  if (!isRecord(raw) || typeof raw.runId !== 'string' || typeof raw.savedAt !== 'string')
    throw new StorageProblem(DAMAGED_CHECKPOINT_PROBLEM);
  if (isRecord(raw.checkpoint) && raw.checkpoint.version !== CHECKPOINT_VERSION)
    throw new StorageProblem(OLD_CHECKPOINT_PROBLEM);
  const checkpoint = checkpointSchema.safeParse(raw.checkpoint);
  const run = readRunState(raw.run);
  if (!checkpoint.success || !run.ok) throw new StorageProblem(DAMAGED_CHECKPOINT_PROBLEM);
  return { runId: raw.runId, savedAt: raw.savedAt, checkpoint: checkpoint.data, run: run.value };
}

/** The readable history rows of runs left 'running' or 'paused', most recently updated first. */
async function unfinishedRows(
  tx: HistoryTransaction<IDBTransactionMode>,
): Promise<SavedRunSummary[]> {
  const out: SavedRunSummary[] = [];
  let cursor = await tx.objectStore('summaries').index('updatedAt').openCursor(null, 'prev');
  while (cursor) {
    const row = readHistoryEntry(String(cursor.primaryKey), cursor.value);
    if (!row.damaged && UNFINISHED.has(row.status)) out.push(row);
    cursor = await cursor.continue();
  }
  return out;
}

/** The run history stored in `db` (from openHistoryDb). */
export function createRunHistory(db: HistoryDb, options: RunHistoryOptions = {}): RunHistory {
  const stamp = (): string => (options.now ?? (() => new Date()))().toISOString();
  const locks = options.locks ?? createRunLocks();

  /** The ids among `rows` whose run lock is free, in order (asked outside any transaction: a lock request is not an IndexedDB request). */
  const freeIds = async (rows: readonly SavedRunSummary[]): Promise<string[]> => {
    const free: string[] = [];
    for (const row of rows) if (await locks.isFree(row.id)) free.push(row.id);
    return free;
  };

  return {
    list: () =>
      attempt(() =>
        inTransaction(db, ['summaries'], 'readonly', async (tx) => {
          const out: HistoryEntry[] = [];
          let cursor = await tx
            .objectStore('summaries')
            .index('updatedAt')
            .openCursor(null, 'prev');
          while (cursor) {
            out.push(readHistoryEntry(String(cursor.primaryKey), cursor.value));
            cursor = await cursor.continue();
          }
          return out;
        }),
      ),

    get: (id) =>
      attempt(() =>
        inTransaction(db, ['runs'], 'readonly', async (tx) => {
          const raw: unknown = await tx.objectStore('runs').get(id);
          if (raw === undefined) return null;
          const read = readSavedRun(raw);
          if (!read.ok) throw new StorageProblem(read.problem);
          return read.value;
        }),
      ),

    put: (record, latest) =>
      attempt(() => {
        const name = checkRunName(record.name);
        if (!name.ok) throw new StorageProblem(name.problem);
        const stores: HistoryStore[] =
          latest === undefined ? ['runs', 'summaries'] : ['runs', 'summaries', 'checkpoints'];
        return inTransaction(db, stores, 'readwrite', async (tx) => {
          const raw: unknown = await tx.objectStore('summaries').get(record.id);
          const old = raw === undefined ? null : readHistoryEntry(record.id, raw);
          const kept = old !== null && !old.damaged ? old : null;
          const updatedAt = stamp();
          if (latest) {
            const { checkpoint, run } = latest;
            const saved: SavedCheckpoint = {
              runId: record.id,
              savedAt: updatedAt,
              checkpoint,
              run,
            };
            await tx.objectStore('checkpoints').put(saved);
          } else if (latest === null) await tx.objectStore('checkpoints').delete(record.id);
          const checkpointStep =
            latest === undefined
              ? (kept?.checkpointStep ?? null)
              : (latest?.checkpoint.step ?? null);
          return write(tx, {
            ...record,
            name: name.value,
            createdAt: kept?.createdAt ?? record.createdAt,
            updatedAt,
            checkpointStep,
          });
        });
      }),

    putCheckpoint: (runId, checkpoint, run) =>
      attempt(() =>
        inTransaction(db, ['runs', 'summaries', 'checkpoints'], 'readwrite', async (tx) => {
          const record = await mustGet(tx, runId);
          const saved: SavedCheckpoint = { runId, savedAt: stamp(), checkpoint, run };
          await tx.objectStore('checkpoints').put(saved);
          await write(tx, { ...record, checkpointStep: checkpoint.step, updatedAt: saved.savedAt });
          return saved;
        }),
      ),

    getCheckpoint: (runId) =>
      attempt(() =>
        inTransaction(db, ['checkpoints'], 'readonly', async (tx) => {
          const raw: unknown = await tx.objectStore('checkpoints').get(runId);
          return raw === undefined ? null : readCheckpoint(raw);
        }),
      ),

    removeCheckpoint: (runId) =>
      attempt(() =>
        inTransaction(db, ['runs', 'summaries', 'checkpoints'], 'readwrite', async (tx) => {
          await tx.objectStore('checkpoints').delete(runId);
          const raw: unknown = await tx.objectStore('runs').get(runId);
          if (raw === undefined) return;
          const read = readSavedRun(raw);
          // A damaged record keeps its damaged row; only its checkpoint goes.
          if (read.ok && read.value.checkpointStep !== null)
            await write(tx, { ...read.value, checkpointStep: null });
        }),
      ),

    rename: (id, name) =>
      attempt(() => {
        const checked = checkRunName(name);
        if (!checked.ok) throw new StorageProblem(checked.problem);
        return inTransaction(db, ['runs', 'summaries'], 'readwrite', async (tx) =>
          write(tx, { ...(await mustGet(tx, id)), name: checked.value }),
        );
      }),

    remove: (id) =>
      attempt(() =>
        inTransaction(db, ['runs', 'summaries', 'checkpoints'], 'readwrite', async (tx) => {
          await tx.objectStore('runs').delete(id);
          await tx.objectStore('summaries').delete(id);
          await tx.objectStore('checkpoints').delete(id);
        }),
      ),

    interrupted: () =>
      attempt(async () => {
        const candidates = await inTransaction(
          db,
          ['summaries', 'checkpoints'],
          'readonly',
          async (tx) => {
            const withCheckpoint = new Set(await tx.objectStore('checkpoints').getAllKeys());
            return (await unfinishedRows(tx)).filter((row) => withCheckpoint.has(row.id));
          },
        );
        for (const row of candidates) {
          if (!(await locks.isFree(row.id))) continue;
          const record = await inTransaction(db, ['runs'], 'readonly', async (tx) => {
            const read = readSavedRun(await tx.objectStore('runs').get(row.id));
            return read.ok && UNFINISHED.has(read.value.status) ? read.value : null;
          });
          if (record !== null) return record;
        }
        return null;
      }),

    isInterrupted: (id) =>
      attempt(async () => {
        const row = await inTransaction(db, ['summaries'], 'readonly', async (tx) => {
          const raw: unknown = await tx.objectStore('summaries').get(id);
          return raw === undefined ? null : readHistoryEntry(id, raw);
        });
        if (row === null || row.damaged || !UNFINISHED.has(row.status)) return false;
        return locks.isFree(id);
      }),

    setStatus: (id, status) =>
      attempt(() =>
        inTransaction(db, ['runs', 'summaries'], 'readwrite', async (tx) =>
          write(tx, { ...withStatus(await mustGet(tx, id), status), updatedAt: stamp() }),
        ),
      ),

    markInterrupted: (exceptId) =>
      attempt(async () => {
        const rows = await inTransaction(db, ['summaries'], 'readonly', unfinishedRows);
        const free = await freeIds(rows.filter((row) => row.id !== exceptId));
        if (free.length === 0) return 0;
        return inTransaction(db, ['runs', 'summaries'], 'readwrite', async (tx) => {
          let changed = 0;
          for (const id of free) {
            const raw: unknown = await tx.objectStore('runs').get(id);
            const read = raw === undefined ? null : readSavedRun(raw);
            // Gone, damaged or finished meanwhile: nothing to mark.
            if (read === null || !read.ok || !UNFINISHED.has(read.value.status)) continue;
            await write(tx, withStatus(read.value, 'stopped'));
            changed += 1;
          }
          return changed;
        });
      }),
  };
}
