/** The studio store: one zustand store holding every slice; the estimate, run and search slices share one engine client, the run and history slices one run journal. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createEngineClient } from '../bridge/engine-client';
import type { EngineClient } from '../bridge/types';
import { createComposerSlice } from './composer-slice';
import { createEngineHolder } from './engine-holder';
import { createEstimateSlice } from './estimate-slice';
import { createExperimentSlice, initialExperiment } from './experiment-slice';
import { browserHistoryAccess, type HistoryAccess } from './history-access';
import { createHistorySlice } from './history-slice';
import { createRunJournal } from './run-journal';
import { createRunLocks, type RunLocks } from '../storage/run-locks';
import { createRunSlice } from './run-slice';
import { createSearchSlice } from './search-slice';
import type { StudioState } from './studio-state';

/**
 * Creates a studio store; clients (and their workers) are made lazily by `makeClient`; runs are
 * saved through `history`; the live run holds its run lock in `locks` (the same locks `history`
 * asks, by default the page's Web Locks).
 */
export function createStudioStore(
  makeClient: () => EngineClient = createEngineClient,
  history: HistoryAccess = browserHistoryAccess(),
  locks: RunLocks = createRunLocks(),
): StoreApi<StudioState> {
  const initial = initialExperiment();
  const engine = createEngineHolder(makeClient);
  const holder: { store: StoreApi<StudioState> | null } = { store: null };
  const journal = createRunJournal(
    history,
    {
      onSaved: (summary) => {
        const store = holder.store;
        if (store === null) return;
        const { rows } = store.getState().history;
        // A known row is updated in place; a new one needs the list read for its order.
        if (rows.some((r) => r.id === summary.id))
          store.setState((s) => ({
            history: {
              ...s.history,
              rows: s.history.rows.map((r) => (r.id === summary.id ? summary : r)),
            },
          }));
        else void store.getState().refreshHistory();
      },
      onProblem: (problem) =>
        holder.store?.setState((s) => ({ history: { ...s.history, problem } })),
    },
    { locks },
  );
  const store = createStore<StudioState>()((...a) => ({
    ...createExperimentSlice(initial)(...a),
    ...createComposerSlice(initial)(...a),
    ...createEstimateSlice(engine)(...a),
    ...createRunSlice(engine, journal)(...a),
    ...createSearchSlice(initial, engine)(...a),
    ...createHistorySlice(history, journal)(...a),
  }));
  holder.store = store;
  return store;
}
