/** One IndexedDB transaction that either commits whole or reports the error that stopped it. */
import type { IDBPTransaction, StoreNames } from 'idb';
import { StorageProblem } from './storage-problem';
import type { HistoryDb, HistoryDbSchema } from './types';

/** A store of the history database. */
export type HistoryStore = StoreNames<HistoryDbSchema>;

/** A transaction over some history stores. */
export type HistoryTransaction<M extends IDBTransactionMode> = IDBPTransaction<
  HistoryDbSchema,
  HistoryStore[],
  M
>;

/** The error to report: our own problem first, then the transaction's specific error (a quota error surfaces there), else what was thrown. */
function reportedError(thrown: unknown, txError: unknown): unknown {
  if (thrown instanceof StorageProblem) return thrown;
  if (txError instanceof Error || txError instanceof DOMException)
    if (txError.name !== 'AbortError') return txError;
  return thrown;
}

/**
 * Runs `body` in one transaction over `stores` and resolves once the transaction has committed.
 * When `body` throws (a failed request, or a StorageProblem) the transaction is aborted, so
 * nothing it wrote is kept, and the most telling error is rethrown. `body` must await only requests
 * of `tx` (any other await lets the transaction commit early).
 */
export async function inTransaction<M extends IDBTransactionMode, T>(
  db: HistoryDb,
  stores: HistoryStore[],
  mode: M,
  body: (tx: HistoryTransaction<M>) => Promise<T>,
): Promise<T> {
  const tx = db.transaction(stores, mode);
  // Settles with the transaction's error (or null) and never rejects, so no rejection goes unhandled.
  const ended: Promise<unknown> = tx.done.then(
    () => null,
    (error: unknown) => error ?? new DOMException('The transaction was aborted.', 'AbortError'),
  );
  try {
    const value = await body(tx);
    const error = await ended;
    if (error !== null) throw error;
    return value;
  } catch (thrown) {
    try {
      tx.abort();
    } catch {
      // Already committed or aborted by the browser: nothing left to undo.
    }
    throw reportedError(thrown, await ended);
  }
}
