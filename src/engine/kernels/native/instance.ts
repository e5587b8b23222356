/**
 * The engine's own wasm module (the C sources here, compiled into module.ts): loading it once, and
 * moving tensors between the tfjs wasm backend's heap and the module's memory. The module keeps its
 * own memory: inputs are copied in, outputs copied into new tensors of the backend.
 */
import type * as tf from '@tensorflow/tfjs';
import { NATIVE_WASM_BASE64 } from './module';

/** What the module exports (the C functions take byte offsets into its memory). */
export interface NativeExports {
  readonly memory: WebAssembly.Memory;
  readonly __heap_base: WebAssembly.Global;
  winograd_filter(...args: number[]): void;
  winograd_conv(...args: number[]): void;
  winograd_filter_grad(...args: number[]): void;
  batch_norm_train(...args: number[]): void;
  batch_norm_train_grad(...args: number[]): void;
  weighted_sum(...args: number[]): void;
  weighted_sum_grad_w(...args: number[]): void;
  depthwise_filter_grad(...args: number[]): void;
  depthwise_input_grad(...args: number[]): void;
}

const FUNCTIONS = [
  'winograd_filter',
  'winograd_conv',
  'winograd_filter_grad',
  'batch_norm_train',
  'batch_norm_train_grad',
  'weighted_sum',
  'weighted_sum_grad_w',
  'depthwise_filter_grad',
  'depthwise_input_grad',
] as const;

/** The wasm backend's heap access (BackendWasm's own methods). */
interface HeapBackend {
  typedArrayFromHeap(t: tf.TensorInfo): ArrayBufferView;
  makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo;
}

let loaded: NativeExports | null = null;
let loading: Promise<boolean> | null = null;

function isNativeExports(e: WebAssembly.Exports): e is WebAssembly.Exports & NativeExports {
  return (
    e.memory instanceof WebAssembly.Memory &&
    e.__heap_base instanceof WebAssembly.Global &&
    FUNCTIONS.every((name) => typeof e[name] === 'function')
  );
}

/**
 * Compiles and instantiates the module once; resolves false (the kernels then stay tfjs's own)
 * where the runtime cannot, e.g. without WebAssembly SIMD.
 */
export function loadNativeKernels(): Promise<boolean> {
  loading ??= (async () => {
    try {
      const bytes = Uint8Array.from(atob(NATIVE_WASM_BASE64), (ch) => ch.charCodeAt(0));
      const { instance } = await WebAssembly.instantiate(bytes, {});
      if (!isNativeExports(instance.exports)) return false;
      loaded = instance.exports;
      return true;
    } catch {
      return false;
    }
  })();
  return loading;
}

/** The loaded module, or null before loadNativeKernels has succeeded. */
export function nativeKernels(): NativeExports | null {
  return loaded;
}

function isHeapBackend(b: unknown): b is HeapBackend {
  const o = b as Partial<HeapBackend> | null;
  return typeof o?.typedArrayFromHeap === 'function' && typeof o.makeOutput === 'function';
}

/** One call's use of the module: its arrays laid out in the module's memory. */
export interface NativeCall {
  readonly e: NativeExports;
  /** Byte offsets of the reserved arrays, in the order asked. */
  readonly at: readonly number[];
  /** Copies a float32 tensor of the backend into the reserved array `index`. */
  put(index: number, t: tf.TensorInfo): void;
  /** Copies a float32 tensor of the backend to byte offset `at` of the module's memory. */
  putAt(at: number, t: tf.TensorInfo): void;
  /** Copies host floats into the reserved array `index`. */
  putValues(index: number, values: Float32Array): void;
  /** A new float32 tensor of the backend holding the reserved array `index` as `shape`. */
  take(index: number, shape: readonly number[]): tf.TensorInfo;
  /** The reserved array `index` as floats (a view: read it before the next call). */
  view(index: number, size: number): Float32Array;
}

/**
 * Reserves consecutive arrays of `sizes` bytes (each 16-byte aligned) in the module's memory,
 * growing it as needed; null when the module is not loaded or `backend` is not tfjs's wasm backend.
 */
export function nativeCall(backend: tf.KernelBackend, sizes: readonly number[]): NativeCall | null {
  const e = loaded;
  if (e === null || !isHeapBackend(backend)) return null;
  const at: number[] = [];
  let end = e.__heap_base.value as number;
  for (const size of sizes) {
    end = (end + 15) & ~15;
    at.push(end);
    end += size;
  }
  const have = e.memory.buffer.byteLength;
  if (end > have) e.memory.grow(Math.ceil((end - have) / 65536));
  const floats = (index: number, size: number): Float32Array =>
    new Float32Array(e.memory.buffer, at[index] as number, size);
  const putAt = (offset: number, t: tf.TensorInfo): void => {
    const src = backend.typedArrayFromHeap(t) as Float32Array;
    new Float32Array(e.memory.buffer, offset, src.length).set(src);
  };
  return {
    e,
    at,
    put: (index, t) => putAt(at[index] as number, t),
    putAt,
    putValues(index, values) {
      floats(index, values.length).set(values);
    },
    take(index, shape) {
      const size = shape.reduce((a, b) => a * b, 1);
      const out = backend.makeOutput([...shape], 'float32');
      (backend.typedArrayFromHeap(out) as Float32Array).set(floats(index, size));
      return out;
    },
    view: floats,
  };
}

/** Elements of a tensor. */
export function sizeOf(t: tf.TensorInfo): number {
  return t.shape.reduce((a, b) => a * b, 1);
}
