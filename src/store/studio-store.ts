/** The studio store: one zustand store holding every slice; the run and search slices share one engine client. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createEngineClient } from '../bridge/engine-client';
import type { EngineClient } from '../bridge/types';
import { createComposerSlice } from './composer-slice';
import { createEngineHolder } from './engine-holder';
import { createExperimentSlice, initialExperiment } from './experiment-slice';
import { createRunSlice } from './run-slice';
import { createSearchSlice } from './search-slice';
import type { StudioState } from './studio-state';

/** Creates a studio store; clients (and their workers) are made lazily by `makeClient`. */
export function createStudioStore(
  makeClient: () => EngineClient = createEngineClient,
): StoreApi<StudioState> {
  const initial = initialExperiment();
  const engine = createEngineHolder(makeClient);
  return createStore<StudioState>()((...a) => ({
    ...createExperimentSlice(initial)(...a),
    ...createComposerSlice(initial)(...a),
    ...createRunSlice(engine)(...a),
    ...createSearchSlice(initial, engine)(...a),
  }));
}
