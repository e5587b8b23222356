/**
 * The stand-alone reference of SPOS and multi-trial: the best subnet a search found, trained from
 * scratch with a budget long enough that its accuracy is a fair target (far longer than a
 * multi-trial trial), with one recipe per kind of data whatever the strategy's own settings.
 */
import type { DatasetId, LoadedDataset, WeightTrainingSpec } from '../../core/experiment/spec';
import { isTwoD } from '../../core/data/two-d';
import type { Genotype, SearchSpaceSpec } from '../../core/search-space/types';
import { trainStandalone } from '../../engine/standalone';

/** The paper's weight-optimiser values every reference keeps (DARTS: momentum 0.9, weight decay 3e-4, clip 5, cosine to 0.001). */
const PAPER_OPTIMISER = { weightLrMin: 0.001, momentum: 0.9, weightDecay: 3e-4, gradClip: 5 };

/** The reference training for the data: 2D sets 300 epochs at weight lr 0.1; MNIST 10 epochs at 0.05. */
export function referenceTraining(dataset: DatasetId): WeightTrainingSpec {
  return isTwoD(dataset)
    ? { ...PAPER_OPTIMISER, epochs: 300, batchSize: 32, weightLr: 0.1 }
    : { ...PAPER_OPTIMISER, epochs: 10, batchSize: 32, weightLr: 0.05 };
}

/** Validation accuracy of `genotype` trained stand-alone with the reference recipe, seeded by `seed`. */
export async function referenceAccuracy(
  space: SearchSpaceSpec,
  genotype: Genotype,
  data: LoadedDataset,
  seed: number,
): Promise<number> {
  const r = await trainStandalone(space, genotype, data, {
    ...referenceTraining(data.id),
    seed,
    calibrationBatches: 4,
  });
  return r.valid.accuracy;
}
