/**
 * Training kernels for Conv2D on wasm, built from wasm's own forward Conv2D, matrix product and
 * transposes: the filter gradient (which wasm lacks) and a faster input gradient.
 */
import type * as tf from '@tensorflow/tfjs';
import { convGeometry, type ConvAttrs } from './conv-info';
import { filterGradPad, inputGradPad } from './geometry';
import { kernelScope, type KernelScope } from './scope';
import { cropSpatial, explicitPad, zeroDilate } from './spatial';
import { stridedInputGrad } from './strided-input-grad';
import { nativeConvOn } from './native/conv2d';
import { winogradApplies, winogradFilterGrad } from './native/winograd';
import {
  isPointwise,
  pointwiseApplies,
  pointwiseFilterGrad as nativePointwiseFilterGrad,
} from './native/pointwise';

/** Attributes of Conv2DBackpropFilter. */
interface FilterGradAttrs extends ConvAttrs {
  readonly filterShape: [number, number, number, number];
}

/** Attributes of Conv2DBackpropInput. */
interface InputGradAttrs extends ConvAttrs {
  readonly inputShape: [number, number, number, number];
}

/**
 * 1x1 stride-1 filter gradient: dL/dW[ci, co] = sum over pixels of x[p, ci] * dy[p, co], as
 * (dy^T [co, P]) x (x [P, ci]) (wasm's fast matrix product wants the left operand untransposed),
 * then the small [co, ci] result transposed to [1, 1, ci, co].
 */
function pointwiseFilterGrad(s: KernelScope, x: tf.TensorInfo, dy: tf.TensorInfo): tf.TensorInfo {
  const ci = x.shape[3] ?? 1;
  const co = dy.shape[3] ?? 1;
  const pixels = x.shape.slice(0, 3).reduce((a, b) => a * b, 1);
  const dyT = s.run(
    'Transpose',
    { x: s.run('Reshape', { x: dy }, { shape: [pixels, co] }) },
    { perm: [1, 0] },
  );
  const product = s.run(
    'BatchMatMul',
    {
      a: s.run('Reshape', { x: dyT }, { shape: [1, co, pixels] }),
      b: s.run('Reshape', { x }, { shape: [1, pixels, ci] }),
    },
    { transposeA: false, transposeB: false },
  );
  const wT = s.run('Reshape', { x: product }, { shape: [co, ci] });
  return s.run(
    'Reshape',
    { x: s.run('Transpose', { x: wT }, { perm: [1, 0] }) },
    { shape: [1, 1, ci, co] },
  );
}

/**
 * dL/dW[i,j,ci,co] = sum over n, oh, ow of x[n, oh*s+i, ow*s+j, ci] * dy[n, oh, ow, co]: a
 * convolution of x with batch and channels swapped ([ci, H, W, N]) by dy used as a filter
 * ([Ho, Wo, N, co]) dilated by the stride, giving [ci, kh, kw, co]. A 1x1 stride-1 convolution's
 * is one matrix product instead (3x to 4x faster on wasm); while nativeConvOn, 3x3 and 1x1
 * stride-1 ones over channels in multiples of 4 are the engine's module's (Winograd, pointwise).
 */
export const conv2dBackpropFilter: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const a = attrs as unknown as FilterGradAttrs;
  const g = convGeometry('Conv2DBackpropFilter', x.shape, a.filterShape, a, false);
  const b = backend as tf.KernelBackend;
  const s = kernelScope(b);
  if (nativeConvOn()) {
    const grad = winogradApplies(x, a.filterShape, g)
      ? winogradFilterGrad(b, x, dy, g)
      : pointwiseApplies(x, a.filterShape, g)
        ? nativePointwiseFilterGrad(b, x, dy)
        : null;
    if (grad !== null) return grad;
  }
  if (isPointwise(g)) return s.finish(pointwiseFilterGrad(s, x, dy));
  const ph = filterGradPad(g.h);
  const pw = filterGradPad(g.w);
  const xT = cropSpatial(s, s.run('Transpose', { x }, { perm: [3, 1, 2, 0] }), ph, pw);
  const f = s.run('Transpose', { x: dy }, { perm: [1, 2, 0, 3] });
  const conv = s.run(
    'Conv2D',
    { x: xT, filter: f },
    {
      strides: [1, 1],
      pad: explicitPad(ph, pw),
      dilations: [g.h.stride, g.w.stride],
      dataFormat: 'NHWC',
    },
  );
  return s.finish(s.run('Transpose', { x: conv }, { perm: [1, 2, 0, 3] }));
};

/**
 * The filter flipped in space with its in/out channels swapped, [kh, kw, co, ci], permuted on the
 * host: filters are small, and wasm's Reverse took ~0.5 ms for a 3x3x16x16 filter.
 */
function flippedSwapped(
  s: KernelScope,
  src: Float32Array,
  shape: readonly number[],
): tf.TensorInfo {
  const [kh, kw, ci, co] = shape as [number, number, number, number];
  const out = new Float32Array(src.length);
  for (let i = 0; i < kh; i++)
    for (let j = 0; j < kw; j++) {
      const from = (i * kw + j) * ci * co;
      const to = ((kh - 1 - i) * kw + (kw - 1 - j)) * co * ci;
      for (let c = 0; c < ci; c++)
        for (let o = 0; o < co; o++) out[to + o * ci + c] = src[from + c * co + o] as number;
    }
  return s.constant(out, [kh, kw, co, ci]);
}

/**
 * dL/dx as a stride-1 forward convolution of dy with the filter flipped in space and with its
 * in/out channels swapped; with equal strides above 1, by residue classes (strided-input-grad.ts),
 * otherwise of dy zero-dilated by the strides.
 */
export const conv2dBackpropInput: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { dy, filter } = inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
  const a = attrs as unknown as InputGradAttrs;
  const g = convGeometry('Conv2DBackpropInput', a.inputShape, filter.shape, a, false);
  const b = backend as tf.KernelBackend;
  const s = kernelScope(b);
  const values = b.readSync(filter.dataId) as Float32Array;
  if (g.h.stride === g.w.stride && g.h.stride > 1)
    return s.finish(stridedInputGrad(s, dy, values, filter.shape, a.inputShape, g.h, g.w));
  const ph = inputGradPad(g.h);
  const pw = inputGradPad(g.w);
  const f = flippedSwapped(s, values, filter.shape);
  const dyd = cropSpatial(s, zeroDilate(s, dy, g.h.stride, g.w.stride), ph, pw);
  return s.finish(
    s.run(
      'Conv2D',
      { x: dyd, filter: f },
      { strides: [1, 1], pad: explicitPad(ph, pw), dilations: [1, 1], dataFormat: 'NHWC' },
    ),
  );
};
