/**
 * BatchNorm with batch statistics and a hand-written gradient, dx = rstd * (dy - mean(dy) -
 * y * mean(dy * y)). On cpu, wasm and webgpu it runs as one fused kernel each way (kernels/
 * batch-norm-train.ts: channel sums, no matrix product; WGSL programs on webgpu); on webgl as a
 * composition whose per-channel means are reductions over the rows of the [m, c] view. tfjs's own
 * autodiff of tf.moments would cost about twenty kernels per call.
 */
import * as tf from '@tensorflow/tfjs';
import { fusedPathOn } from './fusion';
import { fusedBatchNorm, hasFusedKernels } from './kernels/fused';

/** BatchNorm's epsilon (PyTorch's default). */
export const BN_EPSILON = 1e-5;

/** Per-column mean of [m, c] as [1, c], by reduction. */
export function columnMean(x: tf.Tensor2D): tf.Tensor2D {
  return tf.mean(x, 0, true);
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

/** The composed path (tfjs ops, reductions for the means): the reference the fused kernel is checked against. */
export function composedBatchNormalise(x: tf.Tensor): tf.Tensor {
  return normalise(x);
}

/** Normalises each channel (last axis) with the mean and variance of the batch (biased variance, as PyTorch). */
export function batchNormalise(x: tf.Tensor): tf.Tensor {
  return fusedPathOn() && hasFusedKernels() && x.dtype === 'float32'
    ? fusedBatchNorm(x, BN_EPSILON)
    : normalise(x);
}

/**
 * The same normalisation by plain autodiff of its moments (about twenty kernels): slower, but its
 * gradient is differentiable again, which the hand-written gradient above is not (grasp needs it).
 */
export function differentiableBatchNormalise(x: tf.Tensor): tf.Tensor {
  const c = x.shape[x.rank - 1] ?? 1;
  const x2 = tf.reshape(x, [-1, c]) as tf.Tensor2D;
  const centred = tf.sub(x2, columnMean(x2));
  const rstd = tf.rsqrt(tf.add(columnMean(tf.square(centred) as tf.Tensor2D), BN_EPSILON));
  return tf.reshape(tf.mul(centred, rstd), x.shape);
}
