/**
 * The engine's Winograd F(4x4, 3x3) convolution on wasm (winograd.c): a 3x3 stride-1 convolution
 * with 36 multiplications per 4x4 output tile and channel pair where the direct one takes 144, and
 * its filter gradient, the same transforms' adjoint. Measured on the benchmark's shapes each takes
 * about half of XNNPACK's time for the same work (README, Measured).
 */
import type * as tf from '@tensorflow/tfjs';
import type { ConvGeometry } from '../conv-info';
import { nativeCall, sizeOf } from './instance';

/** Tiles transformed together: their 36 products stay in cache (32 measured best of 16-128). */
const BLOCK = 32;

/**
 * Whether the Winograd convolution computes this one: a 3x3 filter, stride 1 (the geometry is read
 * with dilation 1), float32, input and output channels multiples of 4 (one SIMD lane each).
 */
export function winogradApplies(
  x: tf.TensorInfo,
  filterShape: readonly number[],
  g: ConvGeometry,
): boolean {
  const [kh, kw, c, k] = filterShape;
  return (
    kh === 3 &&
    kw === 3 &&
    g.h.stride === 1 &&
    g.w.stride === 1 &&
    x.dtype === 'float32' &&
    x.shape.length === 4 &&
    (c ?? 1) % 4 === 0 &&
    (k ?? 1) % 4 === 0
  );
}

/** The numbers both entry points take after their pointers: shapes, pads and the tile block. */
function geometryArgs(x: tf.TensorInfo, k: number, g: ConvGeometry): number[] {
  const [n = 1, h = 1, w = 1, c = 1] = x.shape;
  return [n, h, w, c, k, g.h.out, g.w.out, g.h.padBefore, g.w.padBefore, BLOCK];
}

/**
 * y = x convolved with `filter` ([3, 3, C, K] values, HWIO) at geometry `g`, as a new tensor of the
 * wasm `backend`; null when the module is not loaded or the backend is not tfjs's wasm backend.
 */
export function winogradConv2d(
  backend: tf.KernelBackend,
  x: tf.TensorInfo,
  filter: Float32Array,
  filterShape: readonly number[],
  g: ConvGeometry,
): tf.TensorInfo | null {
  const c = x.shape[3] ?? 1;
  const k = filterShape[3] ?? 1;
  const outShape = [x.shape[0] ?? 1, g.h.out, g.w.out, k];
  const call = nativeCall(
    backend,
    [
      sizeOf(x),
      filter.length,
      36 * c * k,
      outShape.reduce((a, b) => a * b, 1),
      36 * BLOCK * (c + k),
    ].map((n) => 4 * n),
  );
  if (call === null) return null;
  const [px, pg, pu, py, ps] = call.at as [number, number, number, number, number];
  call.put(0, x);
  call.putValues(1, filter);
  call.e.winograd_filter(pg, pu, c, k);
  call.e.winograd_conv(px, pu, py, ps, ...geometryArgs(x, k, g));
  return call.take(3, outShape);
}

/**
 * The gradient ([3, 3, C, K]) of the filter of the convolution of `x` at geometry `g` whose output
 * gradient is `dy`; null when the module is not loaded or the backend is not tfjs's wasm backend.
 */
export function winogradFilterGrad(
  backend: tf.KernelBackend,
  x: tf.TensorInfo,
  dy: tf.TensorInfo,
  g: ConvGeometry,
): tf.TensorInfo | null {
  const c = x.shape[3] ?? 1;
  const k = dy.shape[3] ?? 1;
  const call = nativeCall(
    backend,
    [sizeOf(x), sizeOf(dy), 9 * c * k, 36 * (c * k + BLOCK * (c + k))].map((n) => 4 * n),
  );
  if (call === null) return null;
  const [px, pdy, pdg, ps] = call.at as [number, number, number, number];
  call.put(0, x);
  call.put(1, dy);
  call.e.winograd_filter_grad(px, pdy, pdg, ps, ...geometryArgs(x, k, g));
  return call.take(2, [3, 3, c, k]);
}
