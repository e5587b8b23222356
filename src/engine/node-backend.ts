/** Node only: picks the tfjs backend for tests, the command line and benchmarks. */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { registerWasmKernels } from './kernels/register';

/**
 * Sets the backend (importing the wasm backend makes it the default, so this must run before any
 * tensor is created) and, on wasm, registers the training kernels it lacks.
 */
export async function initNodeBackend(name: 'wasm' | 'cpu'): Promise<void> {
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`The tfjs '${name}' backend could not be initialised.`);
  await tf.ready();
  if (name === 'wasm') await registerWasmKernels();
}
