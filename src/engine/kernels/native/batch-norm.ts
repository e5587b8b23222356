/**
 * BatchNorm's training kernels on wasm from the engine's module (batch-norm.c): one call each
 * instead of the ~6 tfjs kernels and two read-backs of the composed ones (batch-norm-wasm.ts),
 * which remain where the module cannot run.
 */
import type * as tf from '@tensorflow/tfjs';
import { batchNormTrainGradWasm, batchNormTrainWasm } from '../batch-norm-wasm';
import { nativeCall, sizeOf, type NativeCall } from './instance';

function channelsOf(t: tf.TensorInfo): number {
  return t.shape[t.shape.length - 1] ?? 1;
}

/** Parts for the pool: rows, each part at least the pool's least work over its passes. */
function partsOf(call: NativeCall, c: number, n: number): number {
  return call.parts(n / c, 3 * n);
}

/** Bytes of the passes' float64 sums and results: 4 * C doubles per part. */
function accBytes(c: number, parts: number): number {
  return 32 * c * parts;
}

/** Forward: inputs {x}, attrs {epsilon}; outputs [y, rstd ([c])]. */
export const batchNormTrainNative: tf.KernelFunc = (args) => {
  const { x } = args.inputs as { x: tf.TensorInfo };
  const epsilon = (args.attrs as { epsilon: number }).epsilon;
  const c = channelsOf(x);
  const n = sizeOf(x);
  const call = x.dtype === 'float32' && n > 0 ? nativeCall(args.backend as tf.KernelBackend) : null;
  if (call === null) return batchNormTrainWasm(args);
  const [y, py] = call.output(x.shape);
  const [rstd, pr] = call.output([c]);
  const parts = partsOf(call, c, n);
  const acc = call.scratch(accBytes(c, parts));
  const px = call.at(x);
  call.run('batch_norm_sums', [px, acc, n / c, c], parts);
  call.run('batch_norm_squares', [px, acc, n / c, c], parts);
  call.run('batch_norm_apply', [px, py, pr, acc, n / c, c, epsilon], parts);
  return call.done([y, rstd]);
};

/** Backward: inputs {dy, y, rstd}; dx = rstd * (dy - mean(dy) - y * mean(dy * y)). */
export const batchNormTrainGradNative: tf.KernelFunc = (args) => {
  const t = args.inputs as { dy: tf.TensorInfo; y: tf.TensorInfo; rstd: tf.TensorInfo };
  const c = channelsOf(t.y);
  const n = sizeOf(t.y);
  const float = [t.dy, t.y, t.rstd].every((i) => i.dtype === 'float32');
  const call = float && n > 0 ? nativeCall(args.backend as tf.KernelBackend) : null;
  if (call === null) return batchNormTrainGradWasm(args);
  const [dx, pdx] = call.output(t.y.shape);
  const parts = partsOf(call, c, n);
  const acc = call.scratch(accBytes(c, parts));
  const [pdy, py] = [call.at(t.dy), call.at(t.y)];
  call.run('batch_norm_grad_sums', [pdy, py, acc, n / c, c], parts);
  call.run('batch_norm_grad_apply', [pdy, py, call.at(t.rstd), pdx, acc, n / c, c], parts);
  return call.done(dx);
};
