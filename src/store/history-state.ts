/** The history slice's data: saved runs as listed, the run being replayed or compared, an interrupted run to resume, storage trouble. */
import type { HistoryEntry, SavedRunRecord, SavedRunSummary } from '../storage/types';

/** Run id of a replayed run: never a live run's, so its points and archive entries cannot mix with the session's. */
export const REPLAY_RUN_ID = -1;

/** A saved run opened read-only. */
export type ReplayedRun = Pick<SavedRunRecord, 'id' | 'name' | 'spec' | 'run' | 'createdAt'>;

/** Everything the history panel shows. */
export interface HistoryState {
  /** Saved runs (damaged ones included, to be deleted), most recently updated first. */
  readonly rows: readonly HistoryEntry[];
  /** True once the list has been read (or could not be). */
  readonly loaded: boolean;
  /** The latest storage problem (quota, no IndexedDB ...): runs are then kept in memory only. */
  readonly problem: string | null;
  /** The saved run shown read-only in the Run and Subnets views, instead of the live run. */
  readonly replay: ReplayedRun | null;
  /** Two saved runs whose curves are drawn together. */
  readonly compare: readonly ReplayedRun[];
  /** A run left running when the page closed, with a checkpoint to resume from. */
  readonly interrupted: SavedRunSummary | null;
  /** The saved id of the live run (the page's current or last run), once it has one. */
  readonly liveId: string | null;
  /** An action in progress (opening, resuming ...), shown beside the list. */
  readonly busy: string | null;
}

/** The state before the history has been read. */
export function initialHistoryState(): HistoryState {
  return {
    rows: [],
    loaded: false,
    problem: null,
    replay: null,
    compare: [],
    interrupted: null,
    liveId: null,
    busy: null,
  };
}
