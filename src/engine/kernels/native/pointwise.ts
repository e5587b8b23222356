/**
 * 1x1 stride-1 unpadded convolutions on wasm from the engine's module (pointwise.c): the
 * convolution as one matrix product [pixels, C] x [C, K] (XNNPACK's ran at ~5 GFLOP/s with 16
 * channels) and its filter gradient x^T dy, summed in blocks of pixels.
 */
import type * as tf from '@tensorflow/tfjs';
import type { ConvGeometry } from '../conv-info';
import { nativeCall, sizeOf } from './instance';

/** Pixels summed together before their sum is added (as the Winograd filter gradient's tiles). */
const BLOCK = 256;

/** True for a 1x1 stride-1 unpadded convolution: a matrix product over the pixels. */
export function isPointwise(g: ConvGeometry): boolean {
  const plain = (a: ConvGeometry['h']): boolean =>
    a.filter === 1 && a.stride === 1 && a.padBefore === 0 && a.out === a.size;
  return plain(g.h) && plain(g.w);
}

/** Whether the module computes this pointwise convolution: float32, channels multiples of 4. */
export function pointwiseApplies(
  x: tf.TensorInfo,
  filterShape: readonly number[],
  g: ConvGeometry,
): boolean {
  return (
    isPointwise(g) &&
    x.dtype === 'float32' &&
    sizeOf(x) > 0 &&
    (filterShape[2] ?? 1) % 4 === 0 &&
    (filterShape[3] ?? 1) % 4 === 0
  );
}

/** y = x [N, H, W, C] times the [1, 1, C, K] filter; null when the module cannot run on `backend`. */
export function pointwiseConv2d(
  backend: tf.KernelBackend,
  x: tf.TensorInfo,
  filter: tf.TensorInfo,
): tf.TensorInfo | null {
  const call = nativeCall(backend);
  if (call === null) return null;
  const c = x.shape[3] ?? 1;
  const k = filter.shape[3] ?? 1;
  const [out, py] = call.output([...x.shape.slice(0, 3), k]);
  const rows = sizeOf(x) / c;
  const parts = call.parts(rows / 4, rows * c * k);
  call.run('pointwise_conv', [call.at(x), call.at(filter), py, rows, c, k], parts);
  return call.done(out);
}

/** The [1, 1, C, K] filter gradient of a pointwise convolution; null when the module cannot run. */
export function pointwiseFilterGrad(
  backend: tf.KernelBackend,
  x: tf.TensorInfo,
  dy: tf.TensorInfo,
): tf.TensorInfo | null {
  const call = nativeCall(backend);
  if (call === null) return null;
  const c = x.shape[3] ?? 1;
  const k = dy.shape[3] ?? 1;
  const [out, pw] = call.output([1, 1, c, k]);
  const rows = sizeOf(x) / c;
  const parts = call.parts(Math.ceil(rows / BLOCK), rows * c * k);
  // Apart from one part, the parts sum into scratch and add_parts adds them in part order.
  const sums = parts === 1 ? pw : call.scratch(4 * parts * c * k);
  call.run('pointwise_filter_grad', [call.at(x), call.at(dy), sums, rows, c, k, BLOCK], parts);
  if (parts > 1) call.e.add_parts(pw, sums, c * k, parts);
  return call.done(out);
}
