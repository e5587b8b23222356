/** Runs a fused kernel's arithmetic on host arrays (the cpu backend, whose data lives in JavaScript arrays). */
import type * as tf from '@tensorflow/tfjs';

/**
 * Calls `compute(inputs, outputs)` with the float32 arrays of `inputs` (read only: they are the
 * backend's own) and fresh zeroed outputs of `outShapes`; returns the outputs as tensors.
 */
export function hostKernel(
  backend: tf.KernelBackend,
  inputs: readonly tf.TensorInfo[],
  outShapes: readonly (readonly number[])[],
  compute: (ins: readonly Float32Array[], outs: readonly Float32Array[]) => void,
): tf.TensorInfo[] {
  for (const t of inputs) {
    if (t.dtype !== 'float32')
      throw new Error(`A fused kernel needs float32 inputs, got ${t.dtype}.`);
  }
  const outs = outShapes.map((s) => new Float32Array(s.reduce((a, b) => a * b, 1)));
  compute(
    inputs.map((t) => backend.readSync(t.dataId) as Float32Array),
    outs,
  );
  return outs.map((values, i) => {
    const shape = [...(outShapes[i] as readonly number[])];
    return { dataId: backend.write(values, shape, 'float32'), shape, dtype: 'float32' };
  });
}
