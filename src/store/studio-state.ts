/** The whole studio state: the experiment being edited and the run being watched. */
import type { ExperimentSlice } from './experiment-slice';
import type { RunSlice } from './run-slice';

/** Both slices of the studio store. */
export interface StudioState extends ExperimentSlice, RunSlice {}
