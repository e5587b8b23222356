/**
 * Training kernels for Conv2D on wasm, built from wasm's own forward Conv2D and transposes:
 * the filter gradient (which wasm lacks) and a faster input gradient.
 */
import type * as tf from '@tensorflow/tfjs';
import { convGeometry, type ConvAttrs } from './conv-info';
import { filterGradPad, inputGradPad } from './geometry';
import { kernelScope } from './scope';
import { cropSpatial, explicitPad, zeroDilate } from './spatial';

/** Attributes of Conv2DBackpropFilter. */
interface FilterGradAttrs extends ConvAttrs {
  readonly filterShape: [number, number, number, number];
}

/** Attributes of Conv2DBackpropInput. */
interface InputGradAttrs extends ConvAttrs {
  readonly inputShape: [number, number, number, number];
}

/**
 * dL/dW[i,j,ci,co] = sum over n, oh, ow of x[n, oh*s+i, ow*s+j, ci] * dy[n, oh, ow, co]: a
 * convolution of x with batch and channels swapped ([ci, H, W, N]) by dy used as a filter
 * ([Ho, Wo, N, co]) dilated by the stride, giving [ci, kh, kw, co].
 */
export const conv2dBackpropFilter: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const a = attrs as unknown as FilterGradAttrs;
  const g = convGeometry('Conv2DBackpropFilter', x.shape, a.filterShape, a, false);
  const ph = filterGradPad(g.h);
  const pw = filterGradPad(g.w);
  const s = kernelScope(backend as tf.KernelBackend);
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
 * dL/dx as a stride-1 forward convolution of dy (zero-dilated by the stride) with the filter
 * flipped in space and with its in/out channels swapped.
 */
export const conv2dBackpropInput: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { dy, filter } = inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
  const a = attrs as unknown as InputGradAttrs;
  const g = convGeometry('Conv2DBackpropInput', a.inputShape, filter.shape, a, false);
  const ph = inputGradPad(g.h);
  const pw = inputGradPad(g.w);
  const s = kernelScope(backend as tf.KernelBackend);
  const flipped = s.run('Reverse', { x: filter }, { dims: [0, 1] });
  const f = s.run('Transpose', { x: flipped }, { perm: [0, 1, 3, 2] });
  const dyd = cropSpatial(s, zeroDilate(s, dy, g.h.stride, g.w.stride), ph, pw);
  return s.finish(
    s.run(
      'Conv2D',
      { x: dyd, filter: f },
      { strides: [1, 1], pad: explicitPad(ph, pw), dilations: [1, 1], dataFormat: 'NHWC' },
    ),
  );
};
