/**
 * Backend set-up inside a browser worker: tfjs with cpu and webgl, the wasm backend (its .wasm
 * files served by Vite), and webgpu; negotiation picks one and explains why.
 */
import * as tf from '@tensorflow/tfjs';
import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-webgpu';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendChoice, BackendName, BackendReport, WasmThreads } from '../core/run/protocol';
import { nativeThreads, nativeThreadsProblem } from '../engine/kernels/native/instance';
import { registerWasmKernels } from '../engine/kernels/register';
import { inspectWebgpu } from './adapter';
import { negotiate, type BackendEnv } from './negotiate';
import { probeStep } from './probe';
import { chooseWasmThreads, wasmThreadsOutcome } from './threads';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlainUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
});

/** Threads for the wasm backend: every core (capped) when the page is cross-origin isolated, else one. */
let threadChoice = chooseWasmThreads({
  cores: typeof navigator === 'undefined' ? null : navigator.hardwareConcurrency,
  isolated: typeof self !== 'undefined' && self.crossOriginIsolated === true,
});
// The threads go to the engine's own kernels (its module's pool); tfjs's own pthread pool stays at
// one thread: beside the module's pool its threads cost more than they gave (README, Measured).
// Told before the wasm backend starts; the threaded build (shared memory) loads all the same.
setThreadsCount(1);

/** The bench: runs the engine's kernels on `count` threads instead of the studio's choice (before wasm starts). */
export function forceWasmThreads(count: number): void {
  threadChoice = { count, limit: null };
}

/** The threads the started wasm backend's kernels run on, and why they are fewer than the cores. */
function wasmThreads(): WasmThreads {
  return wasmThreadsOutcome(threadChoice, nativeThreads(), nativeThreadsProblem());
}

/** A plain reason why WebGL cannot start in this worker, found by trying to create a context. */
function webglProblem(): string {
  if (typeof OffscreenCanvas === 'undefined')
    return 'this worker has no OffscreenCanvas, so WebGL is unavailable';
  try {
    const canvas = new OffscreenCanvas(1, 1);
    if (canvas.getContext('webgl2') === null && canvas.getContext('webgl') === null) {
      return 'no WebGL context could be created (WebGL is disabled or unsupported here)';
    }
  } catch (err) {
    return `creating a WebGL context failed: ${err instanceof Error ? err.message : String(err)}`;
  }
  return 'tfjs could not initialise WebGL';
}

/** Makes `name` the active tfjs backend (registering the wasm training kernels after wasm); throws with a plain reason. */
export async function useBackend(name: BackendName): Promise<void> {
  let ok: boolean;
  try {
    ok = await tf.setBackend(name);
  } catch (err) {
    throw new Error(
      `tfjs could not set ${name}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  if (!ok) {
    if (name === 'webgl') throw new Error(webglProblem());
    if (name === 'webgpu') throw new Error('tfjs could not create a WebGPU device');
    throw new Error(`tfjs could not initialise the ${name} backend`);
  }
  await tf.ready();
  if (name === 'wasm') await registerWasmKernels(threadChoice.count);
}

/** The browser worker's negotiation environment. */
const browserEnv: BackendEnv = {
  webgpuAdapter: () => inspectWebgpu(typeof navigator === 'undefined' ? undefined : navigator.gpu),
  use: useBackend,
  probe: () => probeStep(),
};

let queue: Promise<unknown> = Promise.resolve();

/**
 * Picks (or forces) the backend of this worker: a hardware WebGPU adapter after a successful probe
 * step, else the faster of wasm and webgl by a timed probe step, then a software WebGPU adapter,
 * cpu last. Calls are serialised. Resolves the report (backend, choice, one-sentence reason, probes,
 * and on wasm its threads).
 */
export function negotiateBackend(choice: BackendChoice): Promise<BackendReport> {
  const next = queue.then(async () => {
    const report = await negotiate(choice, browserEnv);
    return report.backend === 'wasm' ? { ...report, threads: wasmThreads() } : report;
  });
  queue = next.catch(() => undefined);
  return next;
}
