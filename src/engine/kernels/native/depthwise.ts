/**
 * Depthwise convolution gradients on wasm from the engine's module (depthwise.c): direct loops in
 * one call, for channel counts that are multiples of 4; otherwise (or where the module is not
 * loaded) the composed kernels of depthwise-grads.ts.
 */
import type * as tf from '@tensorflow/tfjs';
import type { ConvGeometry } from '../conv-info';
import { nativeConvOn } from './conv2d';
import { nativeCall, sizeOf } from './instance';

/** The geometry arguments of depthwise.c: input shape, filter size, strides, dilations, pads, output size. */
function geometryArgs(inShape: readonly number[], g: ConvGeometry): number[] {
  const [n = 1, h = 1, w = 1, c = 1] = inShape;
  return [
    n,
    h,
    w,
    c,
    g.h.filter,
    g.w.filter,
    g.h.stride,
    g.w.stride,
    g.h.dilation,
    g.w.dilation,
    g.h.padBefore,
    g.w.padBefore,
    g.h.out,
    g.w.out,
  ];
}

/**
 * Whether the module computes this depthwise gradient: float32, channels a multiple of 4, and the
 * module's convolutions on (nativeConvOn).
 */
function applies(inShape: readonly number[], ...ts: readonly tf.TensorInfo[]): boolean {
  return (
    nativeConvOn() &&
    (inShape[3] ?? 1) % 4 === 0 &&
    inShape.every((d) => d > 0) &&
    ts.every((t) => t.dtype === 'float32' && sizeOf(t) > 0)
  );
}

/** The filter gradient [kh, kw, C, 1], or null where the module does not apply. */
export function nativeDepthwiseFilterGrad(
  backend: tf.KernelBackend,
  x: tf.TensorInfo,
  dy: tf.TensorInfo,
  g: ConvGeometry,
): tf.TensorInfo | null {
  const call = applies(x.shape, x, dy) ? nativeCall(backend) : null;
  if (call === null) return null;
  const c = x.shape[3] ?? 1;
  const [out, pdf] = call.output([g.h.filter, g.w.filter, c, 1]);
  const taps = g.h.filter * g.w.filter * c;
  const parts = call.parts((dy.shape[0] ?? 1) * g.h.out, sizeOf(dy) * g.h.filter * g.w.filter);
  // Apart from one part, the parts sum into scratch and add_parts adds them in part order.
  const sums = parts === 1 ? pdf : call.scratch(4 * parts * taps);
  const acc = call.scratch(4 * parts * taps);
  const args = [call.at(x), call.at(dy), sums, acc, ...geometryArgs(x.shape, g)];
  call.run('depthwise_filter_grad', args, parts);
  if (parts > 1) call.e.add_parts(pdf, sums, taps, parts);
  return call.done(out);
}

/** The input gradient of shape `inShape`, or null where the module does not apply. */
export function nativeDepthwiseInputGrad(
  backend: tf.KernelBackend,
  dy: tf.TensorInfo,
  filter: tf.TensorInfo,
  inShape: readonly number[],
  g: ConvGeometry,
): tf.TensorInfo | null {
  const call = applies(inShape, dy, filter) ? nativeCall(backend) : null;
  if (call === null) return null;
  const [out, pdx] = call.output(inShape);
  const args = [call.at(dy), call.at(filter), pdx, ...geometryArgs(inShape, g)];
  const work = sizeOf(dy) * g.h.filter * g.w.filter;
  call.run('depthwise_input_grad', args, call.parts((inShape[0] ?? 1) * (inShape[1] ?? 1), work));
  return call.done(out);
}
