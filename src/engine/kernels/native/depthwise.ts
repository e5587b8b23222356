/**
 * Depthwise convolution gradients on wasm from the engine's module (depthwise.c): direct loops in
 * one call, for channel counts that are multiples of 4; otherwise (or where the module is not
 * loaded) the composed kernels of depthwise-grads.ts.
 */
import type * as tf from '@tensorflow/tfjs';
import type { ConvGeometry } from '../conv-info';
import { nativeConvOn } from './conv2d';
import { nativeCall, sizeOf, type NativeCall } from './instance';

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
 * module's convolutions on (nativeConvOn: few enough threads that single-threaded loops pay off).
 */
function applies(inShape: readonly number[], ...ts: readonly tf.TensorInfo[]): boolean {
  return (
    nativeConvOn() &&
    (inShape[3] ?? 1) % 4 === 0 &&
    inShape.every((d) => d > 0) &&
    ts.every((t) => t.dtype === 'float32' && sizeOf(t) > 0)
  );
}

/** Parts for the pool: channels in fours, each part at least MIN_PART_WORK multiply-adds. */
function partsOf(call: NativeCall, dy: tf.TensorInfo, g: ConvGeometry): number {
  return call.parts((dy.shape[3] ?? 1) / 4, sizeOf(dy) * g.h.filter * g.w.filter);
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
  const acc = call.scratch(4 * g.h.filter * g.w.filter * c);
  const args = [call.at(x), call.at(dy), pdf, acc, ...geometryArgs(x.shape, g)];
  call.run('depthwise_filter_grad', args, partsOf(call, dy, g));
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
  call.run('depthwise_input_grad', args, partsOf(call, dy, g));
  return call.done(out);
}
