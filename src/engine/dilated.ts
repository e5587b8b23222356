/**
 * Dilated depthwise convolution from ops that all have gradients in tfjs (its own dilated
 * depthwise convolution has none): the k x k filter is spread onto a (k-1)*d+1 square with zeros
 * between taps (a product with a constant 0/1 placement matrix), then convolved undilated. This
 * costs more multiply-adds than a true dilated kernel, but on wasm it measured 3x to 10x faster
 * than the space-to-batch formulation, whose reshuffling kernels are slow there. On the fused
 * path on wasm a true dilated kernel runs instead (kernels/dilated-depthwise.ts), except for a
 * gradient of a gradient (its gradient kernels have none).
 */
import * as tf from '@tensorflow/tfjs';
import { fusedPathOn } from './fusion';
import { dilatedDepthwiseKernel, hasDilatedDepthwise } from './kernels/dilated-depthwise';
import { activeTaps } from './taps';

const placements = new Map<string, Float32Array>();

/** [(kr*kr), (k*k)] matrix placing tap (i, j) of a k x k filter at (i*d, j*d) of the kr x kr one. */
function placement(k: number, d: number): Float32Array {
  const key = `${k},${d}`;
  const cached = placements.get(key);
  if (cached) return cached;
  const kr = (k - 1) * d + 1;
  const p = new Float32Array(kr * kr * k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) p[(i * d * kr + j * d) * k * k + i * k + j] = 1;
  }
  placements.set(key, p);
  return p;
}

/** The k x k depthwise filter [k, k, c, 1] spread to its dilated extent [(k-1)d+1, (k-1)d+1, c, 1]. */
export function dilateFilter(filter: tf.Tensor4D, d: number): tf.Tensor4D {
  const [k, kw, c] = filter.shape;
  if (k !== kw) throw new Error(`Dilated convolutions need square filters, got ${k}x${kw}.`);
  const kr = (k - 1) * d + 1;
  const p = tf.tensor2d(placement(k, d), [kr * kr, k * k]);
  return tf.reshape(tf.matMul(p, tf.reshape(filter, [k * k, c])), [kr, kr, c, 1]);
}

/**
 * A depthwise convolution with dilation `d`, stride `stride` and symmetric padding (k - 1) / 2 * d:
 * the engine's dilated kernel where the backend has it on the fused path, else the spread filter.
 */
export function dilatedDepthwise(
  x: tf.Tensor4D,
  filter: tf.Tensor4D,
  d: number,
  stride: number,
): tf.Tensor4D {
  const k = filter.shape[0];
  if (k % 2 === 0) throw new Error(`Dilated convolutions need odd filters, got ${k}.`);
  const pad = ((k - 1) / 2) * d;
  if (fusedPathOn() && hasDilatedDepthwise() && activeTaps()?.secondOrder !== true)
    return dilatedDepthwiseKernel(x, filter, d, stride, pad);
  return tf.depthwiseConv2d(x, dilateFilter(filter, d), stride, pad);
}
