/** Timing one unit of a run's work: warm-up runs, then the median of timed runs within a time budget. */
import { yieldToEventLoop } from '../../core/run/control';
import { median } from '../../core/stats/median';

/**
 * How a unit is timed. The first `minWarmups` runs are discarded (cold runs); so is every later run
 * that still fits, with the discarded runs before it, in `warmupMs` (at most `maxWarmups` in all),
 * so a cheap unit warms up for a while and an expensive one is timed at once. Timed runs follow
 * until `maxRepeats` have run or `budgetMs` is spent (at least one); their median is kept. With
 * `maxRepeats` 0 the unit is only warmed up: runs follow while fewer than `minWarmups`, or fewer
 * than `maxWarmups` and less than `warmupMs` spent.
 */
export interface UnitTiming {
  readonly minWarmups: number;
  readonly maxWarmups: number;
  readonly warmupMs: number;
  readonly maxRepeats: number;
  readonly budgetMs: number;
}

/**
 * How a probe times its units. The first (the run's main training step) is only warmed up at
 * first (`lead`: its cold run, and more while they fit), which warms the JavaScript engine and the
 * backend's kernels for all; the other units are timed next, by their batch shape (one on the
 * training batch's shapes needs no cold run of its own; one on a new shape, the evaluation batch,
 * discards one on webgl and webgpu, which compile programs per shape); the first is timed last
 * (`leadTimed`), after all that warming.
 */
export interface ProbeTiming {
  readonly lead: UnitTiming;
  readonly sameShape: UnitTiming;
  readonly newShape: UnitTiming;
  readonly leadTimed: UnitTiming;
}

/**
 * The first unit warms up for up to 1.5 s (its cold run at least, 200 runs at most), the other
 * units for up to 0.2 s each and are timed for up to 0.4 s; then the first is timed for up to
 * 0.8 s (9 timed runs at most each). The warm-up is what makes the probe read the run's pace: on
 * wasm in Node the teaching cell's search step averaged 69 ms over its first 10 steps, 25 ms over
 * steps 21-30, 18 ms over 41-50 and 14-16 ms from step 120 on (the JavaScript engine optimising
 * tfjs's many small calls for seconds); NB201 on 14x14 digits settles in a few costlier steps
 * (weight step alone: 980, 610, 290, 280, then 160-210 ms), the DARTS preset in a few more (3.8 s,
 * 1.6 s, then 1.3-1.5 s a step); all at a load average of 3-4 on 2 cores.
 */
export const PROBE_TIMING: ProbeTiming = {
  lead: { minWarmups: 1, maxWarmups: 200, warmupMs: 1500, maxRepeats: 0, budgetMs: 0 },
  sameShape: { minWarmups: 0, maxWarmups: 40, warmupMs: 200, maxRepeats: 9, budgetMs: 400 },
  newShape: { minWarmups: 1, maxWarmups: 40, warmupMs: 200, maxRepeats: 9, budgetMs: 400 },
  leadTimed: { minWarmups: 0, maxWarmups: 40, warmupMs: 200, maxRepeats: 9, budgetMs: 800 },
};

/** Thrown when the probe was asked to stop (a run is about to start); nothing is left allocated. */
export class ProbeStopped extends Error {
  constructor() {
    super('The run-time probe was stopped.');
    this.name = 'ProbeStopped';
  }
}

/**
 * Median ms of `run` (which must end with its result read back by `await data()`, so asynchronous
 * backends are timed to completion) under `timing`; NaN when `timing` only warms up. `shouldStop`
 * is asked before every run, after yielding to the event loop so a stop request can arrive; when
 * it says yes, ProbeStopped is thrown.
 */
export async function timeUnit(
  run: () => Promise<void>,
  timing: UnitTiming,
  shouldStop: () => boolean = () => false,
): Promise<number> {
  const once = async (): Promise<number> => {
    await yieldToEventLoop();
    if (shouldStop()) throw new ProbeStopped();
    const started = performance.now();
    await run();
    return performance.now() - started;
  };
  let warm = 0;
  let warmups = 0;
  if (timing.maxRepeats < 1) {
    while (warmups < timing.minWarmups || (warmups < timing.maxWarmups && warm < timing.warmupMs)) {
      warm += await once();
      warmups += 1;
    }
    return Number.NaN;
  }
  let first = await once();
  while (
    warmups < timing.minWarmups ||
    (warmups < timing.maxWarmups && warm + first <= timing.warmupMs)
  ) {
    warm += first;
    warmups += 1;
    first = await once();
  }
  const times = [first];
  let spent = first;
  while (times.length < timing.maxRepeats && spent < timing.budgetMs) {
    const ms = await once();
    times.push(ms);
    spent += ms;
  }
  return median(times);
}
