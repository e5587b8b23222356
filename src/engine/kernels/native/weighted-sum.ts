/**
 * The mixed op's weighted sum and its weights' gradient on wasm from the engine's module
 * (weighted-sum.c): one call instead of a product per term and an addN, or a product, a sum and a
 * read-back per term (weighted-sum-wasm.ts, which remains where the module is not loaded).
 */
import type * as tf from '@tensorflow/tfjs';
import { weightedSumGradWWasm, weightedSumWasm } from '../weighted-sum-wasm';
import { nativeCall, sizeOf, type NativeCall } from './instance';

function listed(inputs: tf.NamedTensorInfoMap): tf.TensorInfo[] {
  return inputs as unknown as tf.TensorInfo[];
}

/** Reserves [first array, the k terms end to end, then `rest`] and copies the terms in. */
function withTerms(
  backend: tf.KernelBackend,
  firstBytes: number,
  terms: readonly tf.TensorInfo[],
  rest: readonly number[],
): NativeCall | null {
  const n = sizeOf(terms[0] as tf.TensorInfo);
  if (terms.some((t) => t.dtype !== 'float32' || sizeOf(t) !== n)) return null;
  const call = nativeCall(backend, [firstBytes, 4 * n * terms.length, ...rest]);
  if (call === null) return null;
  const at = call.at[1] as number;
  terms.forEach((t, i) => call.putAt(at + 4 * n * i, t));
  return call;
}

/** sum over i of w[i] * t_i. */
export const weightedSumNative: tf.KernelFunc = (args) => {
  const [w, ...terms] = listed(args.inputs);
  const first = terms[0];
  if (w === undefined || first === undefined || terms.length !== (w.shape[0] ?? 0))
    return weightedSumWasm(args);
  const n = sizeOf(first);
  const call = withTerms(args.backend as tf.KernelBackend, 4 * terms.length, terms, [4 * n]);
  if (call === null) return weightedSumWasm(args);
  const [pw, pt, po] = call.at as [number, number, number];
  call.put(0, w);
  call.e.weighted_sum(pt, pw, terms.length, po, n);
  return call.take(2, first.shape);
};

/** [sum(dy * t_0), …, sum(dy * t_(k-1))], summed in float64. */
export const weightedSumGradWNative: tf.KernelFunc = (args) => {
  const [dy, ...terms] = listed(args.inputs);
  if (dy === undefined || terms.length === 0 || dy.dtype !== 'float32')
    return weightedSumGradWWasm(args);
  const n = sizeOf(dy);
  const call = withTerms(args.backend as tf.KernelBackend, 4 * n, terms, [4 * terms.length]);
  if (call === null) return weightedSumGradWWasm(args);
  const [pdy, pt, pg] = call.at as [number, number, number];
  call.put(0, dy);
  call.e.weighted_sum_grad_w(pdy, pt, terms.length, pg, n);
  return call.take(2, [terms.length]);
};
