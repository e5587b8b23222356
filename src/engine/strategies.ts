/**
 * The engine's strategy registry: the runner of each strategy kind (each in its own folder, with
 * its loop and checkpoint). A new strategy adds its folder and a row here, beside its row in core's
 * registry (core/strategy/registry.ts).
 */
import type { ExperimentSpec, LoadedDataset, StrategyKind } from '../core/experiment/spec';
import type { RunCheckpoint } from '../core/run/checkpoint';
import type { RunControl } from '../core/run/control';
import type { RunStatus } from '../core/run/protocol';
import type { Emit } from './step-gate';
import { runDarts } from './darts/runner';
import { runGdas } from './gdas/runner';
import { runMultiTrial } from './multi-trial/runner';
import { runPcDarts } from './pc-darts/runner';
import { runSpos } from './spos/runner';
import { runZeroCost } from './zero-cost/runner';

/** Runs a spec of one kind to its end (see each runner for its events); never throws. */
export type StrategyRunner = (
  spec: ExperimentSpec,
  data: LoadedDataset,
  control: RunControl,
  emit: Emit,
  resume?: RunCheckpoint,
) => Promise<RunStatus>;

/** The runner of each kind (a missing kind fails to compile). */
export const RUNNERS: Readonly<Record<StrategyKind, StrategyRunner>> = {
  darts: runDarts,
  gdas: runGdas,
  'pc-darts': runPcDarts,
  spos: runSpos,
  'multi-trial': runMultiTrial,
  'zero-cost': runZeroCost,
};
