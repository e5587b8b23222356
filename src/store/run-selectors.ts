/** Pure read-outs of run state for the progress bar and the step log. */
import { lastPoint } from '../core/series/downsample';
import { droppedCount } from '../core/series/head-tail';
import type { RunState, StepPoint } from '../core/run/state';
import type { StudioState } from './studio-state';

/** Progress of a run: steps done of the total, time spent, and the recent speed. */
export interface Progress {
  readonly done: number;
  readonly total: number;
  /** 0..1, or 0 before the run has started. */
  readonly fraction: number;
  /** The epoch of the latest step (1-based; 0 before the first step) and the epoch budget. */
  readonly epoch: number;
  readonly epochs: number;
  readonly elapsedMs: number;
  /** Steps per second over the latest steps, or null before two steps are known. */
  readonly stepsPerSec: number | null;
}

/** Steps the speed estimate looks back over. */
const RATE_WINDOW = 10;

/** Steps per second over the latest `RATE_WINDOW` steps of `recent` (oldest first). */
export function recentRate(recent: readonly StepPoint[]): number | null {
  const last = recent[recent.length - 1];
  const first = recent[Math.max(0, recent.length - 1 - RATE_WINDOW)];
  if (!last || !first) return null;
  if (first === last) return last.elapsedMs > 0 ? (1000 * last.step) / last.elapsedMs : null;
  const ms = last.elapsedMs - first.elapsedMs;
  return ms > 0 ? (1000 * (last.step - first.step)) / ms : null;
}

/** The progress read from the latest step and the 'started' budget. */
export function progressOf(run: RunState): Progress {
  const last = lastPoint(run.steps);
  const total = run.started?.totalSteps ?? 0;
  const done = run.result ? Math.max(run.result.step, last?.step ?? 0) : (last?.step ?? 0);
  const recent = [...run.stepLog.head, ...run.stepLog.tail].slice(-(RATE_WINDOW + 1));
  return {
    done,
    total,
    fraction: total > 0 ? Math.min(1, done / total) : 0,
    epoch: last?.epoch ?? 0,
    epochs:
      run.started && run.started.stepsPerEpoch > 0
        ? Math.ceil(total / run.started.stepsPerEpoch)
        : 0,
    elapsedMs: last?.elapsedMs ?? 0,
    stepsPerSec: recentRate(recent),
  };
}

/** The rows of the step log: the first steps, then the latest, and how many lie between. */
export function stepLogRows(run: Pick<RunState, 'stepLog'>): {
  head: readonly StepPoint[];
  tail: readonly StepPoint[];
  gap: number;
} {
  return { head: run.stepLog.head, tail: run.stepLog.tail, gap: droppedCount(run.stepLog) };
}

/** Formats milliseconds as seconds with a tenth under a minute ("4.2 s"), else m:ss or h:mm:ss. */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Why Run is refused now besides the spec's own problems (a stand-alone training in progress or queued), or null. */
export function runBlockedReason(state: Pick<StudioState, 'standaloneBusy'>): string | null {
  return state.standaloneBusy
    ? 'A stand-alone training is in progress; wait for it to finish or cancel it.'
    : null;
}
