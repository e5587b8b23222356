/** How many threads the wasm backend's kernels run on, and the plain reason when it is fewer than the cores. */
import type { WasmThreads } from '../core/run/protocol';

/** Most threads the engine's wasm kernels are given (the pool's helpers are one worker each). */
export const MAX_WASM_THREADS = 8;

/** What decides the thread count: the machine's logical cores and whether the page is cross-origin isolated. */
export interface ThreadEnv {
  /** navigator.hardwareConcurrency, or null when the browser does not say. */
  readonly cores: number | null;
  /** self.crossOriginIsolated: SharedArrayBuffer, and so wasm threads, need it. */
  readonly isolated: boolean;
}

/** The reason a page without cross-origin isolation runs on one thread. */
export const NOT_ISOLATED = 'the page is not cross-origin isolated';

/**
 * Every logical core but one (the page's main thread and the engine worker's own work need it),
 * capped at MAX_WASM_THREADS; one thread (with the reason) without isolation or a core count. On
 * 2 cores this is one thread: measured there, a second thread for the engine's kernels took the
 * benchmark step from 2% slower to 14% faster, and it would take the core the page needs
 * (README, Measured).
 */
export function chooseWasmThreads(env: ThreadEnv): WasmThreads {
  const cores =
    env.cores !== null && Number.isFinite(env.cores) && env.cores >= 1
      ? Math.floor(env.cores)
      : null;
  if (!env.isolated) return { count: 1, limit: NOT_ISOLATED };
  if (cores === null) return { count: 1, limit: 'the browser does not report its CPU cores' };
  if (cores === 1) return { count: 1, limit: null };
  if (cores - 1 > MAX_WASM_THREADS)
    return { count: MAX_WASM_THREADS, limit: `capped at ${MAX_WASM_THREADS} of ${cores} cores` };
  return { count: cores - 1, limit: `one of ${cores} cores left for the page` };
}

/**
 * What the wasm backend ended up with: the choice, or the threads the engine's kernels started
 * (`started`) with the reason they are fewer (`problem`, from the module).
 */
export function wasmThreadsOutcome(
  choice: WasmThreads,
  started: number,
  problem: string | null,
): WasmThreads {
  if (started >= choice.count) return choice;
  return { count: started, limit: problem ?? `${started} of ${choice.count} threads started` };
}
