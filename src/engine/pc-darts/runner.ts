/** The whole PC-DARTS search: DARTS's step, loop and finish on a supernet with partial channels and edge normalisation. */
import type { ExperimentSpec, LoadedDataset } from '../../core/experiment/spec';
import type { RunCheckpoint } from '../../core/run/checkpoint';
import type { RunControl } from '../../core/run/control';
import type { RunStatus } from '../../core/run/protocol';
import { dartsSearch } from '../darts/runner';
import { runLifecycle } from '../run-lifecycle';
import type { Emit } from '../step-gate';

/**
 * Runs PC-DARTS (`spec`'s strategy must be 'pc-darts') on `data`: the supernet sends 1/K of each
 * edge's channels through its mixed op and shuffles them (pc-darts/partial-op.ts), and weighs each
 * edge by the softmax of its beta over its node's incoming edges (edge-betas.ts); the betas train
 * with the alphas (the same Adam, after the warm-up) and are saved in its checkpoints after the
 * alphas. The derived cell ranks edges by beta x max op weight. Emits what runDarts emits, with
 * checkpoints of strategy 'pc-darts' and the edge weights in 'finished'. Never throws.
 */
export async function runPcDarts(
  spec: ExperimentSpec,
  data: LoadedDataset,
  control: RunControl,
  emit: Emit,
  resume?: RunCheckpoint,
): Promise<RunStatus> {
  return runLifecycle('pc-darts', spec, data, emit, resume, (run) =>
    dartsSearch(
      run,
      'pc-darts',
      run.strategy,
      { partialK: run.strategy.partialK, edgeNormalisation: true },
      spec,
      data,
      control,
      emit,
      resume,
    ),
  );
}
