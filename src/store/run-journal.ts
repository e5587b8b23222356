/**
 * Saves the live run to the run history as it goes: its record (spec, folded run state, summary)
 * and its latest checkpoint, at most every few seconds while it runs and at once when its status
 * changes (a pause writes the checkpoint it has). Saves run one after another; a storage problem is reported and the run goes on
 * in memory (the next save tries again). While the run is running or paused the journal holds its
 * run lock, so no other tab treats it as interrupted (run-locks.ts).
 */
import type { RunCheckpoint } from '../core/run/checkpoint';
import { runName, runRecord } from '../storage/run-record';
import type { LatestCheckpoint, RunHistory } from '../storage/run-history';
import { createRunLocks, type RunLocks } from '../storage/run-locks';
import type { SavedRunSummary, StorageResult } from '../storage/types';
import type { HistoryAccess } from './history-access';
import { isEnded } from '../core/run/fold';
import type { RunState } from '../core/run/state';

/** Saves while a run trains: at most once per this many ms. */
export const SAVE_INTERVAL_MS = 3000;

/** The saved identity a resumed run carries on under. */
export interface SavedIdentity {
  readonly id: string;
  readonly name: string;
  readonly createdAt: Date;
}

/** What the journal tells the page. */
export interface JournalHooks {
  /** A save landed: the run's summary as now stored (the history list updates its row from it). */
  onSaved(summary: SavedRunSummary): void;
  onProblem(problem: string): void;
}

/** The live run's journal. */
export interface RunJournal {
  /** A run began: a new saved run, or `saved` continued (a resume). Returns the saved id. */
  begin(run: RunState, saved?: SavedIdentity): string;
  /** The run changed (called on every change; saving is throttled). */
  change(run: RunState): void;
  /** The engine sent a checkpoint; `run` is the run state at that moment. Written with the next save (the latest one wins). */
  checkpoint(run: RunState, checkpoint: RunCheckpoint): void;
  /** The live run was renamed in the history. */
  renamed(id: string, name: string): void;
  /** Resolves when every queued save has landed. */
  flush(): Promise<void>;
}

/** Options: clock, timers, ids and run locks (tests pass their own). */
export interface JournalOptions {
  readonly now?: () => Date;
  readonly newId?: () => string;
  readonly intervalMs?: number;
  /** Default: the page's Web Locks. */
  readonly locks?: RunLocks;
}

interface Live {
  readonly runId: number;
  readonly id: string;
  name: string;
  readonly createdAt: Date;
  latest: RunState;
  lastSaved: number;
  status: RunState['status'];
  timer: ReturnType<typeof setTimeout> | null;
  /** The latest checkpoint not yet written, with the run state of its moment. */
  pending: LatestCheckpoint | null;
  /** Releases the run's lock (held from begin until the run ends or another begins). */
  release: () => void;
}

/** A journal over `access`. */
export function createRunJournal(
  access: HistoryAccess,
  hooks: JournalHooks,
  options: JournalOptions = {},
): RunJournal {
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => crypto.randomUUID());
  const interval = options.intervalMs ?? SAVE_INTERVAL_MS;
  const locks = options.locks ?? createRunLocks();
  let live: Live | null = null;
  let chain: Promise<void> = Promise.resolve();

  const enqueue = (job: (h: RunHistory) => Promise<StorageResult<SavedRunSummary>>): void => {
    chain = chain.then(async () => {
      const h = await access();
      const r = h.ok ? await job(h.value) : h;
      if (r.ok) hooks.onSaved(r.value);
      else hooks.onProblem(r.problem);
    });
  };

  const saveNow = (l: Live): void => {
    if (l.timer !== null) clearTimeout(l.timer);
    l.timer = null;
    l.lastSaved = now().getTime();
    const run = l.latest;
    const spec = run.spec;
    if (spec === null) return;
    const ended = isEnded(run.status);
    const record = runRecord({ id: l.id, name: l.name, spec, run, createdAt: l.createdAt });
    const pending = ended ? null : l.pending;
    l.pending = null;
    enqueue(async (h) => {
      // The checkpoint goes in the record's own transaction: one write of the record, none read
      // back. A run that ended cannot be resumed: its checkpoint only takes space (null deletes it).
      const put = await h.put(record, ended ? null : (pending ?? undefined));
      if (put.ok || pending === null) return put;
      // The checkpoint did not go in (a full disk): the record alone may, and the problem is reported.
      const alone = await h.put(record);
      return alone.ok ? put : alone;
    });
  };

  /** Saves now when the last save is older than the interval, else once it is. */
  const saveSoon = (l: Live): void => {
    if (l.timer !== null) return;
    const wait = Math.max(0, l.lastSaved + interval - now().getTime());
    l.timer = setTimeout(() => saveNow(l), wait);
  };

  return {
    begin(run, saved) {
      if (live?.timer) clearTimeout(live.timer);
      live?.release();
      const createdAt = saved?.createdAt ?? now();
      const spec = run.spec;
      const name =
        saved?.name ??
        (spec ? runName(spec.strategy.kind, spec.dataset.id, createdAt) : 'Untitled run');
      const id = saved?.id ?? newId();
      live = {
        runId: run.runId,
        id,
        name,
        createdAt,
        latest: run,
        lastSaved: 0,
        status: run.status,
        timer: null,
        pending: null,
        release: isEnded(run.status) ? () => {} : locks.hold(id),
      };
      saveNow(live);
      return live.id;
    },
    change(run) {
      const l = live;
      if (l === null || l.runId !== run.runId || run === l.latest) return;
      l.latest = run;
      if (run.status !== l.status) {
        l.status = run.status;
        saveNow(l);
        // The run is no longer live: its lock goes once its last save (with the final status) has landed.
        if (isEnded(run.status)) void chain.then(l.release, l.release);
        return;
      }
      if (!isEnded(run.status)) saveSoon(l);
    },
    checkpoint(run, checkpoint) {
      const l = live;
      if (l === null || l.runId !== run.runId) return;
      // Short epochs send checkpoints many times a second: only the latest is written, with the next save.
      l.pending = { run, checkpoint };
      saveSoon(l);
    },
    renamed(id, name) {
      if (live?.id === id) live.name = name;
    },
    flush: () => chain,
  };
}
