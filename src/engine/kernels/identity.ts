/**
 * Identity for wasm that shares the input's data by reference count instead of copying it (as the
 * cpu backend does). tfjs clones every tensor it saves for the backward pass through Identity, so
 * wasm's copying kernel moved every saved activation once more per training step.
 */
import type * as tf from '@tensorflow/tfjs';

/** Returns a new tensor view of the same data (data is never written in place, so sharing is safe). */
export function sharingIdentity(original: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    const { x } = args.inputs as { x: tf.TensorInfo };
    if (x.dtype === 'string') return original(args);
    (args.backend as tf.KernelBackend).incRef(x.dataId);
    return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype };
  };
}
