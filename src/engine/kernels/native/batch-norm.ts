/**
 * BatchNorm's training kernels on wasm from the engine's module (batch-norm.c): one call each
 * instead of the ~6 tfjs kernels and two read-backs of the composed ones (batch-norm-wasm.ts),
 * which remain where the module is not loaded.
 */
import type * as tf from '@tensorflow/tfjs';
import { batchNormTrainGradWasm, batchNormTrainWasm } from '../batch-norm-wasm';
import { nativeCall, sizeOf } from './instance';

function channelsOf(t: tf.TensorInfo): number {
  return t.shape[t.shape.length - 1] ?? 1;
}

/** Forward: inputs {x}, attrs {epsilon}; outputs [y, rstd ([c])]. */
export const batchNormTrainNative: tf.KernelFunc = (args) => {
  const { x } = args.inputs as { x: tf.TensorInfo };
  const epsilon = (args.attrs as { epsilon: number }).epsilon;
  const c = channelsOf(x);
  const n = sizeOf(x);
  const call =
    x.dtype === 'float32'
      ? nativeCall(args.backend as tf.KernelBackend, [4 * n, 4 * n, 4 * c, 16 * c])
      : null;
  if (call === null) return batchNormTrainWasm(args);
  const [px, py, pr, pa] = call.at as [number, number, number, number];
  call.put(0, x);
  call.e.batch_norm_train(px, py, pr, pa, n / c, c, epsilon);
  return [call.take(1, x.shape), call.take(2, [c])];
};

/** Backward: inputs {dy, y, rstd}; dx = rstd * (dy - mean(dy) - y * mean(dy * y)). */
export const batchNormTrainGradNative: tf.KernelFunc = (args) => {
  const t = args.inputs as { dy: tf.TensorInfo; y: tf.TensorInfo; rstd: tf.TensorInfo };
  const c = channelsOf(t.y);
  const n = sizeOf(t.y);
  const float = [t.dy, t.y, t.rstd].every((i) => i.dtype === 'float32');
  const call = float
    ? nativeCall(args.backend as tf.KernelBackend, [4 * n, 4 * n, 4 * c, 4 * n, 16 * c])
    : null;
  if (call === null) return batchNormTrainGradWasm(args);
  const [pdy, py, pr, pdx, pa] = call.at as [number, number, number, number, number];
  call.put(0, t.dy);
  call.put(1, t.y);
  call.put(2, t.rstd);
  call.e.batch_norm_train_grad(pdy, py, pr, pdx, pa, n / c, c);
  return call.take(3, t.y.shape);
};
