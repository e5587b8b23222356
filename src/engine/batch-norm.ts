/**
 * BatchNorm with batch statistics and a hand-written gradient. tfjs's autodiff of tf.moments costs
 * about twenty kernels per call (and per-channel means over NHWC transpose the whole tensor on
 * wasm); here the per-channel means are matrix products with a constant row and the backward pass
 * is the closed form dx = rstd * (dy - mean(dy) - y * mean(dy * y)).
 */
import * as tf from '@tensorflow/tfjs';

/** BatchNorm's epsilon (PyTorch's default). */
export const BN_EPSILON = 1e-5;

/** Per-column mean of [m, c] as [1, c]. */
export function columnMean(x: tf.Tensor2D): tf.Tensor2D {
  return tf.matMul(tf.fill([1, x.shape[0]], 1 / x.shape[0]), x);
}

const normalise = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const x = args[0] as tf.Tensor;
  const save = args[1] as tf.GradSaveFunc;
  const c = x.shape[x.rank - 1] ?? 1;
  const x2 = tf.reshape(x, [-1, c]) as tf.Tensor2D;
  const centred = tf.sub(x2, columnMean(x2)) as tf.Tensor2D;
  const rstd = tf.rsqrt(tf.add(columnMean(tf.square(centred) as tf.Tensor2D), BN_EPSILON));
  const y = tf.mul(centred, rstd) as tf.Tensor2D;
  save([y, rstd]);
  return {
    value: tf.reshape(y, x.shape),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [ys, r] = saved as [tf.Tensor2D, tf.Tensor2D];
      const d = tf.reshape(dy, [-1, c]) as tf.Tensor2D;
      const inner = tf.sub(
        tf.sub(d, columnMean(d)),
        tf.mul(ys, columnMean(tf.mul(d, ys) as tf.Tensor2D)),
      );
      return tf.reshape(tf.mul(inner, r), dy.shape);
    },
  };
});

/** Normalises each channel (last axis) with the mean and variance of the batch (biased variance, as PyTorch). */
export function batchNormalise(x: tf.Tensor): tf.Tensor {
  return normalise(x);
}
