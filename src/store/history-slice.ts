/** The run history: list saved runs, replay one read-only, compare two, rename, delete, resume an interrupted run. */
import type { StateCreator } from 'zustand';
import type { RunHistory } from '../storage/run-history';
import { summaryOf } from '../storage/run-record';
import type { SavedRunRecord, StorageResult } from '../storage/types';
import type { HistoryAccess } from './history-access';
import {
  initialHistoryState,
  REPLAY_RUN_ID,
  type HistoryState,
  type ReplayedRun,
} from './history-state';
import type { RunJournal } from './run-journal';
import { isActive } from '../core/run/fold';
import type { StudioState } from './studio-state';

/** The history half of the studio state. */
export interface HistorySlice {
  readonly history: HistoryState;
  /** Reads the list again. */
  refreshHistory(): Promise<void>;
  /** Reads the list, and finds a run left running with a checkpoint (older ones are marked stopped). */
  loadHistory(): Promise<void>;
  /** Shows saved run `id` read-only in the Run and Subnets views. */
  openSavedRun(id: string): Promise<void>;
  /** Shows an imported run read-only in the Run and Subnets views. */
  showImportedRun(run: ReplayedRun): void;
  /** Back to the live run. */
  closeReplay(): void;
  renameSavedRun(id: string, name: string): Promise<boolean>;
  deleteSavedRun(id: string): Promise<void>;
  /** Draws the curves of two saved runs together. */
  compareSavedRuns(a: string, b: string): Promise<void>;
  closeCompare(): void;
  /** Carries the interrupted run on from its last checkpoint. */
  resumeInterrupted(): Promise<void>;
  /** Gives up the interrupted run: it is kept in the history as stopped. */
  discardInterrupted(): Promise<void>;
  dismissStorageProblem(): void;
}

/** Said when the run offered for resuming was resumed or ended in another tab meanwhile. */
export const NO_LONGER_INTERRUPTED =
  'That run is no longer waiting to be resumed: another tab has resumed or ended it.';

/** The replayable part of a saved record. */
function replayOf(r: SavedRunRecord): ReplayedRun {
  return {
    id: r.id,
    name: r.name,
    spec: r.spec,
    run: { ...r.run, runId: REPLAY_RUN_ID },
    createdAt: r.createdAt,
  };
}

/** Builds the history slice over the run history `access`; `journal` learns of renames. */
export function createHistorySlice(
  access: HistoryAccess,
  journal: RunJournal,
): StateCreator<StudioState, [], [], HistorySlice> {
  return (set, get) => {
    const patch = (change: Partial<HistoryState>): void =>
      set((s) => ({ history: { ...s.history, ...change } }));

    /** Runs `job` on the history; a problem is shown and resolves null. */
    const use = async <T>(job: (h: RunHistory) => Promise<StorageResult<T>>): Promise<T | null> => {
      const h = await access();
      const r = h.ok ? await job(h.value) : h;
      if (r.ok) return r.value;
      patch({ problem: r.problem });
      return null;
    };

    const refresh = async (): Promise<void> => {
      const rows = await use((h) => h.list());
      patch({ rows: rows ?? get().history.rows, loaded: true });
    };

    const loadRecord = async (id: string): Promise<SavedRunRecord | null> => {
      const record = await use((h) => h.get(id));
      if (record === null && get().history.problem === null)
        patch({ problem: 'That run is no longer in the history.' });
      return record ?? null;
    };

    /** True when run `id` still waits to be resumed; otherwise the banner goes, with why. */
    const stillInterrupted = async (id: string): Promise<boolean> => {
      const still = await use((h) => h.isInterrupted(id));
      if (still === true) return true;
      patch({
        busy: null,
        interrupted: null,
        ...(still === false ? { problem: NO_LONGER_INTERRUPTED } : {}),
      });
      await refresh();
      return false;
    };

    return {
      history: initialHistoryState(),
      refreshHistory: refresh,
      loadHistory: async () => {
        const found = await use((h) => h.interrupted());
        const liveId = get().history.liveId;
        const keep = found?.id ?? liveId ?? undefined;
        // Anything else left running belongs to a page that closed without a checkpoint to resume.
        await use((h) => h.markInterrupted(keep));
        patch({
          interrupted: found && found.id !== liveId ? summaryOf(found) : null,
        });
        await refresh();
      },
      openSavedRun: async (id) => {
        patch({ busy: 'Opening the saved run…' });
        const record = await loadRecord(id);
        patch({ busy: null, replay: record ? replayOf(record) : get().history.replay });
      },
      showImportedRun: (run) => patch({ replay: run }),
      closeReplay: () => patch({ replay: null }),
      renameSavedRun: async (id, name) => {
        const summary = await use((h) => h.rename(id, name));
        if (summary === null) return false;
        journal.renamed(id, summary.name);
        const { history } = get();
        patch({
          problem: null,
          rows: history.rows.map((r) => (r.id === id ? summary : r)),
          replay:
            history.replay?.id === id ? { ...history.replay, name: summary.name } : history.replay,
          compare: history.compare.map((c) => (c.id === id ? { ...c, name: summary.name } : c)),
        });
        return true;
      },
      deleteSavedRun: async (id) => {
        if ((await use((h) => h.remove(id))) === null) return;
        const { history } = get();
        patch({
          rows: history.rows.filter((r) => r.id !== id),
          replay: history.replay?.id === id ? null : history.replay,
          compare: history.compare.some((c) => c.id === id) ? [] : history.compare,
          interrupted: history.interrupted?.id === id ? null : history.interrupted,
        });
      },
      compareSavedRuns: async (a, b) => {
        patch({ busy: 'Reading both runs…' });
        const first = await loadRecord(a);
        const second = first ? await loadRecord(b) : null;
        patch({
          busy: null,
          compare: first && second ? [replayOf(first), replayOf(second)] : get().history.compare,
        });
      },
      closeCompare: () => patch({ compare: [] }),
      resumeInterrupted: async () => {
        const target = get().history.interrupted;
        if (target === null) return;
        if (isActive(get().run) || get().standaloneBusy) {
          patch({ problem: 'Stop the run or training in progress first, then resume.' });
          return;
        }
        patch({ busy: 'Reading the checkpoint…' });
        if (!(await stillInterrupted(target.id))) return;
        const record = await loadRecord(target.id);
        const saved = record ? await use((h) => h.getCheckpoint(target.id)) : null;
        patch({ busy: null });
        if (record === null || saved === null) return;
        patch({ interrupted: null, replay: null, liveId: record.id });
        await get().continueRun({
          saved: { id: record.id, name: record.name, createdAt: new Date(record.createdAt) },
          spec: record.spec,
          run: saved.run,
          checkpoint: saved.checkpoint,
        });
      },
      discardInterrupted: async () => {
        const target = get().history.interrupted;
        if (target === null) return;
        if (!(await stillInterrupted(target.id))) return;
        patch({ interrupted: null });
        await use((h) => h.setStatus(target.id, 'stopped'));
        await use((h) => h.removeCheckpoint(target.id));
        await refresh();
      },
      dismissStorageProblem: () => patch({ problem: null }),
    };
  };
}
