/** The mixed op's weighted-sum kernels for wasm, built from wasm's own SIMD kernels (see weighted-sum.ts for what each computes). */
import type * as tf from '@tensorflow/tfjs';
import { kernelScope } from './scope';

function listed(inputs: tf.NamedTensorInfoMap): tf.TensorInfo[] {
  return inputs as unknown as tf.TensorInfo[];
}

/** sum over i of w[i] * t_i: a product by a scalar per term, then one addN. */
export const weightedSumWasm: tf.KernelFunc = ({ inputs, backend }) => {
  const [w, ...terms] = listed(inputs);
  if (w === undefined || terms.length === 0) throw new Error('A weighted sum needs terms.');
  if (terms.length !== (w.shape[0] ?? 0)) {
    throw new Error(
      `A weighted sum needs one term per weight (${w.shape[0] ?? 0} weights, ${terms.length} terms).`,
    );
  }
  const b = backend as tf.KernelBackend;
  const s = kernelScope(b);
  const ws = b.readSync(w.dataId) as Float32Array;
  const scaled = terms.map((t, i) =>
    s.run('Multiply', { a: t, b: s.constant(ws.subarray(i, i + 1), []) }),
  );
  const sum =
    scaled.length === 1
      ? (scaled[0] as tf.TensorInfo)
      : s.run('AddN', scaled as unknown as Record<string, tf.TensorInfo>);
  return s.finish(sum);
};

/** [sum(dy * t_0), …, sum(dy * t_(k-1))]. */
export const weightedSumGradWWasm: tf.KernelFunc = ({ inputs, backend }) => {
  const [dy, ...terms] = listed(inputs);
  if (dy === undefined) throw new Error('The weighted sum gradient needs dy.');
  const b = backend as tf.KernelBackend;
  const s = kernelScope(b);
  const axis = dy.shape.map((_, i) => i);
  const out = new Float32Array(terms.length);
  terms.forEach((t, i) => {
    const sum = s.run('Sum', { x: s.run('Multiply', { a: dy, b: t }) }, { axis, keepDims: false });
    out[i] = (b.readSync(sum.dataId) as Float32Array)[0] as number;
  });
  const shape = [terms.length];
  return s.finish({ dataId: b.write(out, shape, 'float32'), shape, dtype: 'float32' });
};

/** dy * w[index]. */
export const scaleByWeightWasm: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { dy, w } = inputs as { dy: tf.TensorInfo; w: tf.TensorInfo };
  const index = (attrs as { index: number }).index;
  const b = backend as tf.KernelBackend;
  const s = kernelScope(b);
  const ws = b.readSync(w.dataId) as Float32Array;
  return s.finish(s.run('Multiply', { a: dy, b: s.constant(ws.subarray(index, index + 1), []) }));
};
