/** The UI's engine client: one module worker running src/worker/engine.worker.ts, wrapped by comlink. */
import { engineTestHandle, TEST_HANDLE_NAME, wantsTestHooks } from './test-hooks';
import type { EngineClient } from './types';
import { createWorkerClient } from './worker-client';

/** Creates the client; the worker starts on first use and is replaced after a crash or a forced stop. */
export function createEngineClient(): EngineClient {
  let latest: Worker | null = null;
  if (typeof window !== 'undefined' && wantsTestHooks(window.location.search))
    Object.assign(window, { [TEST_HANDLE_NAME]: engineTestHandle(() => latest) });
  return createWorkerClient(() => {
    latest = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), {
      type: 'module',
    });
    return latest;
  });
}
