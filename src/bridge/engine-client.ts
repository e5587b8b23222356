/** The UI's engine client: one module worker running src/worker/engine.worker.ts, wrapped by comlink. */
import type { EngineClient } from './types';
import { createWorkerClient } from './worker-client';

/** Creates the client; the worker starts on first use and is replaced after a crash or a forced stop. */
export function createEngineClient(): EngineClient {
  return createWorkerClient(
    () => new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module' }),
  );
}
