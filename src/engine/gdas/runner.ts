/** The whole GDAS search: DARTS's run (darts/runner.ts) with GDAS's trainer on sampled paths. */
import type { ExperimentSpec, LoadedDataset } from '../../core/experiment/spec';
import type { RunCheckpoint } from '../../core/run/checkpoint';
import type { RunControl } from '../../core/run/control';
import type { RunStatus } from '../../core/run/protocol';
import { forKind } from '../../core/strategy/registry';
import { runSupernetSearch } from '../darts/runner';
import type { Emit } from '../step-gate';
import type { Supernet } from '../supernet';
import type { Rng } from '../../core/random';
import type { LatencyTerm } from '../latency-loss/term';
import { createGdasTrainer } from './trainer';

/** GDAS's trainer for a run: its samples seeded from the run's own stream. */
const gdasTrainer = forKind('gdas', (s, net: Supernet, rng: Rng, latency: LatencyTerm | null) =>
  createGdasTrainer(net, s, rng.int(0x7fffffff), latency),
);

/**
 * Runs GDAS (`spec`'s strategy must be 'gdas') on `data`, with the events, checkpoints, resume and
 * rules of runDarts (magnitude selection: the derived cell keeps the strongest alphas by DARTS's
 * rule). Never throws; every tensor it makes is disposed before it returns.
 */
export async function runGdas(
  spec: ExperimentSpec,
  data: LoadedDataset,
  control: RunControl,
  emit: Emit,
  resume?: RunCheckpoint,
): Promise<RunStatus> {
  return runSupernetSearch('gdas', gdasTrainer, spec, data, control, emit, resume);
}
