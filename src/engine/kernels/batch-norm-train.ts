/**
 * BatchNorm's training forward and backward as one kernel each, for cpu: per-channel
 * statistics summed in float64 over the rows of the [m, c] view (no matrix product, no
 * transpose), and the closed-form gradient dx = rstd * (dy - mean(dy) - y * mean(dy * y)).
 */
import type * as tf from '@tensorflow/tfjs';
import { hostKernel } from './host';

/** Kernel name of the forward pass: inputs {x}, attrs {epsilon}; outputs [y (shape of x), rstd ([c])]. */
export const BN_TRAIN = 'NasBatchNormTrain';
/** Kernel name of the backward pass: inputs {dy, y, rstd}; output dx. */
export const BN_TRAIN_GRAD = 'NasBatchNormTrainGrad';

function channelsOf(t: tf.TensorInfo): number {
  return t.shape[t.shape.length - 1] ?? 1;
}

/** y = (x - mean) / sqrt(var + epsilon) per channel (last axis), biased variance; also returns rstd. */
export const batchNormTrain: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { x } = inputs as { x: tf.TensorInfo };
  const epsilon = (attrs as { epsilon: number }).epsilon;
  const c = channelsOf(x);
  return hostKernel(backend as tf.KernelBackend, [x], [x.shape, [c]], ([v], [y, rstd]) => {
    const xs = v as Float32Array;
    const ys = y as Float32Array;
    const n = xs.length;
    const m = n / c;
    for (let ch = 0; ch < c; ch++) {
      // Mean first, then the variance of the centred values: two passes, float64 sums.
      let s = 0;
      for (let i = ch; i < n; i += c) s += xs[i] as number;
      const mean = s / m;
      let q = 0;
      for (let i = ch; i < n; i += c) {
        const d = (xs[i] as number) - mean;
        q += d * d;
      }
      const r = 1 / Math.sqrt(q / m + epsilon);
      (rstd as Float32Array)[ch] = r;
      for (let i = ch; i < n; i += c) ys[i] = ((xs[i] as number) - mean) * r;
    }
  });
};

/** dx = rstd * (dy - mean(dy) - y * mean(dy * y)), means per channel over all rows. */
export const batchNormTrainGrad: tf.KernelFunc = ({ inputs, backend }) => {
  const t = inputs as { dy: tf.TensorInfo; y: tf.TensorInfo; rstd: tf.TensorInfo };
  const c = channelsOf(t.y);
  const ins = [t.dy, t.y, t.rstd];
  const [dx] = hostKernel(backend as tf.KernelBackend, ins, [t.y.shape], ([g, y, rstd], [out]) => {
    const gs = g as Float32Array;
    const ys = y as Float32Array;
    const dxs = out as Float32Array;
    const n = ys.length;
    const m = n / c;
    for (let ch = 0; ch < c; ch++) {
      let sg = 0;
      let sgy = 0;
      for (let i = ch; i < n; i += c) {
        const gi = gs[i] as number;
        sg += gi;
        sgy += gi * (ys[i] as number);
      }
      const mg = sg / m;
      const mgy = sgy / m;
      const r = (rstd as Float32Array)[ch] as number;
      for (let i = ch; i < n; i += c) {
        dxs[i] = r * ((gs[i] as number) - mg - (ys[i] as number) * mgy);
      }
    }
  });
  return dx as tf.TensorInfo;
};
