/**
 * The end of a DARTS run's search: a selected cell scored with the supernet's inherited weights (as
 * SPOS scores its subnets), and perturbation-based selection run under the run's control with its
 * phase, progress and decisions reported.
 */
import { DARTS_CALIBRATION_BATCHES } from '../core/experiment/defaults';
import { subnetCost } from '../core/cost/network-cost';
import type { Rng } from '../core/random';
import type { RunControl } from '../core/run/control';
import type { SubnetRecord } from '../core/run/protocol';
import type { Genotype } from '../core/search-space/types';
import { genotypeKey } from '../core/strategies/genotype-key';
import { genotypePath } from '../core/strategies/path';
import type { Origin } from '../core/strategies/types';
import { calibrationBatches } from './bn-recalibrate';
import type { Emit, RunState, SupernetSearchSpec } from './darts/loop';
import { selectByPerturbation } from './selection/perturbation';
import { genotypeLatency } from './latency-loss/search-term';
import { evaluateSubnet } from './subnet-eval';

/**
 * A selected cell as an evaluated subnet: its validation accuracy with the supernet's inherited
 * weights after BatchNorm recalibration on seeded training batches drawn with `rng` (as SPOS scores
 * its subnets), so the gap to the supernet's own validation accuracy is the discretization gap.
 * Stand-alone params and FLOPs; its latency priced by the run's lookup table when it measured one
 * (a latency loss), else null.
 */
export async function inheritedSubnet(
  st: RunState<SupernetSearchSpec>,
  genotype: Genotype,
  origin: Extract<Origin, 'derived' | 'perturbation'>,
  rng: Rng,
): Promise<SubnetRecord> {
  const { spec, data, net } = st;
  const batchSize = st.strategy.batchSize;
  const calibration = calibrationBatches(
    data.train,
    data.input,
    batchSize,
    DARTS_CALIBRATION_BATCHES,
    rng,
  );
  const score = await evaluateSubnet(net, genotypePath(spec.space, genotype), data.valid, {
    input: data.input,
    calibration,
    batchSize,
  });
  const cost = subnetCost(spec.space, genotype, data.input, data.classes);
  return {
    key: genotypeKey(spec.space, genotype),
    genotype,
    accuracy: score.accuracy,
    evaluation: 'inherited',
    params: cost.params,
    flops: cost.flops,
    latencyMs: genotypeLatency(spec, data, genotype, st.latencyLoss?.table ?? null),
    generation: 0,
    origin,
  };
}

/**
 * Perturbation-based selection on the trained supernet (which it fine-tunes in place): a
 * 'selection' phase with progress per decision, the 'selection' decisions, and the selected cell as
 * a 'subnet' (origin 'perturbation', scored with the tuned supernet's weights; none when it equals
 * the magnitude cell, whose key is `magnitudeKey`). Pause and stop act
 * between measurements and tuning steps. Resolves the selected genotype, or null when the run was
 * stopped during the selection (a status says the magnitude cell stands).
 */
export async function perturbationSelection(
  st: RunState,
  control: RunControl,
  emit: Emit,
  rngs: { readonly selection: Rng },
  magnitudeKey: string,
): Promise<Genotype | null> {
  emit({
    type: 'phase',
    phase: 'selection',
    message: `Perturbation-based selection: each edge keeps the op whose removal hurts validation accuracy most, with ${st.strategy.tuneEpochs} tuning epoch(s) between rounds.`,
  });
  const scoreRng = rngs.selection.fork();
  const result = await selectByPerturbation(
    st.net,
    { space: st.spec.space, strategy: st.strategy },
    st.data,
    { tuneEpochs: st.strategy.tuneEpochs },
    rngs.selection,
    {
      gate: () => control.gate(),
      onProgress: (p) =>
        emit({ type: 'progress', phase: 'selection', done: p.done, total: p.total }),
    },
  );
  emit({ type: 'selection', decisions: result.decisions });
  if (result.status === 'stopped') {
    emit({
      type: 'status',
      status: 'running',
      step: st.step,
      message: `Perturbation-based selection was stopped after ${result.decisions.length} decision(s); the run ends with the magnitude (argmax α) cell.`,
    });
    return null;
  }
  // The same cell as the magnitude one is not listed twice (subnet keys are unique in a run).
  if (genotypeKey(st.spec.space, result.genotype) !== magnitudeKey)
    emit({
      type: 'subnet',
      record: await inheritedSubnet(st, result.genotype, 'perturbation', scoreRng),
    });
  return result.genotype;
}
