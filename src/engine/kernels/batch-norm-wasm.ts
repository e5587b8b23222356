/**
 * BatchNorm's training kernels for wasm, built from wasm's own SIMD kernels (a JavaScript loop
 * over the heap measured 5x to 10x slower): per-channel means by whole-window average pooling of
 * the [a, b, 1, c] view (rows, then batches), centring and scaling by 1x1 depthwise convolutions
 * whose bias carries the per-channel shift. No matrix product, no transpose.
 */
import type * as tf from '@tensorflow/tfjs';
import { kernelScope, type KernelScope } from './scope';

/** The input seen as [a, b, 1, c]: a = leading axis (1 for a matrix), b = the remaining rows. */
function view4d(s: KernelScope, t: tf.TensorInfo): tf.TensorInfo {
  const c = t.shape[t.shape.length - 1] ?? 1;
  const rows = t.shape.slice(0, -1).reduce((x, y) => x * y, 1);
  const a = t.shape.length > 2 ? (t.shape[0] ?? 1) : 1;
  return s.run('Reshape', { x: t }, { shape: [a, rows / a, 1, c] });
}

/** Per-channel means of a [a, b, 1, c] view, read to the host. */
function channelMeans(s: KernelScope, b: tf.KernelBackend, v: tf.TensorInfo): Float32Array {
  const [a = 1, rows = 1, , c = 1] = v.shape;
  const pooled = s.run('AvgPool', { x: v }, { filterSize: [rows, 1], strides: 1, pad: 'valid' });
  const batches =
    a === 1
      ? pooled
      : s.run(
          'AvgPool',
          { x: s.run('Reshape', { x: pooled }, { shape: [1, a, 1, c] }) },
          { filterSize: [a, 1], strides: 1, pad: 'valid' },
        );
  return b.readSync(batches.dataId) as Float32Array;
}

/** Per-channel x * scale + shift of a [a, b, 1, c] view, as one 1x1 depthwise convolution. */
function scaleShift(
  s: KernelScope,
  x: tf.TensorInfo,
  scale: Float32Array,
  shift: Float32Array | null,
): tf.TensorInfo {
  const c = scale.length;
  const filter = s.constant(scale, [1, 1, c, 1]);
  const conv = { strides: 1, pad: 'valid', dilations: 1 };
  if (shift === null) return s.run('DepthwiseConv2dNative', { x, filter }, conv);
  return s.run(
    'FusedDepthwiseConv2D',
    { x, filter, bias: s.constant(shift, [c]) },
    { ...conv, dataFormat: 'NHWC', activation: 'linear' },
  ) as tf.TensorInfo;
}

/** Forward: inputs {x}, attrs {epsilon}; outputs [y, rstd ([c])]. */
export const batchNormTrainWasm: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { x } = inputs as { x: tf.TensorInfo };
  const epsilon = (attrs as { epsilon: number }).epsilon;
  const b = backend as tf.KernelBackend;
  const s = kernelScope(b);
  const v = view4d(s, x);
  const mean = channelMeans(s, b, v);
  const c = mean.length;
  const centred = scaleShift(
    s,
    v,
    new Float32Array(c).fill(1),
    mean.map((m) => -m),
  );
  const variance = channelMeans(s, b, s.run('Square', { x: centred }));
  const rstd = variance.map((q) => 1 / Math.sqrt(q + epsilon));
  const y = s.run('Reshape', { x: scaleShift(s, centred, rstd, null) }, { shape: [...x.shape] });
  const rstdOut: tf.TensorInfo = {
    dataId: b.write(rstd, [c], 'float32'),
    shape: [c],
    dtype: 'float32',
  };
  return [s.finish(y), rstdOut];
};

/** Backward: inputs {dy, y, rstd}; dx = rstd * (dy - mean(dy) - y * mean(dy * y)). */
export const batchNormTrainGradWasm: tf.KernelFunc = ({ inputs, backend }) => {
  const t = inputs as { dy: tf.TensorInfo; y: tf.TensorInfo; rstd: tf.TensorInfo };
  const b = backend as tf.KernelBackend;
  const s = kernelScope(b);
  const dy = view4d(s, t.dy);
  const y = view4d(s, t.y);
  const rstd = b.readSync(t.rstd.dataId) as Float32Array;
  const mdy = channelMeans(s, b, dy);
  const mdyy = channelMeans(s, b, s.run('Multiply', { a: dy, b: y }));
  // rstd * dy - rstd * mean(dy), minus y * (rstd * mean(dy * y)).
  const shifted = scaleShift(
    s,
    dy,
    rstd,
    mdy.map((m, ch) => -m * (rstd[ch] as number)),
  );
  const along = scaleShift(
    s,
    y,
    mdyy.map((m, ch) => m * (rstd[ch] as number)),
    null,
  );
  const dx = s.run('Sub', { a: shifted, b: along });
  return s.finish(s.run('Reshape', { x: dx }, { shape: [...t.dy.shape] }));
};
