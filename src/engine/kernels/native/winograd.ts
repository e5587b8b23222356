/**
 * The engine's Winograd F(4x4, 3x3) convolution on wasm (winograd.c): a 3x3 stride-1 convolution
 * with 36 multiplications per 4x4 output tile and channel pair where the direct one takes 144, and
 * its filter gradient, the same transforms' adjoint. Measured on the benchmark's shapes each takes
 * about half of XNNPACK's time for the same work (README, Measured).
 */
import type * as tf from '@tensorflow/tfjs';
import type { ConvGeometry } from '../conv-info';
import { nativeCall, sizeOf, type NativeCall } from './instance';

/** Tiles transformed together: their 36 products stay in cache (32 measured best of 16-128). */
const BLOCK = 32;
/** Floats of the per-tile vectors the input transform keeps in scratch. */
const TILE_SCRATCH = 288;

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
    sizeOf(x) > 0 &&
    (c ?? 1) % 4 === 0 &&
    (k ?? 1) % 4 === 0
  );
}

/** The numbers both entry points take after their pointers: shapes, pads and the tile block. */
function geometryArgs(x: tf.TensorInfo, k: number, g: ConvGeometry): number[] {
  const [n = 1, h = 1, w = 1, c = 1] = x.shape;
  return [n, h, w, c, k, g.h.out, g.w.out, g.h.padBefore, g.w.padBefore, BLOCK];
}

/** Parts for the pool: blocks of tiles, each part at least MIN_PART_WORK multiply-adds. */
function partsOf(call: NativeCall, x: tf.TensorInfo, k: number, g: ConvGeometry): number {
  const tiles = (x.shape[0] ?? 1) * Math.ceil(g.h.out / 4) * Math.ceil(g.w.out / 4);
  return call.parts(Math.ceil(tiles / BLOCK), tiles * 36 * (x.shape[3] ?? 1) * k);
}

/**
 * y = x convolved with `filter` ([3, 3, C, K], HWIO) at geometry `g`, as a new tensor of the wasm
 * `backend`; null when the module cannot run there.
 */
export function winogradConv2d(
  backend: tf.KernelBackend,
  x: tf.TensorInfo,
  filter: tf.TensorInfo,
  g: ConvGeometry,
): tf.TensorInfo | null {
  const call = nativeCall(backend);
  if (call === null) return null;
  const c = x.shape[3] ?? 1;
  const k = filter.shape[3] ?? 1;
  const [out, py] = call.output([x.shape[0] ?? 1, g.h.out, g.w.out, k]);
  const parts = partsOf(call, x, k, g);
  const pu = call.scratch(4 * 36 * c * k);
  const ps = call.scratch(4 * parts * (36 * BLOCK * (c + k) + TILE_SCRATCH));
  call.e.winograd_filter(call.at(filter), pu, c, k);
  call.run('winograd_conv', [call.at(x), pu, py, ps, ...geometryArgs(x, k, g)], parts);
  return call.done(out);
}

/**
 * The gradient ([3, 3, C, K]) of the filter of the convolution of `x` at geometry `g` whose output
 * gradient is `dy`; null when the module cannot run on `backend`.
 */
export function winogradFilterGrad(
  backend: tf.KernelBackend,
  x: tf.TensorInfo,
  dy: tf.TensorInfo,
  g: ConvGeometry,
): tf.TensorInfo | null {
  const call = nativeCall(backend);
  if (call === null) return null;
  const c = x.shape[3] ?? 1;
  const k = dy.shape[3] ?? 1;
  const [out, pdg] = call.output([3, 3, c, k]);
  const parts = partsOf(call, x, k, g);
  const pdu = call.scratch(4 * parts * 36 * c * k);
  const ps = call.scratch(4 * parts * (36 * BLOCK * (c + k) + TILE_SCRATCH));
  const args = [call.at(x), call.at(dy), pdu, ps, ...geometryArgs(x, k, g)];
  call.run('winograd_filter_grad_tiles', args, parts);
  call.e.winograd_filter_grad_finish(pdu, pdg, c, k, parts);
  return call.done(out);
}
