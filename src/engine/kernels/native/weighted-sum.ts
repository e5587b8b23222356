/**
 * The mixed op's weighted sum and its weights' gradient on wasm from the engine's module
 * (weighted-sum.c): one call instead of a product per term and an addN, or a product, a sum and a
 * read-back per term (weighted-sum-wasm.ts, which remains where the module cannot run).
 */
import type * as tf from '@tensorflow/tfjs';
import { weightedSumGradWWasm, weightedSumWasm } from '../weighted-sum-wasm';
import { nativeCall, sizeOf, type NativeCall } from './instance';

function listed(inputs: tf.NamedTensorInfoMap): tf.TensorInfo[] {
  return inputs as unknown as tf.TensorInfo[];
}

/** The module, when every term is float32 with `n` > 0 elements; null otherwise. */
function callFor(
  backend: tf.KernelBackend,
  n: number,
  ts: readonly tf.TensorInfo[],
): NativeCall | null {
  if (n === 0 || ts.some((t) => t.dtype !== 'float32' || sizeOf(t) !== n)) return null;
  return nativeCall(backend);
}

/** A scratch array of the terms' byte offsets (the C side's `const float *const *`). */
function termOffsets(call: NativeCall, terms: readonly tf.TensorInfo[]): number {
  const at = call.scratch(4 * terms.length);
  call.write(
    at,
    Int32Array.from(terms, (t) => call.at(t)),
  );
  return at;
}

/** sum over i of w[i] * t_i. */
export const weightedSumNative: tf.KernelFunc = (args) => {
  const [w, ...terms] = listed(args.inputs);
  const first = terms[0];
  if (w === undefined || first === undefined || terms.length !== (w.shape[0] ?? 0))
    return weightedSumWasm(args);
  const n = sizeOf(first);
  const call = w.dtype === 'float32' ? callFor(args.backend as tf.KernelBackend, n, terms) : null;
  if (call === null) return weightedSumWasm(args);
  const [out, po] = call.output(first.shape);
  const argv = [termOffsets(call, terms), call.at(w), terms.length, po, n];
  call.run('weighted_sum', argv, call.parts(n / 4, n * terms.length));
  return call.done(out);
};

/** [sum(dy * t_0), …, sum(dy * t_(k-1))], summed in float64. */
export const weightedSumGradWNative: tf.KernelFunc = (args) => {
  const [dy, ...terms] = listed(args.inputs);
  if (dy === undefined || terms.length === 0) return weightedSumGradWWasm(args);
  const n = sizeOf(dy);
  const call = callFor(args.backend as tf.KernelBackend, n, [dy, ...terms]);
  if (call === null) return weightedSumGradWWasm(args);
  const [out, pg] = call.output([terms.length]);
  const argv = [call.at(dy), termOffsets(call, terms), terms.length, pg, n];
  call.run('weighted_sum_grad_w', argv, call.parts(terms.length, n * terms.length));
  return call.done(out);
};
