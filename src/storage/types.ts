/** What the run history keeps in IndexedDB: saved runs, their latest checkpoints, and the result of every storage call. */
import type { DBSchema, IDBPDatabase } from 'idb';
import type { RunCheckpoint } from '../core/run/checkpoint';
import type { RunState } from '../core/run/state';

/** The saved-run record format and its history rows live in core (src/core/run/saved-run.ts). */
export type {
  DamagedRunSummary,
  HistoryEntry,
  SavedRunRecord,
  SavedRunSummary,
} from '../core/run/saved-run';

/** A run's latest checkpoint with the run state of its moment. */
export interface SavedCheckpoint {
  readonly runId: string;
  /** ISO date-time. */
  readonly savedAt: string;
  readonly checkpoint: RunCheckpoint;
  readonly run: RunState;
}

/** The outcome of a storage call: a value, or a plain sentence saying what went wrong. Never thrown. */
export type StorageResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

/**
 * The IndexedDB layout of database 'nas-studio', version 2. Values are typed `unknown` where they
 * are read back: every record and row passes its schema check (src/core/run/saved-run-read.ts).
 * - runs: saved-run records by id, indexed by updatedAt;
 * - summaries (added in 2): each run's history row by id, indexed by updatedAt, written in the same
 *   transaction as its record, so the history is listed without reading whole records;
 * - checkpoints: one SavedCheckpoint per run, by runId.
 */
export interface HistoryDbSchema extends DBSchema {
  runs: { key: string; value: unknown; indexes: { updatedAt: string } };
  summaries: { key: string; value: unknown; indexes: { updatedAt: string } };
  checkpoints: { key: string; value: unknown };
}

/** An open connection to the run history database. */
export type HistoryDb = IDBPDatabase<HistoryDbSchema>;
