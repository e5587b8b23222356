/**
 * The GPU device behind the active tfjs backend, inside the worker: watching it for loss during a
 * run, and (for end-to-end tests only) destroying it on request.
 */
import * as tf from '@tensorflow/tfjs';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { LOSE_DEVICE_MESSAGE } from '../core/run/protocol';

/** The WebGPU device of the active backend, or null when the active backend is not webgpu. */
function activeDevice(): GPUDevice | null {
  if (tf.getBackend() !== 'webgpu') return null;
  const backend = tf.findBackend('webgpu') as WebGPUBackend | null;
  return backend?.device ?? null;
}

/** How a device was lost, in words ("The WebGPU device was lost (it was destroyed: …)"), without a full stop. */
export function describeLoss(info: Pick<GPUDeviceLostInfo, 'reason' | 'message'>): string {
  const why = info.reason === 'destroyed' ? 'it was destroyed' : 'the GPU or its driver dropped it';
  const detail = info.message.trim().replace(/\.$/, '');
  return `The WebGPU device was lost (${detail === '' ? why : `${why}: ${detail}`})`;
}

/**
 * Calls `onLost` once if the active backend's WebGPU device is lost (at once when it already was)
 * while watched; returns how to stop watching, or null when the active backend has no GPU device.
 */
export function watchDeviceLoss(onLost: (message: string) => void): (() => void) | null {
  const device = activeDevice();
  if (device === null) return null;
  let watching = true;
  void device.lost.then((info) => {
    if (watching) onLost(describeLoss(info));
  });
  return () => {
    watching = false;
  };
}

/**
 * Test hook: destroys the active WebGPU device when the page posts LOSE_DEVICE_MESSAGE (the page
 * sends it only from its `?e2e` test handle, see src/bridge/test-hooks.ts). Comlink ignores the
 * message: it carries no comlink call.
 */
export function listenForDeviceLossTest(scope: {
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}): void {
  scope.addEventListener('message', (event) => {
    if (event.data === LOSE_DEVICE_MESSAGE) activeDevice()?.destroy();
  });
}
