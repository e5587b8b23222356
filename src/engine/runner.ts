/** Runs an experiment with the runner of its strategy kind (the engine's registry, strategies.ts). */
import type { ExperimentSpec, LoadedDataset } from '../core/experiment/spec';
import type { RunCheckpoint } from '../core/run/checkpoint';
import type { RunControl } from '../core/run/control';
import type { RunStatus } from '../core/run/protocol';
import type { Emit } from './step-gate';
import { failedStatus } from './step-gate';
import { RUNNERS } from './strategies';

/**
 * Runs `spec` on `data` with its strategy's runner: darts/runner.ts (runDarts), spos/runner.ts
 * (runSpos) or multi-trial/runner.ts (runMultiTrial); each shares run-lifecycle.ts. Every runner
 * emits 'started', its own events and one final status ('finished', 'stopped' or 'failed'); with
 * `resume` (a checkpoint of the same spec) it carries the run on from there. A strategy kind the
 * engine has no runner for fails the run. Never throws; every tensor made is disposed.
 */
export async function runExperiment(
  spec: ExperimentSpec,
  data: LoadedDataset,
  control: RunControl,
  emit: Emit,
  resume?: RunCheckpoint,
): Promise<RunStatus> {
  const runner = Object.hasOwn(RUNNERS, spec.strategy.kind) ? RUNNERS[spec.strategy.kind] : null;
  if (runner === null) {
    emit(failedStatus(0, new Error(`No runner for strategy '${String(spec.strategy.kind)}'.`)));
    return 'failed';
  }
  return runner(spec, data, control, emit, resume);
}
