/**
 * End-to-end test handles on the engine worker, set on `window.__nasStudioTest` only when the page
 * was opened with an `e2e` query parameter (`/?e2e`): never in normal use. They let a test end the
 * worker, or its WebGPU device, in the middle of a run, to check that the run carries on.
 */
import { LOSE_DEVICE_MESSAGE } from '../core/run/protocol';

/** What a test can do to the engine worker. */
export interface EngineTestHandle {
  /**
   * Terminates the engine worker and fires the 'error' event the client hears a dead worker by
   * (with no message, as a worker that failed without one); false when no worker is running.
   */
  killEngineWorker(): boolean;
  /** Asks the engine worker to destroy its WebGPU device (`device.destroy()`); false when no worker is running. */
  loseGpuDevice(): boolean;
}

/** The global the handle is set on. */
export const TEST_HANDLE_NAME = '__nasStudioTest';

/** True when the page's query string (`location.search`) asks for the test handles. */
export function wantsTestHooks(search: string): boolean {
  return new URLSearchParams(search).has('e2e');
}

/** A handle over the worker `current()` returns (the latest one spawned, or null before any). */
export function engineTestHandle(current: () => Worker | null): EngineTestHandle {
  return {
    killEngineWorker: () => {
      const worker = current();
      if (worker === null) return false;
      worker.terminate();
      worker.dispatchEvent(new Event('error'));
      return true;
    },
    loseGpuDevice: () => {
      const worker = current();
      if (worker === null) return false;
      worker.postMessage(LOSE_DEVICE_MESSAGE);
      return true;
    },
  };
}
