/** Conv2D on wasm: the engine's Winograd convolution where it applies, XNNPACK's otherwise. */
import type * as tf from '@tensorflow/tfjs';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { fusedPathOn } from '../../fusion';
import { convGeometry, type ConvAttrs } from '../conv-info';
import { nativeLoaded } from './instance';
import { winogradApplies, winogradConv2d } from './winograd';

/**
 * Most wasm threads at which the single-threaded Winograd module still beats XNNPACK's threaded
 * direct convolution (README, Measured); on more, every convolution is XNNPACK's.
 */
export const WINOGRAD_MAX_THREADS = 2;

/** True when every dilation of `a` is 1 and the data is NHWC. */
function plain(a: ConvAttrs): boolean {
  const d = a.dilations ?? 1;
  const [dh, dw] = typeof d === 'number' ? [d, d] : d;
  return dh === 1 && dw === 1 && (a.dataFormat === undefined || a.dataFormat === 'NHWC');
}

/** Whether the Winograd kernels run now: the module loaded, the fused path on, few enough threads. */
export function winogradOn(): boolean {
  return fusedPathOn() && nativeLoaded() && getThreadsCount() <= WINOGRAD_MAX_THREADS;
}

/**
 * Wraps wasm's own Conv2D (`original`): 3x3 stride-1 convolutions over channel counts that are
 * multiples of 4 run on the Winograd module while winogradOn (with the fused path off every
 * convolution is XNNPACK's: the reference the Winograd one is checked against).
 */
export function winogradConv2dKernel(original: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    if (!winogradOn()) return original(args);
    const { x, filter } = args.inputs as { x: tf.TensorInfo; filter: tf.TensorInfo };
    const a = args.attrs as unknown as ConvAttrs;
    if (!plain(a)) return original(args);
    const g = convGeometry('Conv2D', x.shape, filter.shape, a, false);
    if (!winogradApplies(x, filter.shape, g)) return original(args);
    return winogradConv2d(args.backend as tf.KernelBackend, x, filter, g) ?? original(args);
  };
}
