/**
 * A DARTS run's collapse diagnostics at the end of each epoch: the dominant Hessian eigenvalue of
 * the validation loss in the alphas (warm-started from the last epoch's eigenvector), the derived
 * normal cell's skip connections and parameter-free ops, how long every edge's op ranking has held,
 * and which DARTS+ rule, if any, holds.
 */
import * as tf from '@tensorflow/tfjs';
import {
  collapseCounts,
  dartsPlusChecks,
  dartsPlusRule,
  opRanking,
  sameRanking,
  type EarlyStopRule,
} from '../../core/diagnostics/collapse';
import type { DartsStrategySpec, DataSplit, InputShape } from '../../core/experiment/spec';
import type { Rng } from '../../core/random';
import type { DiagnosticsMemo } from '../../core/run/checkpoint';
import type { EpochDiagnostics } from '../../core/run/protocol';
import type {
  CellAlphas,
  CellRole,
  Genotype,
  SearchSpaceSpec,
} from '../../core/search-space/types';
import { gather, toDevice, type HostBatch } from '../batches';
import { EIGEN_DEFAULTS, largestAlphaEigen } from './hessian';
import type { Supernet } from '../supernet';

/** Validation examples the Hessian is taken over: the same seeded sample every epoch, so epochs compare. */
export const HESSIAN_EXAMPLES = 64;

/** What the diagnostics carry from one epoch to the next (and through a checkpoint). */
export interface DiagnosticsState {
  /** The fixed validation sample, in batches of the run's batch size. */
  readonly sample: readonly HostBatch[];
  memo: DiagnosticsMemo;
}

/** A seeded sample of `HESSIAN_EXAMPLES` validation examples (all of them when fewer), in batches of `batchSize`. */
export function createDiagnosticsState(
  valid: DataSplit,
  input: InputShape,
  batchSize: number,
  rng: Rng,
): DiagnosticsState {
  const order = rng.shuffle(Array.from({ length: valid.count }, (_, i) => i));
  const chosen = order.slice(0, Math.min(HESSIAN_EXAMPLES, valid.count));
  const sample: HostBatch[] = [];
  for (let i = 0; i < chosen.length; i += batchSize)
    sample.push(gather(valid, input, chosen.slice(i, i + batchSize)));
  return { sample, memo: { eigenvector: null, ranking: null, stableFor: 0 } };
}

/** The epoch's diagnostics and the DARTS+ rule that holds (null when none does or DARTS+ is off). */
export interface EpochReport {
  readonly diagnostics: EpochDiagnostics;
  readonly rule: EarlyStopRule | null;
}

/** The op rankings of every searched cell, normal first. */
function rankings(space: SearchSpaceSpec, rows: Partial<Record<CellRole, CellAlphas>>): number[][] {
  const out = opRanking(space.normal, rows.normal ?? []);
  if (space.reduce && rows.reduce) out.push(...opRanking(space.reduce, rows.reduce));
  return out;
}

/**
 * The diagnostics after epoch `epoch` (step `step`) of a run whose alphas are `rows` (softmax, mean
 * normalised entropy `entropy`) and whose derived genotype is `genotype`. The eigenvalue is computed
 * only once the alphas train (after the warm-up); DARTS+ rules only where dartsPlusChecks says so.
 * Updates `state.memo`.
 */
export async function epochDiagnostics(
  net: Supernet,
  state: DiagnosticsState,
  at: { readonly epoch: number; readonly step: number },
  s: Pick<DartsStrategySpec, 'warmupEpochs' | 'earlyStop' | 'stableEpochs'>,
  space: SearchSpaceSpec,
  input: InputShape,
  view: {
    readonly rows: Partial<Record<CellRole, CellAlphas>>;
    readonly genotype: Genotype;
    readonly entropy: number | null;
  },
  rng: Rng,
): Promise<EpochReport> {
  const alphasTrain = at.epoch > s.warmupEpochs;
  let eigenvalue: number | null = null;
  let eigenvector = state.memo.eigenvector;
  if (alphasTrain && state.sample.length > 0) {
    const batches = state.sample.map((b) => toDevice(b, input));
    try {
      const r = await largestAlphaEigen(net, batches, {
        ...EIGEN_DEFAULTS,
        start: eigenvector,
        rng,
      });
      eigenvalue = Number.isFinite(r.value) ? r.value : null;
      eigenvector = r.vector;
    } finally {
      tf.dispose(batches.flatMap((b) => [b.x, b.y]));
    }
  }
  const ranking = rankings(space, view.rows);
  const previous = state.memo.ranking;
  const stableFor =
    alphasTrain && previous !== null && sameRanking(previous, ranking)
      ? state.memo.stableFor + 1
      : 0;
  state.memo = { eigenvector, ranking, stableFor };
  const counts = collapseCounts(view.genotype.normal);
  const rule =
    s.earlyStop === 'darts+' && dartsPlusChecks(at.epoch, s.warmupEpochs, view.entropy)
      ? dartsPlusRule(counts.skip, stableFor, s.stableEpochs)
      : null;
  return {
    diagnostics: {
      epoch: at.epoch,
      step: at.step,
      hessianEigenvalue: eigenvalue,
      skipCount: counts.skip,
      parameterFreeCount: counts.parameterFree,
      opCount: counts.ops,
      stableEpochs: stableFor,
      alphaEntropy: view.entropy,
    },
    rule,
  };
}
