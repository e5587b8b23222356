/**
 * The saved-run record: one run as the run history keeps it in this browser (its spec, its folded
 * run state and the fields its history row shows), and that row, the run summary.
 *
 * Record version history:
 * - 1: the record as first stored: id, name, createdAt, updatedAt, spec, run, status, strategy,
 *   dataset, bestAcc, step, totalSteps, checkpointStep. Records written before versions were
 *   recorded have no `version` field and are version 1. Specs and run states saved before later
 *   settings and fields existed (the DARTS options, diagnostics, early stop, selection) read with
 *   those at their defaults (a run state saved before recoveries were recorded has none).
 *   Records and history rows written before the `seed` and `settings` fields existed read them
 *   from the record's spec; history rows stored without them read with
 *   `seed: null` and `settings: {}` (the row shows neither until its run is saved again).
 */
import type { DatasetId, ExperimentSpec, StrategyKind } from '../experiment/spec';
import type { HistorySettings } from './history-settings';
import type { RunStatus } from './protocol';
import type { RunState } from './state';

/** The record version this code writes and the newest it reads. */
export const SAVED_RUN_VERSION = 1;

/** One saved run: the spec it ran, its folded run state (downsampled events, subnets, result) and summary fields. */
export interface SavedRunRecord {
  /** The record layout (see the version history above). */
  readonly version: typeof SAVED_RUN_VERSION;
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
  readonly checkpointStep: number | null;
  /** The experiment's seed (null: saved before it was recorded). */
  readonly seed: number | null;
  /** The settings the history tells runs apart by (core/run/history-settings.ts; {} before they were recorded). */
  readonly settings: HistorySettings;
}

/** A readable saved run as the history lists it: the record's fields without its spec and run snapshot. */
export type SavedRunSummary = Omit<SavedRunRecord, 'spec' | 'run' | 'version'> & {
  readonly damaged: false;
};

/** A saved run that could not be read: listed so it can be deleted, with why it cannot be opened. */
export interface DamagedRunSummary {
  readonly damaged: true;
  readonly id: string;
  /** The record's own name when it could be read, else a stand-in. */
  readonly name: string;
  /** ISO date-times when the record had them; `updatedAt` is '' otherwise (listed last). */
  readonly createdAt: string | null;
  readonly updatedAt: string;
  /** "This saved run could not be read: …", in plain words. */
  readonly problem: string;
}

/** One row of the history: a readable run or a damaged one. */
export type HistoryEntry = SavedRunSummary | DamagedRunSummary;

/** The name a damaged run is listed under when its own cannot be read. */
export const DAMAGED_RUN_NAME = 'Unreadable saved run';

/** The sentence that says why a saved run cannot be read. */
export function damagedProblem(what: string): string {
  return `This saved run could not be read: ${what}.`;
}

/** The record's history row. */
export function summaryOf(record: SavedRunRecord): SavedRunSummary {
  const { spec: _spec, run: _run, version: _version, ...summary } = record;
  return { ...summary, damaged: false };
}
