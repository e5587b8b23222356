/** The default budget of a stand-alone training: long enough that its accuracy can beat the supernet's estimate. */
import { capabilitiesOf } from '../strategy/registry';
import { hasAlphas } from '../strategy/capabilities';
import { defaultDarts } from '../experiment/defaults';
import { LIMITS } from '../experiment/limits';
import type { ExperimentSpec } from '../experiment/spec';

/**
 * Stand-alone epochs for the subnets of a run of `spec`: as many epochs as a DARTS supernet of
 * the same search trains every op for: the run's own epochs for DARTS, and for SPOS and
 * multi-trial the epochs of the DARTS default for the same data and preset (defaultDarts), or a
 * multi-trial run's per-trial epochs when longer. A DARTS supernet updates every op each step, so
 * a subnet trained alone that long gets as many updates of its own weights as the supernet gave
 * it and its accuracy can beat the inherited estimate. A SPOS supernet trains one path a step, so
 * its (many more) epochs are spread over every path and are not the measure. Measured on NB201 /
 * MNIST (SPOS, seed 1, the six best of 20 random subnets, inherited 26-30%): 1 epoch left them
 * half-trained at 39-57% validation accuracy; 4 epochs reached 83-92%, 8 epochs 93-95%. Kept
 * within the spec's epoch limits.
 */
export function standaloneEpochs(spec: ExperimentSpec): number {
  const s = spec.strategy;
  const supernet = hasAlphas(s) ? s.epochs : defaultDarts(spec.dataset, spec.space.preset).epochs;
  const epochs = capabilitiesOf(s.kind).supernet ? supernet : Math.max(s.epochs, supernet);
  return Math.min(LIMITS.epochs.max, Math.max(LIMITS.epochs.min, Math.round(epochs)));
}

/** What the epochs field says when `epochs` (a valid whole number) is below the `suggested` default; null otherwise. */
export function shortEpochsNote(epochs: number, suggested: number | null): string | null {
  if (suggested === null || !Number.isInteger(epochs) || epochs < 1 || epochs >= suggested)
    return null;
  return `Fewer than the suggested ${suggested} (the supernet’s own): stand-alone accuracies may stay below the inherited ones and rank subnets by how fast they start.`;
}
