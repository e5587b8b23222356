/** The whole studio state: the experiment being edited, its search space in the composer, and the run being watched. */
import type { ComposerSlice } from './composer-slice';
import type { ExperimentSlice } from './experiment-slice';
import type { RunSlice } from './run-slice';

/** Every slice of the studio store. */
export interface StudioState extends ExperimentSlice, ComposerSlice, RunSlice {}
