/**
 * Counts what one benchmark step asks of tfjs: kernel calls at the engine (each op and custom
 * gradient, the entries tf.profile lists) and, on GPU backends, the programs the backend runs
 * (WebGPU compute dispatches, WebGL shader runs). Counting wraps the methods for the duration of
 * one call only, without tf.profile's per-kernel timing and read-backs (which on webgpu in a worker
 * would read synchronously and lose the device).
 */
import * as tf from '@tensorflow/tfjs';

/** What one counted call ran. */
export interface KernelCounts {
  readonly kernels: number;
  /** GPU programs, or null when the backend runs none (wasm, cpu). */
  readonly programs: number | null;
}

/** The backend method that runs one GPU program, per backend that has one. */
const PROGRAM_METHOD: Partial<Record<string, string>> = {
  webgpu: 'recordAndSubmit',
  webgl: 'runWebGLProgram',
};

/**
 * Wraps `target[method]` so each call bumps `onCall`; returns the undo, or null when `target`
 * has no such method.
 */
function countCalls(target: object, method: string, onCall: () => void): (() => void) | null {
  const holder = target as Record<string, unknown>;
  const original = holder[method];
  if (typeof original !== 'function') return null;
  const own = Object.prototype.hasOwnProperty.call(target, method);
  holder[method] = function counted(this: unknown, ...args: unknown[]): unknown {
    onCall();
    return Reflect.apply(original, this, args);
  };
  return () => {
    if (own) holder[method] = original;
    else delete holder[method];
  };
}

/** Runs `f` on the active backend, counting its kernel calls and GPU programs. */
export async function countKernels<T>(f: () => Promise<T>): Promise<{ value: T } & KernelCounts> {
  let kernels = 0;
  let programs = 0;
  const programMethod = PROGRAM_METHOD[tf.getBackend()];
  const undoKernels = countCalls(tf.engine(), 'runKernelFunc', () => (kernels += 1));
  if (undoKernels === null)
    throw new Error('This tfjs has no engine.runKernelFunc to count kernel calls with.');
  const undoPrograms = programMethod
    ? countCalls(tf.backend(), programMethod, () => (programs += 1))
    : null;
  try {
    const value = await f();
    return { value, kernels, programs: undoPrograms === null ? null : programs };
  } finally {
    undoPrograms?.();
    undoKernels();
  }
}
