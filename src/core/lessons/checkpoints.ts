/** Lesson checkpoints: pure predicates over the run state and the page, and the words that say what a step waits for. */
import type { CostAxis } from '../pareto/cost-axes';
import type { RunState } from '../run/state';
import { lastPoint } from '../series/downsample';
import type { Checkpoint, LessonView } from './format';

/** What a checkpoint may look at: the run being watched, the view open, the composer's space size and the search view's state. */
export interface LessonContext {
  readonly run: RunState;
  readonly view: LessonView;
  /** Distinct architectures of the space in the composer (null while it does not build). */
  readonly spaceSize: bigint | null;
  /**
   * Subnets of `run` with a stand-alone accuracy: trained by the run itself (multi-trial trials)
   * or by a stand-alone training the learner started from the search view.
   */
  readonly standaloneTrained: number;
  /** The cost on the Pareto chart's x axis. */
  readonly costAxis: CostAxis;
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

/**
 * Subnets of `run` with a stand-alone accuracy: those the run trained stand-alone (multi-trial
 * trials) and those whose key `trainedKeys` holds (stand-alone trainings finished since).
 */
export function standaloneCount(run: RunState, trainedKeys: ReadonlySet<string>): number {
  return run.subnets.filter((s) => s.evaluation === 'standalone' || trainedKeys.has(s.key)).length;
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
      return ctx.standaloneTrained >= c.count;
    case 'tab-open':
      return ctx.view === c.tab;
    case 'cost-axis':
      return ctx.costAxis === c.axis;
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

/** The cost axes as the Pareto chart's select names them. */
const AXIS_NAMES: Record<CostAxis, string> = {
  params: 'Params',
  flops: 'FLOPs',
  latencyMs: 'Latency',
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
    case 'cost-axis':
      return `the Pareto chart's cost axis set to ${AXIS_NAMES[c.axis]}`;
    case 'space-size':
      return `a search space of at least ${BigInt(c.atLeast).toLocaleString('en')} architectures in the composer`;
  }
}
