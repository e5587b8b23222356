/** What the Run and Subnets views show: the replayed saved run while one is open, else the live run. */
import type { RunState } from '../core/run/state';
import type { StudioState } from './studio-state';

/** The run the views draw (read-only when it is a replay). */
export function shownRun(s: Pick<StudioState, 'run' | 'history'>): RunState {
  return s.history.replay?.run ?? s.run;
}

/** True while a saved run is replayed read-only. */
export function isReplaying(s: Pick<StudioState, 'history'>): boolean {
  return s.history.replay !== null;
}
