/** The default budget of a stand-alone training: long enough that its accuracy can beat the supernet's estimate. */
import { defaultDarts } from '../experiment/defaults';
import { LIMITS } from '../experiment/limits';
import type { ExperimentSpec } from '../experiment/spec';

/**
 * Stand-alone epochs for the subnets of a run of `spec`: the supernet's own epochs (DARTS, SPOS), or
 * for multi-trial runs the larger of the per-trial epochs and the supernet epochs a one-shot search
 * of the same data would train (defaultDarts). A subnet trained alone for as many epochs as the
 * supernet gets at least as many updates of its own weights as the supernet gave it (the supernet
 * spread its steps over every path), so its accuracy can beat the inherited estimate. Measured on
 * NB201 / MNIST (SPOS, seed 1, the six best of 20 random subnets, inherited 26-30%): 1 epoch (the
 * earlier default, a fifth of the supernet's) left them half-trained at 39-57% validation accuracy;
 * 4 epochs reached 83-92%, 8 epochs 93-95%. Kept within the spec's epoch limits.
 */
export function standaloneEpochs(spec: ExperimentSpec): number {
  const s = spec.strategy;
  const supernet = s.kind === 'multi-trial' ? defaultDarts(spec.dataset).epochs : s.epochs;
  const epochs = Math.max(s.epochs, supernet);
  return Math.min(LIMITS.epochs.max, Math.max(LIMITS.epochs.min, Math.round(epochs)));
}

/** What the epochs field says when `epochs` (a valid whole number) is below the `suggested` default; null otherwise. */
export function shortEpochsNote(epochs: number, suggested: number | null): string | null {
  if (suggested === null || !Number.isInteger(epochs) || epochs < 1 || epochs >= suggested)
    return null;
  return `Fewer than the suggested ${suggested} (the supernet’s own): stand-alone accuracies may stay below the inherited ones and rank subnets by how fast they start.`;
}
