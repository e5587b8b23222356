/**
 * The engine's Winograd F(4x4, 3x3) convolution on wasm (winograd.c, compiled into module.ts): a
 * 3x3 stride-1 convolution with 36 multiplications per 4x4 output tile and channel pair where the
 * direct one takes 144, and its filter gradient, the same transforms' adjoint. Measured on the
 * benchmark's shapes each takes about half of XNNPACK's time for the same work.
 * The module keeps its own memory: inputs are copied in, the output copied into the backend's heap.
 */
import type * as tf from '@tensorflow/tfjs';
import type { ConvGeometry } from '../conv-info';
import { WINOGRAD_WASM_BASE64 } from './module';

/** What winograd.c exports. */
interface WinogradExports {
  readonly memory: WebAssembly.Memory;
  readonly __heap_base: WebAssembly.Global;
  winograd_filter(g: number, u: number, c: number, k: number): void;
  winograd_conv(...args: number[]): void;
  winograd_filter_grad(...args: number[]): void;
}

/** The wasm backend's heap access (BackendWasm's own methods). */
interface HeapBackend {
  typedArrayFromHeap(t: tf.TensorInfo): ArrayBufferView;
  makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo;
}

/** Tiles transformed together: their 36 products stay in cache (32 measured best of 16-128). */
const BLOCK = 32;

let exportsOf: WinogradExports | null = null;
let loading: Promise<boolean> | null = null;

function isWinogradExports(e: WebAssembly.Exports): e is WebAssembly.Exports & WinogradExports {
  return (
    e.memory instanceof WebAssembly.Memory &&
    e.__heap_base instanceof WebAssembly.Global &&
    typeof e.winograd_filter === 'function' &&
    typeof e.winograd_conv === 'function' &&
    typeof e.winograd_filter_grad === 'function'
  );
}

/**
 * Compiles and instantiates the module once; resolves false (and the convolutions stay on XNNPACK)
 * where the runtime cannot, e.g. without WebAssembly SIMD.
 */
export function loadWinograd(): Promise<boolean> {
  loading ??= (async () => {
    try {
      const bytes = Uint8Array.from(atob(WINOGRAD_WASM_BASE64), (ch) => ch.charCodeAt(0));
      const { instance } = await WebAssembly.instantiate(bytes, {});
      if (!isWinogradExports(instance.exports)) return false;
      exportsOf = instance.exports;
      return true;
    } catch {
      return false;
    }
  })();
  return loading;
}

/** True once loadWinograd has succeeded. */
export function winogradReady(): boolean {
  return exportsOf !== null;
}

function isHeapBackend(b: unknown): b is HeapBackend {
  const o = b as Partial<HeapBackend> | null;
  return typeof o?.typedArrayFromHeap === 'function' && typeof o.makeOutput === 'function';
}

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

/**
 * Byte offsets in the module's memory of consecutive float arrays of `sizes` (each 16-byte
 * aligned), growing the memory to hold them; with the memory's Float32Array view.
 */
function reserve(e: WinogradExports, sizes: readonly number[]): [number[], Float32Array] {
  const offsets: number[] = [];
  let at = e.__heap_base.value as number;
  for (const size of sizes) {
    at = (at + 15) & ~15;
    offsets.push(at);
    at += 4 * size;
  }
  const have = e.memory.buffer.byteLength;
  if (at > have) e.memory.grow(Math.ceil((at - have) / 65536));
  return [offsets, new Float32Array(e.memory.buffer)];
}

/** Copies `size` floats at byte `offset` of the module's memory into a new float32 tensor of `backend`. */
function output(
  backend: HeapBackend,
  heap: Float32Array,
  offset: number,
  shape: number[],
): tf.TensorInfo {
  const size = shape.reduce((a, b) => a * b, 1);
  const out = backend.makeOutput(shape, 'float32');
  (backend.typedArrayFromHeap(out) as Float32Array).set(
    heap.subarray(offset / 4, offset / 4 + size),
  );
  return out;
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
  const e = exportsOf;
  if (e === null || !isHeapBackend(backend)) return null;
  const [n = 1, , , c = 1] = x.shape;
  const k = filterShape[3] ?? 1;
  const outShape = [n, g.h.out, g.w.out, k];
  const ySize = outShape.reduce((a, b) => a * b, 1);
  const xSize = x.shape.reduce((a, b) => a * b, 1);
  const [[px, pg, pu, py, ps], heap] = reserve(e, [
    xSize,
    filter.length,
    36 * c * k,
    ySize,
    36 * BLOCK * (c + k),
  ]) as [[number, number, number, number, number], Float32Array];
  heap.set(backend.typedArrayFromHeap(x) as Float32Array, px / 4);
  heap.set(filter, pg / 4);
  e.winograd_filter(pg, pu, c, k);
  e.winograd_conv(px, pu, py, ps, ...geometryArgs(x, k, g));
  return output(backend, heap, py, outShape);
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
  const e = exportsOf;
  if (e === null || !isHeapBackend(backend)) return null;
  const c = x.shape[3] ?? 1;
  const k = dy.shape[3] ?? 1;
  const size = (t: tf.TensorInfo): number => t.shape.reduce((a, b) => a * b, 1);
  const [[px, pdy, pdg, ps], heap] = reserve(e, [
    size(x),
    size(dy),
    9 * c * k,
    36 * (c * k + BLOCK * (c + k)),
  ]) as [[number, number, number, number], Float32Array];
  heap.set(backend.typedArrayFromHeap(x) as Float32Array, px / 4);
  heap.set(backend.typedArrayFromHeap(dy) as Float32Array, pdy / 4);
  e.winograd_filter_grad(px, pdy, pdg, ps, ...geometryArgs(x, k, g));
  return output(backend, heap, pdg, [3, 3, c, k]);
}
