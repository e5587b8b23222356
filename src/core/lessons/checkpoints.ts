/** Lesson checkpoints: pure predicates over the run state and the page, and the words that say what a step waits for. */
import type { RunState } from '../run/state';
import { lastPoint } from '../series/downsample';
import type { Checkpoint, LessonView } from './format';

/** What a checkpoint may look at: the run being watched, the view open and the composer's space size. */
export interface LessonContext {
  readonly run: RunState;
  readonly view: LessonView;
  /** Distinct architectures of the space in the composer (null while it does not build). */
  readonly spaceSize: bigint | null;
}

/** Epochs of the run evaluated so far (from its latest evaluation on the validation split). */
export function epochsTrained(run: RunState): number {
  const point = lastPoint(run.evals);
  return point === null ? 0 : point.epoch;
}

/** The largest softmax weight of `op` on any edge of any searched cell, latest alphas (0 when none). */
export function largestAlpha(run: RunState, op: string): number {
  let most = 0;
  const cells = run.started?.cells ?? {};
  for (const [role, edges] of Object.entries(cells)) {
    const series = run.alphas[role as keyof typeof run.alphas];
    const point = series === undefined ? null : lastPoint(series);
    if (point === null || edges === undefined) continue;
    let offset = 0;
    for (const edge of edges) {
      edge.ops.forEach((name, i) => {
        const w = point.weights[offset + i];
        if (name === op && w !== undefined && w > most) most = w;
      });
      offset += edge.ops.length;
    }
  }
  return most;
}

/** Subnets of the run trained stand-alone (multi-trial trials, or stand-alone checks). */
export function standaloneCount(run: RunState): number {
  return run.subnets.filter((s) => s.evaluation === 'standalone').length;
}

/** True when the page has reached the checkpoint. */
export function checkpointReached(c: Checkpoint, ctx: LessonContext): boolean {
  const run = ctx.run;
  switch (c.kind) {
    case 'run-finished':
      return run.status === 'finished' && run.result !== null;
    case 'epoch-reached':
      return epochsTrained(run) >= c.epoch;
    case 'alpha-above':
      return largestAlpha(run, c.op) > c.value;
    case 'skip-count': {
      const last = run.diagnostics[run.diagnostics.length - 1];
      return last !== undefined && last.skipCount >= c.count;
    }
    case 'early-stopped':
      return run.earlyStop !== null;
    case 'selection-done':
      return run.selection !== null && run.result !== null;
    case 'standalone-trained':
      return standaloneCount(run) >= c.count;
    case 'tab-open':
      return ctx.view === c.tab;
    case 'space-size':
      return ctx.spaceSize !== null && ctx.spaceSize >= BigInt(c.atLeast);
  }
}

/** The view names as the page's tabs show them. */
const VIEW_NAMES: Record<LessonView, string> = {
  space: 'Search space',
  run: 'Run',
  search: 'Subnets & Pareto',
  history: 'History',
};

/** What a step waits for, in words ("waiting for: …" follows it). */
export function describeCheckpoint(c: Checkpoint): string {
  switch (c.kind) {
    case 'run-finished':
      return 'the run to finish';
    case 'epoch-reached':
      return `the run to reach epoch ${c.epoch}`;
    case 'alpha-above':
      return `${c.op}'s weight on some edge to pass ${c.value}`;
    case 'skip-count':
      return `the derived normal cell to hold ${c.count} or more skip connections`;
    case 'early-stopped':
      return 'DARTS+ to stop the search early';
    case 'selection-done':
      return 'perturbation-based selection to choose the cell';
    case 'standalone-trained':
      return `${c.count} subnets trained stand-alone`;
    case 'tab-open':
      return `the "${VIEW_NAMES[c.tab]}" tab to be open`;
    case 'space-size':
      return `a search space of at least ${BigInt(c.atLeast).toLocaleString('en')} architectures in the composer`;
  }
}
