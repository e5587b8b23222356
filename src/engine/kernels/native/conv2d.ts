/**
 * Conv2D on wasm: the engine's module for 3x3 stride-1 (Winograd) and 1x1 stride-1 (one matrix
 * product) convolutions, XNNPACK's otherwise.
 */
import type * as tf from '@tensorflow/tfjs';
import { fusedPathOn } from '../../fusion';
import { convGeometry, type ConvAttrs } from '../conv-info';
import { nativeLoaded } from './instance';
import { pointwiseApplies, pointwiseConv2d } from './pointwise';
import { winogradApplies, winogradConv2d } from './winograd';

/** True when every dilation of `a` is 1 and the data is NHWC. */
function plain(a: ConvAttrs): boolean {
  const d = a.dilations ?? 1;
  const [dh, dw] = typeof d === 'number' ? [d, d] : d;
  return dh === 1 && dw === 1 && (a.dataFormat === undefined || a.dataFormat === 'NHWC');
}

/** Whether the module's convolutions (and their filter gradients) run now: the module loaded, the fused path on. */
export function nativeConvOn(): boolean {
  return fusedPathOn() && nativeLoaded();
}

/**
 * Wraps wasm's own Conv2D (`original`): 3x3 and 1x1 stride-1 convolutions over channel counts that
 * are multiples of 4 run on the module while nativeConvOn (with the fused path off every
 * convolution is XNNPACK's: the reference the module's are checked against).
 */
export function nativeConv2dKernel(original: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    if (!nativeConvOn()) return original(args);
    const { x, filter } = args.inputs as { x: tf.TensorInfo; filter: tf.TensorInfo };
    const a = args.attrs as unknown as ConvAttrs;
    if (!plain(a)) return original(args);
    const g = convGeometry('Conv2D', x.shape, filter.shape, a, false);
    const backend = args.backend as tf.KernelBackend;
    const out = winogradApplies(x, filter.shape, g)
      ? winogradConv2d(backend, x, filter, g)
      : pointwiseApplies(x, filter.shape, g)
        ? pointwiseConv2d(backend, x, filter)
        : null;
    return out ?? original(args);
  };
}
