/** GDAS settings for engine tests: the test DARTS's optimisers, with the paper's temperature schedule. */
import type { GdasStrategySpec } from '../../core/experiment/spec';
import { GDAS_TEMPERATURE } from '../../core/experiment/defaults';
import { testStrategy } from '../spaces.testkit';

/** GDAS for `epochs` epochs at batch `batchSize`, no warm-up, the test DARTS's rates (alpha 3e-2). */
export function testGdas(epochs = 1, batchSize = 8): GdasStrategySpec {
  const d = testStrategy(1, epochs, batchSize);
  return {
    kind: 'gdas',
    epochs: d.epochs,
    batchSize: d.batchSize,
    weightLr: d.weightLr,
    weightLrMin: d.weightLrMin,
    momentum: d.momentum,
    weightDecay: d.weightDecay,
    gradClip: d.gradClip,
    alphaLr: d.alphaLr,
    alphaBeta1: d.alphaBeta1,
    alphaBeta2: d.alphaBeta2,
    alphaWeightDecay: d.alphaWeightDecay,
    warmupEpochs: d.warmupEpochs,
    ...GDAS_TEMPERATURE,
    latency: d.latency,
  };
}
