/** Timing one unit of a run's work: warm-up runs, then the median of timed runs within a time budget. */
import { yieldToEventLoop } from '../../core/run/control';
import { median } from '../../core/stats/median';

/**
 * How a unit is timed: untimed warm-ups (at least one, more while fewer than `maxWarmups` have run
 * and less than `warmupMs` is spent), then timed repeats until `maxRepeats` have run or `budgetMs`
 * is spent (at least one).
 */
export interface UnitTiming {
  readonly maxWarmups: number;
  readonly warmupMs: number;
  readonly maxRepeats: number;
  readonly budgetMs: number;
}

/** How a probe times its units: the first (the run's main training step) warms the JavaScript engine and the backend for all. */
export interface ProbeTiming {
  readonly first: UnitTiming;
  readonly rest: UnitTiming;
}

/**
 * The first unit warms up for up to 25 runs or 0.6 s, the others (whose code and kernels it has
 * mostly warmed) for up to 0.15 s; each is then timed up to 9 times within 0.3 s. Small networks
 * need the runs: on wasm in Node the teaching cell's step took 230 ms, then 100, and settled near
 * 15-20 ms only after some 20 steps (the JavaScript engine optimising tfjs's many small calls). A
 * DARTS-preset step of half a second gets one warm-up and one timed run, so its probe stays near
 * three seconds on an idle 2-core machine.
 */
export const PROBE_TIMING: ProbeTiming = {
  first: { maxWarmups: 25, warmupMs: 600, maxRepeats: 9, budgetMs: 300 },
  rest: { maxWarmups: 25, warmupMs: 150, maxRepeats: 9, budgetMs: 300 },
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
 * backends are timed to completion) under `timing`. `shouldStop` is asked before every run, after
 * yielding to the event loop so a stop request can arrive; when it says yes, ProbeStopped is thrown.
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
  for (let i = 0; i === 0 || (i < timing.maxWarmups && warm < timing.warmupMs); i++)
    warm += await once();
  const times: number[] = [];
  let spent = 0;
  while (times.length < Math.max(1, timing.maxRepeats)) {
    const ms = await once();
    times.push(ms);
    spent += ms;
    if (spent >= timing.budgetMs) break;
  }
  return median(times);
}
