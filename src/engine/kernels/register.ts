/**
 * Registers the training kernels the wasm backend lacks (convolution filter gradients, depthwise
 * gradients), a faster convolution input gradient, a correct max-pool gradient, and an Identity
 * that shares data instead of copying it, and a Conv2D that runs 3x3 and 1x1 stride-1
 * convolutions on the engine's own wasm module (native/). Idempotent.
 */
import * as tf from '@tensorflow/tfjs';
import { conv2dBackpropFilter, conv2dBackpropInput } from './conv-grads';
import { depthwiseBackpropFilter, depthwiseBackpropInput } from './depthwise-grads';
import { sharingIdentity } from './identity';
import { maxPoolGrad } from './max-pool-grad';
import { nativeConv2dKernel } from './native/conv2d';
import { loadNativeKernels, startNativeThreads } from './native/instance';

/** Kernels registered on wasm, replacing any kernel of the same name. */
const MISSING: readonly (readonly [string, tf.KernelFunc])[] = [
  ['Conv2DBackpropFilter', conv2dBackpropFilter],
  ['DepthwiseConv2dNativeBackpropFilter', depthwiseBackpropFilter],
  ['DepthwiseConv2dNativeBackpropInput', depthwiseBackpropInput],
  // wasm ships this one, but a forward convolution of the dilated output gradient is 1.1x to 3x faster.
  ['Conv2DBackpropInput', conv2dBackpropInput],
  // wasm ships this one, but it is wrong for padded or overlapping windows (see max-pool-grad.ts).
  ['MaxPoolGrad', maxPoolGrad],
];

const ours = new Set<tf.KernelFunc>();

function register(kernelName: string, kernelFunc: tf.KernelFunc): void {
  const previous = tf.getKernel(kernelName, 'wasm');
  if (previous !== undefined) tf.unregisterKernel(kernelName, 'wasm');
  const setupFunc = previous?.setupFunc;
  tf.registerKernel({
    kernelName,
    backendName: 'wasm',
    kernelFunc,
    ...(setupFunc ? { setupFunc } : {}),
  });
  ours.add(kernelFunc);
}

/** Adds the wasm training kernels; safe to call again (already registered kernels are left alone). */
function registerWasmTrainingKernels(): void {
  for (const [name, func] of MISSING) {
    const current = tf.getKernel(name, 'wasm');
    if (current === undefined || !ours.has(current.kernelFunc)) register(name, func);
  }
  const identity = tf.getKernel('Identity', 'wasm');
  if (identity !== undefined && !ours.has(identity.kernelFunc))
    register('Identity', sharingIdentity(identity.kernelFunc));
  const conv = tf.getKernel('Conv2D', 'wasm');
  if (conv !== undefined && !ours.has(conv.kernelFunc))
    register('Conv2D', nativeConv2dKernel(conv.kernelFunc));
}

/**
 * Loads the engine's own wasm module (native/), starts its thread pool with `threads` threads
 * (where the backend's memory is shared and this thread may block), then registers the kernels
 * above.
 */
export async function registerWasmKernels(threads = 1): Promise<void> {
  await loadNativeKernels();
  // Also where the module did not load: the badge then says why the kernels run on one thread.
  await startNativeThreads(tf.backend(), threads);
  registerWasmTrainingKernels();
}
