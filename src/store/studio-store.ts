/** The studio store: one zustand store holding both slices and owning one engine client. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createEngineClient } from '../bridge/engine-client';
import type { EngineClient } from '../bridge/types';
import { createComposerSlice } from './composer-slice';
import { createExperimentSlice, initialExperiment } from './experiment-slice';
import { createRunSlice } from './run-slice';
import type { StudioState } from './studio-state';

/** Creates a studio store; clients (and their workers) are made lazily by `makeClient`. */
export function createStudioStore(
  makeClient: () => EngineClient = createEngineClient,
): StoreApi<StudioState> {
  const initial = initialExperiment();
  return createStore<StudioState>()((...a) => ({
    ...createExperimentSlice(initial)(...a),
    ...createComposerSlice(initial)(...a),
    ...createRunSlice(makeClient)(...a),
  }));
}
