/** GDAS's op weights on the device: the sampled one-hot in the forward pass, the Gumbel-softmax's gradient in the backward pass. */
import * as tf from '@tensorflow/tfjs';

/**
 * The straight-through estimator h = onehot - stopgrad(soft) + soft, written so that its value is
 * exactly `onehot` (no rounding from the subtraction) and its gradient is the identity into `soft`.
 */
export function straightThrough(soft: tf.Tensor2D, onehot: tf.Tensor2D): tf.Tensor2D {
  const ste = tf.customGrad((...args) => {
    const x = args[0];
    if (!(x instanceof tf.Tensor))
      throw new Error('The straight-through estimator takes a tensor.');
    return { value: tf.add(tf.mul(x, 0), onehot), gradFunc: (dy: tf.Tensor) => dy };
  });
  return ste(soft) as tf.Tensor2D;
}

/**
 * The hard weights of one role: soft = softmax((log_softmax(masked) + noise) / tau) over each
 * edge's ops (padding columns of `masked` at -1e9 get 0), and one-hot rows at `chosen`, joined by
 * the straight-through estimator. Call inside tf.tidy.
 */
export function hardWeights(
  masked: tf.Tensor2D,
  noise: tf.Tensor2D,
  chosen: readonly number[],
  tau: number,
): tf.Tensor2D {
  const soft = tf.softmax(tf.div(tf.add(tf.logSoftmax(masked), noise), tau)) as tf.Tensor2D;
  const onehot = tf
    .oneHot(tf.tensor1d([...chosen], 'int32'), soft.shape[1])
    .toFloat() as tf.Tensor2D;
  return straightThrough(soft, onehot);
}
