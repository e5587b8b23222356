/** Multi-trial settings for engine tests on the micro DARTS space. */
import { defaultMultiTrial } from '../../core/experiment/defaults';
import type { MultiTrialStrategySpec } from '../../core/experiment/spec';
import { spaceSize } from '../../core/search-space/size';
import { microSpec } from '../checkpoint-runs.testkit';
import { microDarts, testStrategy } from '../spaces.testkit';

/** Regularized evolution over 4 trials of one epoch of 3 steps each (24 training examples, batch 8), population 2. */
export function microEvolution(): MultiTrialStrategySpec {
  const base = microSpec(testStrategy(1));
  return {
    ...defaultMultiTrial(base.dataset, spaceSize(microDarts())),
    search: 'evolution',
    epochs: 1,
    batchSize: 8,
    trials: 4,
    population: 2,
    sample: 2,
    calibrationBatches: 1,
  };
}
