/** What the run history keeps in IndexedDB: saved runs, their latest checkpoints, and the result of every storage call. */
import type { DBSchema, IDBPDatabase } from 'idb';
import type { DatasetId, ExperimentSpec, StrategyKind } from '../core/experiment/spec';
import type { RunCheckpoint } from '../core/run/checkpoint';
import type { RunStatus } from '../core/run/protocol';
import type { RunState } from '../core/run/state';

/** One saved run: the spec it ran, its folded run state (downsampled events, subnets, result) and summary fields. */
export interface SavedRunRecord {
  /** Unique across sessions (not the page's per-session `RunState.runId`). */
  readonly id: string;
  readonly name: string;
  /** ISO date-times. `updatedAt` orders the history, newest first. */
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly spec: ExperimentSpec;
  /** The run state snapshot, for a read-only replay. */
  readonly run: RunState;
  readonly status: RunStatus;
  readonly strategy: StrategyKind;
  readonly dataset: DatasetId;
  /** Validation accuracy in [0, 1] shown in the history (see `bestAccuracy`), or null before any. */
  readonly bestAcc: number | null;
  /** Training steps done and the run's step budget (0 before the run announced it). */
  readonly step: number;
  readonly totalSteps: number;
  /** Step of the run's latest saved checkpoint, or null when it has none. */
  readonly checkpointStep: number | null;
}

/** A saved run as the history panel lists it: the record without its spec and run snapshot. */
export type SavedRunSummary = Omit<SavedRunRecord, 'spec' | 'run'>;

/** The latest checkpoint of a run (one per run), with the run state at that step to resume the page from. */
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

/** The IndexedDB layout of database 'nas-studio', version 1. */
export interface HistoryDbSchema extends DBSchema {
  runs: { key: string; value: SavedRunRecord; indexes: { updatedAt: string } };
  checkpoints: { key: string; value: SavedCheckpoint };
}

/** An open connection to the run history database. */
export type HistoryDb = IDBPDatabase<HistoryDbSchema>;
