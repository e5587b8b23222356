/** Pure helpers for saved runs: the best accuracy and step shown in the history, run names, and a record built from run state. */
import { STRATEGY_LABELS } from '../core/strategy/registry';
import { DATASET_LABELS } from '../core/experiment/defaults';
import type { DatasetId, ExperimentSpec, StrategyKind } from '../core/experiment/spec';
import { lastPoint, seriesPoints } from '../core/series/downsample';
import type { RunState } from '../core/run/state';
import { SAVED_RUN_VERSION } from '../core/run/saved-run';
import type { SavedRunRecord, StorageResult } from './types';
import { historySettings } from '../core/run/history-settings';

/** The record's history row (defined with the record format in core). */
export { summaryOf } from '../core/run/saved-run';

/** Most characters of a run name. */
export const RUN_NAME_MAX = 80;

/** The largest finite value, or null when there is none. */
function bestOf(values: Iterable<number>): number | null {
  let best: number | null = null;
  for (const v of values) if (Number.isFinite(v) && (best === null || v > best)) best = v;
  return best;
}

/**
 * The accuracy the history shows for a run: the finished result's validation accuracy, else the
 * best evaluated subnet's accuracy, else the best validation accuracy evaluated so far, else null.
 */
export function bestAccuracy(run: Pick<RunState, 'result' | 'subnets' | 'evals'>): number | null {
  const final = run.result?.metrics.validAcc;
  if (final !== undefined && Number.isFinite(final)) return final;
  const subnet = bestOf(run.subnets.map((s) => s.accuracy));
  if (subnet !== null) return subnet;
  return bestOf(seriesPoints(run.evals).map((e) => e.validAcc));
}

/** Training steps a run has done: the finished result's step, else the latest step seen, else 0. */
export function stepsDone(run: Pick<RunState, 'result' | 'steps'>): number {
  if (run.result !== null) return run.result.step;
  return lastPoint(run.steps)?.step ?? 0;
}

/** Two digits, zero-padded. */
function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** `YYYY-MM-DD HH:MM` in local time (the same in every locale). */
export function localDateTime(at: Date): string {
  const date = `${at.getFullYear()}-${pad2(at.getMonth() + 1)}-${pad2(at.getDate())}`;
  return `${date} ${pad2(at.getHours())}:${pad2(at.getMinutes())}`;
}

/** The default name of a new run: `<strategy label> on <dataset label> · <local date time>`. */
export function runName(strategy: StrategyKind, dataset: DatasetId, at: Date): string {
  return `${STRATEGY_LABELS[strategy]} on ${DATASET_LABELS[dataset]} · ${localDateTime(at)}`;
}

/** A run name trimmed, or the plain problem when it is empty or longer than RUN_NAME_MAX characters. */
export function checkRunName(name: string): StorageResult<string> {
  const trimmed = name.trim();
  const length = [...trimmed].length;
  if (length === 0) return { ok: false, problem: 'A run name cannot be empty.' };
  if (length > RUN_NAME_MAX)
    return {
      ok: false,
      problem: `A run name can have at most ${RUN_NAME_MAX} characters; this one has ${length}.`,
    };
  return { ok: true, value: trimmed };
}

/** What a saved run is made from. */
export interface RunRecordInput {
  readonly id: string;
  readonly name: string;
  readonly spec: ExperimentSpec;
  readonly run: RunState;
  /** When the run started; also its first `updatedAt`. */
  readonly createdAt: Date;
}

/** A record for `run`, with its summary fields (status, strategy, dataset, best accuracy, steps) derived from the run state and spec. */
export function runRecord(input: RunRecordInput): SavedRunRecord {
  const { id, name, spec, run } = input;
  const at = input.createdAt.toISOString();
  return {
    version: SAVED_RUN_VERSION,
    id,
    name,
    createdAt: at,
    updatedAt: at,
    spec,
    run,
    status: run.status,
    strategy: spec.strategy.kind,
    dataset: spec.dataset.id,
    bestAcc: bestAccuracy(run),
    step: stepsDone(run),
    totalSteps: run.started?.totalSteps ?? 0,
    checkpointStep: null,
    seed: spec.seed,
    settings: historySettings(spec),
  };
}
