/** Test helpers for the search view: specs of each strategy, subnet records and runs that ended with them. */
import { defaultExperiment, defaultMultiTrial, defaultSpos } from '../core/experiment/defaults';
import type { BuiltInDatasetId, ExperimentSpec } from '../core/experiment/spec';
import type { RunStatus, SubnetRecord } from '../core/run/protocol';
import { spaceSize } from '../core/search-space/size';
import type { Genotype } from '../core/search-space/types';
import { beginRun, foldEvents, withEnd } from '../core/run/fold';
import { initialRunState, type RunState } from '../core/run/state';

/** A genotype of the teaching cell. */
export const GENOTYPE: Genotype = {
  normal: { edges: [{ from: 'x', to: 'h1', op: 'dense_relu' }], concat: ['h1'] },
  reduce: null,
};

/** A subnet record scored `accuracy` (inherited weights) at `params` params and twice as many FLOPs. */
export function record(
  key: string,
  accuracy: number,
  params: number,
  extra: Partial<SubnetRecord> = {},
): SubnetRecord {
  return {
    key,
    genotype: GENOTYPE,
    accuracy,
    evaluation: 'inherited',
    params,
    flops: 2 * params,
    latencyMs: params / 100,
    generation: 0,
    origin: 'random',
    ...extra,
  };
}

/** The teaching (2D) or NB201 (MNIST) default experiment with `seed`. */
function base(dataset: BuiltInDatasetId, seed: number): ExperimentSpec {
  return defaultExperiment(dataset === 'mnist' ? 'nb201' : 'teaching', dataset, seed);
}

/** A SPOS + evolution experiment. */
export function sposSpec(seed = 1, dataset: BuiltInDatasetId = 'spiral'): ExperimentSpec {
  const spec = base(dataset, seed);
  return { ...spec, strategy: defaultSpos(spec.dataset, spaceSize(spec.space)) };
}

/** A multi-trial random-search experiment. */
export function multiTrialSpec(seed = 1, dataset: BuiltInDatasetId = 'spiral'): ExperimentSpec {
  const spec = base(dataset, seed);
  const strategy = defaultMultiTrial(spec.dataset, spaceSize(spec.space));
  return { ...spec, strategy: { ...strategy, search: 'random' } };
}

/** A DARTS experiment. */
export function dartsSpec(seed = 1, dataset: BuiltInDatasetId = 'spiral'): ExperimentSpec {
  return base(dataset, seed);
}

/** A run of `spec` numbered `runId` that evaluated `records` and ended with `status` (or is still running). */
export function runWith(
  spec: ExperimentSpec,
  runId: number,
  records: readonly SubnetRecord[],
  status: RunStatus = 'finished',
): RunState {
  const begun = beginRun({ ...initialRunState(), runId: runId - 1 }, spec);
  const folded = foldEvents(
    begun,
    records.map((r) => ({ type: 'subnet', record: r })),
  );
  return status === 'running' ? folded : withEnd(folded, status);
}
