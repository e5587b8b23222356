/** The supernet's validation score under the selection's decisions with one op or edge masked. */
import * as tf from '@tensorflow/tfjs';
import type { DataSplit, InputShape } from '../../core/experiment/spec';
import type { MaskedScore } from '../../core/search-space/selection';
import { evaluateSplit } from '../evaluate';
import type { OpWeights, Supernet } from '../supernet';
import type { SelectionState } from './plan';
import { projectedWeights, projectedZeros, type Mask } from './projection';

/**
 * Accuracy and mean loss over the whole `split` (in order, as evaluateSplit batches it; BatchNorm
 * uses batch statistics, as darts-pt's projection evaluates in train mode) with the projected op
 * weights of `state` and `mask` removed (nothing removed without a mask).
 */
export async function maskedScore(
  net: Supernet,
  state: SelectionState,
  mask: Mask | null,
  split: DataSplit,
  input: InputShape,
  batchSize: number,
): Promise<MaskedScore> {
  const weights: OpWeights = tf.tidy(() => projectedWeights(net, state, mask ?? undefined));
  const zeros = projectedZeros(net, state, mask ?? undefined);
  try {
    const view: Supernet = { ...net, forward: (x) => net.forwardWith(x, weights, zeros) };
    const score = await evaluateSplit(view, split, input, batchSize);
    return { acc: score.acc, loss: score.loss };
  } finally {
    tf.dispose(Object.values(weights));
  }
}
