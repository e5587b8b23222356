/**
 * Training kernels for depthwise convolutions on wasm (channel multiplier 1, any dilation), which
 * wasm lacks: the engine's module's direct loops where they apply (native/depthwise.ts), else
 * wasm's own forward DepthwiseConv2dNative plus reshapes and transposes.
 */
import type * as tf from '@tensorflow/tfjs';
import { convGeometry, type ConvAttrs } from './conv-info';
import { filterGradPad, inputGradPad } from './geometry';
import { nativeDepthwiseFilterGrad, nativeDepthwiseInputGrad } from './native/depthwise';
import { kernelScope } from './scope';
import { cropSpatial, explicitPad, zeroDilate } from './spatial';

/** Attributes of DepthwiseConv2dNativeBackpropFilter. */
interface FilterGradAttrs extends ConvAttrs {
  readonly filterShape: [number, number, number, number];
}

/** Attributes of DepthwiseConv2dNativeBackpropInput. */
interface InputGradAttrs extends ConvAttrs {
  readonly inputShape: [number, number, number, number];
}

function checkMultiplier(kernel: string, filterShape: readonly number[]): void {
  if (filterShape[3] !== 1) {
    throw new Error(
      `${kernel} on wasm supports channel multiplier 1 only, got ${String(filterShape[3])}.`,
    );
  }
}

/**
 * dL/dW[i,j,c] = sum over n, oh, ow of x[n, oh*s+i, ow*s+j, c] * dy[n, oh, ow, c]: one depthwise
 * convolution over a single image whose N*C channels are (example, channel) pairs, with dy as
 * an Ho x Wo filter dilated by the stride (output taps a filter dilation apart); the per-example
 * results are then summed.
 */
export const depthwiseBackpropFilter: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const a = attrs as unknown as FilterGradAttrs;
  checkMultiplier('DepthwiseConv2dNativeBackpropFilter', a.filterShape);
  const g = convGeometry('DepthwiseConv2dNativeBackpropFilter', x.shape, a.filterShape, a, true);
  const native = nativeDepthwiseFilterGrad(backend as tf.KernelBackend, x, dy, g);
  if (native !== null) return native;
  const [n, h, w, c] = x.shape as [number, number, number, number];
  const ph = filterGradPad(g.h);
  const pw = filterGradPad(g.w);
  const s = kernelScope(backend as tf.KernelBackend);
  const xT = s.run('Transpose', { x }, { perm: [1, 2, 0, 3] });
  const xImage = cropSpatial(s, s.run('Reshape', { x: xT }, { shape: [1, h, w, n * c] }), ph, pw);
  const dyT = s.run('Transpose', { x: dy }, { perm: [1, 2, 0, 3] });
  const f = s.run('Reshape', { x: dyT }, { shape: [g.h.out, g.w.out, n * c, 1] });
  // Output taps a dilation apart: the filter's taps (all of its extent when undilated).
  const conv = s.run(
    'DepthwiseConv2dNative',
    { x: xImage, filter: f },
    {
      strides: [g.h.dilation, g.w.dilation],
      pad: explicitPad(ph, pw),
      dilations: [g.h.stride, g.w.stride],
    },
  );
  const perExample = s.run('Reshape', { x: conv }, { shape: [g.h.filter * g.w.filter, n, c] });
  const summed = s.run('Sum', { x: perExample }, { axis: [1], keepDims: false });
  return s.finish(s.run('Reshape', { x: summed }, { shape: [g.h.filter, g.w.filter, c, 1] }));
};

/** dL/dx as a stride-1 depthwise convolution of dy (zero-dilated by the stride) with the flipped filter, equally dilated. */
export const depthwiseBackpropInput: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { dy, filter } = inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
  const a = attrs as unknown as InputGradAttrs;
  checkMultiplier('DepthwiseConv2dNativeBackpropInput', filter.shape);
  const g = convGeometry('DepthwiseConv2dNativeBackpropInput', a.inputShape, filter.shape, a, true);
  const native = nativeDepthwiseInputGrad(backend as tf.KernelBackend, dy, filter, a.inputShape, g);
  if (native !== null) return native;
  const ph = inputGradPad(g.h);
  const pw = inputGradPad(g.w);
  const s = kernelScope(backend as tf.KernelBackend);
  const flipped = s.run('Reverse', { x: filter }, { dims: [0, 1] });
  const dyd = cropSpatial(s, zeroDilate(s, dy, g.h.stride, g.w.stride), ph, pw);
  return s.finish(
    s.run(
      'DepthwiseConv2dNative',
      { x: dyd, filter: flipped },
      {
        strides: [1, 1],
        pad: explicitPad(ph, pw),
        dilations: [g.h.dilation, g.w.dilation],
      },
    ),
  );
};
