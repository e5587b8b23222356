/** Pooling whose padded cells never count (PyTorch count_include_pad=False, as DARTS and NAS-Bench-201). */
import * as tf from '@tensorflow/tfjs';
import { activeTaps } from './taps';

/** Symmetric padding (a number) or tfjs 'same' (ceil(H / stride) outputs, extra padding at the far edge). */
export type PoolPad = number | 'same';

const countCache = new Map<string, Float32Array>();

/** 1 / (number of real cells in each k x k window), one value per output position. */
function inverseCounts(
  h: number,
  w: number,
  k: number,
  stride: number,
  pad: PoolPad,
): { values: Float32Array; oh: number; ow: number } {
  const info = tf.backend_util.computePool2DInfo([1, h, w, 1], [k, k], stride, 1, pad);
  const { outHeight: oh, outWidth: ow } = info;
  const key = `${h},${w},${k},${stride},${pad}`;
  const cached = countCache.get(key);
  if (cached) return { values: cached, oh, ow };
  const span = (i: number, size: number, before: number): number =>
    Math.min(size, i * stride - before + k) - Math.max(0, i * stride - before);
  const values = new Float32Array(oh * ow);
  for (let i = 0; i < oh; i++) {
    for (let j = 0; j < ow; j++) {
      values[i * ow + j] = 1 / (span(i, h, info.padInfo.top) * span(j, w, info.padInfo.left));
    }
  }
  countCache.set(key, values);
  return { values, oh, ow };
}

/**
 * Average pooling over k x k windows, padding excluded from each window's count. Written as a
 * depthwise convolution with a constant all-ones filter (window sums) times a constant map of
 * 1 / count: tfjs's avgPool excludes padding going forward, but its gradient divides every window
 * by k*k (wrong at the borders), and wasm's AvgPoolGrad is slow.
 */
export function avgPool(x: tf.Tensor4D, k: number, stride: number, pad: PoolPad): tf.Tensor4D {
  const [, h, w, c] = x.shape;
  const ones = tf.ones([k, k, c, 1]) as tf.Tensor4D;
  const sums = tf.depthwiseConv2d(x, ones, stride, pad);
  const { values, oh, ow } = inverseCounts(h, w, k, stride, pad);
  return tf.mul(sums, tf.tensor4d(values, [1, oh, ow, 1]));
}

/** Max pooling over k x k windows (padding never wins). */
export function maxPool(x: tf.Tensor4D, k: number, stride: number, pad: PoolPad): tf.Tensor4D {
  if (activeTaps()?.secondOrder === true && typeof pad === 'number')
    return slicedMaxPool(x, k, stride, pad);
  return tf.maxPool(x, k, stride, pad);
}

/**
 * Max pooling as the maximum of the k x k shifted, strided slices of the input padded with -Infinity
 * (so padding never wins): the same values, with a gradient that is differentiable again (grasp).
 */
function slicedMaxPool(x: tf.Tensor4D, k: number, stride: number, pad: number): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const oh = Math.floor((h + 2 * pad - k) / stride) + 1;
  const ow = Math.floor((w + 2 * pad - k) / stride) + 1;
  // Room for k - 1 offsets plus stride * out rows; strided sampling by reshape (tfjs's
  // StridedSlice has no gradient).
  const extraH = Math.max(0, k - 1 + stride * oh - (h + 2 * pad));
  const extraW = Math.max(0, k - 1 + stride * ow - (w + 2 * pad));
  const padded = tf.pad(
    x,
    [
      [0, 0],
      [pad, pad + extraH],
      [pad, pad + extraW],
      [0, 0],
    ],
    -Infinity,
  );
  let out: tf.Tensor4D | null = null;
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      const window = tf.slice(padded, [0, i, j, 0], [n, stride * oh, stride * ow, c]);
      const s = tf.reshape(
        tf.slice(
          tf.reshape(window, [n, oh, stride, ow, stride, c]),
          [0, 0, 0, 0, 0, 0],
          [n, oh, 1, ow, 1, c],
        ),
        [n, oh, ow, c],
      ) as tf.Tensor4D;
      out = out === null ? s : (tf.maximum(out, s) as tf.Tensor4D);
    }
  return out as tf.Tensor4D;
}
