/** The whole studio state: the experiment being edited, its search space in the composer, its expected run time, the run being watched, the search view and the run history. */
import type { ComposerSlice } from './composer-slice';
import type { EstimateSlice } from './estimate-slice';
import type { ExperimentSlice } from './experiment-slice';
import type { HistorySlice } from './history-slice';
import type { RunSlice } from './run-slice';
import type { SearchSlice } from './search-slice';

/** Every slice of the studio store. */
export interface StudioState
  extends ExperimentSlice, ComposerSlice, EstimateSlice, RunSlice, SearchSlice, HistorySlice {}
