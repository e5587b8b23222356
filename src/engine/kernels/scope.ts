/** Calls the wasm backend's own kernels on raw tensor data from inside another kernel. */
import * as tf from '@tensorflow/tfjs';

/** Attribute values the wasm kernels accept (shapes, axes, paddings, flags). */
type Attr = tf.NamedAttrMap[string];

/** A set of kernel calls whose intermediate outputs are freed together. */
export interface KernelScope {
  /** Runs the wasm kernel `name`; its output is freed by `finish` unless it is the result. */
  run(
    name: string,
    inputs: Record<string, tf.TensorInfo>,
    attrs?: Record<string, Attr>,
  ): tf.TensorInfo;
  /** A float32 tensor holding `values` (small host data: weights, per-channel vectors), freed by `finish`. */
  constant(values: Float32Array, shape: readonly number[]): tf.TensorInfo;
  /** Frees every intermediate output except `result`, and returns `result`. */
  finish(result: tf.TensorInfo): tf.TensorInfo;
}

/** Opens a scope on `backend` (the wasm backend instance a kernel receives). */
export function kernelScope(backend: tf.KernelBackend): KernelScope {
  const made: tf.TensorInfo[] = [];
  return {
    run(name, inputs, attrs = {}) {
      const config = tf.getKernel(name, 'wasm');
      if (config === undefined) throw new Error(`The wasm backend has no '${name}' kernel.`);
      const out = config.kernelFunc({ inputs, backend, attrs });
      if (Array.isArray(out))
        throw new Error(`The wasm kernel '${name}' returned several outputs.`);
      made.push(out);
      return out;
    },
    constant(values, shape) {
      const dims = [...shape];
      const t: tf.TensorInfo = {
        dataId: backend.write(values, dims, 'float32'),
        shape: dims,
        dtype: 'float32',
      };
      made.push(t);
      return t;
    },
    finish(result) {
      for (const t of made) if (t !== result) backend.disposeData(t.dataId);
      made.length = 0;
      return result;
    },
  };
}
