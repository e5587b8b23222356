/** Builders shared by the trust tests: run states with chosen alphas and subnet records, and alpha rows of a chosen entropy. */
import {
  defaultGdas,
  defaultExperiment,
  defaultMultiTrial,
  defaultSpos,
} from '../experiment/defaults';
import type { ExperimentSpec } from '../experiment/spec';
import type { EdgeLabel, FinalMetrics, SubnetRecord } from '../run/protocol';
import { initialRunState } from '../run/state';
import { spaceSize } from '../search-space/size';
import type { Genotype } from '../search-space/types';
import { normalisedEntropy } from './alpha-entropy';
import type { TrustedRun } from './run-warnings';

/** A genotype with no edges: the warnings never read it. */
const EMPTY_GENOTYPE: Genotype = { normal: { edges: [], concat: [] }, reduce: null };

/** NB201's five ops. */
export const NB201_OPS = ['none', 'skip_connect', 'nor_conv_1x1', 'nor_conv_3x3', 'avg_pool_3x3'];

/** Six five-op edges, as the engine labels NB201's cell. */
export const NB201_EDGES: readonly EdgeLabel[] = Array.from({ length: 6 }, (_, i) => ({
  id: `e${i}`,
  from: `n${i}`,
  to: `n${i + 1}`,
  ops: NB201_OPS,
}));

/** A five-op row whose first op holds `top` and the other four share the rest evenly. */
export function topRow(top: number): number[] {
  return [top, ...Array.from({ length: 4 }, () => (1 - top) / 4)];
}

/** A five-op row (strongest op first, the rest even) whose normalised entropy is `target` (bisection, to 1e-12). */
export function rowWithEntropy(target: number): number[] {
  let lo = 0.2;
  let hi = 1;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (normalisedEntropy(topRow(mid)) > target) lo = mid;
    else hi = mid;
  }
  return topRow((lo + hi) / 2);
}

/** The default NB201-on-MNIST experiment with `kind`'s defaults. */
export function mnistSpec(
  kind: 'darts' | 'gdas' | 'spos' | 'multi-trial' = 'darts',
): ExperimentSpec {
  const base = defaultExperiment('nb201', 'mnist');
  const size = spaceSize(base.space);
  if (kind === 'gdas') return { ...base, strategy: defaultGdas(base.dataset, 'nb201') };
  if (kind === 'spos') return { ...base, strategy: defaultSpos(base.dataset, size, 'nb201') };
  if (kind === 'multi-trial')
    return { ...base, strategy: defaultMultiTrial(base.dataset, size, 'nb201') };
  return base;
}

/** A subnet record with `accuracy`; `origin` 'derived' for DARTS's derived cell. */
export function record(
  key: string,
  accuracy: number,
  origin: SubnetRecord['origin'] = 'random',
): SubnetRecord {
  return {
    key,
    genotype: EMPTY_GENOTYPE,
    accuracy,
    evaluation: 'inherited',
    params: 1000,
    flops: 1000,
    latencyMs: null,
    generation: 0,
    origin,
  };
}

/** Final metrics with validation accuracy `validAcc`. */
export function metrics(validAcc: number): FinalMetrics {
  return { trainAcc: 0.9, validAcc, testAcc: 0.9, trainLoss: 0.3, validLoss: 0.3, testLoss: 0.3 };
}

/** A finished run of `spec` whose final normal-cell alphas repeat `row` on every NB201 edge. */
export function finishedRun(
  spec: ExperimentSpec,
  options: {
    readonly row?: readonly number[];
    readonly supernetAcc?: number;
    readonly subnets?: readonly SubnetRecord[];
  } = {},
): TrustedRun {
  const run = initialRunState();
  const weights =
    options.row === undefined
      ? {}
      : { normal: Float32Array.from(NB201_EDGES.flatMap(() => options.row ?? [])) };
  return {
    ...run,
    spec,
    started: {
      totalSteps: 100,
      stepsPerEpoch: 25,
      cells: { normal: NB201_EDGES },
      trainCount: 800,
      validCount: 800,
      testCount: 400,
      paramCount: 10_000,
    },
    result: {
      step: 100,
      genotype: EMPTY_GENOTYPE,
      metrics: metrics(options.supernetAcc ?? 0.9),
      weights,
    },
    subnets: options.subnets ?? [],
  };
}
