/** GDAS settings for engine tests: the test DARTS's optimisers, with the paper's temperature schedule. */
import type { GdasStrategySpec } from '../../core/experiment/spec';
import { DARTS_OPTIONS, GDAS_TEMPERATURE } from '../../core/experiment/defaults';

/** GDAS for `epochs` epochs at batch `batchSize`, no warm-up, alpha rate 3e-2. */
export function testGdas(epochs = 1, batchSize = 8): GdasStrategySpec {
  return {
    kind: 'gdas',
    epochs,
    batchSize,
    weightLr: 0.025,
    weightLrMin: 0.001,
    momentum: 0.9,
    weightDecay: 3e-4,
    gradClip: 5,
    alphaLr: 3e-2,
    alphaBeta1: 0.5,
    alphaBeta2: 0.999,
    alphaWeightDecay: 1e-3,
    warmupEpochs: 0,
    ...GDAS_TEMPERATURE,
    latency: DARTS_OPTIONS.latency,
  };
}
