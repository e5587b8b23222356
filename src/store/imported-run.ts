/** A run file as a run state, so an imported run replays read-only in the same views as a saved one. */
import type { EdgeWeightLists, RunFile } from '../core/export/run-file';
import type { AlphaSnapshot } from '../core/run/protocol';
import { appendPoints, emptySeries } from '../core/series/downsample';
import { appendHeadTail } from '../core/series/head-tail';
import type { ReplayedRun } from './history-state';
import { REPLAY_RUN_ID } from './history-state';
import { initialRunState, type RunState } from '../core/run/state';

/** The run state a run file describes: its spec, status, series, subnets, result and DARTS diagnostics (no alphas: run files do not carry them). */
export function runStateOfFile(file: RunFile): RunState {
  const base = initialRunState();
  const step = file.series.steps[file.series.steps.length - 1]?.step ?? 0;
  return {
    ...base,
    runId: REPLAY_RUN_ID,
    status: file.status,
    spec: file.spec,
    steps: appendPoints(emptySeries(), file.series.steps),
    evals: appendPoints(emptySeries(), file.series.evals),
    stepLog: appendHeadTail(base.stepLog, file.series.steps),
    subnets: file.subnets,
    diagnostics: file.diagnostics,
    expectedLatency: file.expectedLatency,
    earlyStop: file.earlyStop,
    selection: file.selection,
    genotype: file.result ? { step, genotype: file.result.genotype } : null,
    result: file.result
      ? {
          step,
          genotype: file.result.genotype,
          metrics: file.result.metrics,
          weights: {},
          ...(file.result.edgeWeights === undefined
            ? {}
            : { edgeWeights: edgeWeightSnapshot(file.result.edgeWeights) }),
        }
      : null,
  };
}

/** A run file's edge weights (PC-DARTS) as the run state holds them. */
function edgeWeightSnapshot(lists: EdgeWeightLists): AlphaSnapshot {
  const out: AlphaSnapshot = {};
  if (lists.normal) out.normal = Float32Array.from(lists.normal);
  if (lists.reduce) out.reduce = Float32Array.from(lists.reduce);
  return out;
}

/** An imported run file, named after its file, ready to replay. */
export function replayOfFile(file: RunFile, fileName: string): ReplayedRun {
  return {
    id: `imported:${fileName}`,
    name: fileName,
    spec: file.spec,
    run: runStateOfFile(file),
    createdAt: file.startedAt ?? file.exportedAt,
  };
}
