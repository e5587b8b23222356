/** Thins a stream of training steps to at most one report per interval, always keeping the first and the last step. */

/** Decides, step by step, which steps are reported. */
export interface ProgressThrottle {
  /** True when step `step` of `totalSteps` should be reported now. */
  due(step: number, totalSteps: number): boolean;
}

/** A throttle allowing one report per `intervalMs` of `now()` time, plus the final step (`step >= totalSteps`). */
export function createProgressThrottle(
  intervalMs: number,
  now: () => number = () => performance.now(),
): ProgressThrottle {
  let last = Number.NEGATIVE_INFINITY;
  return {
    due: (step, totalSteps) => {
      const t = now();
      if (step < totalSteps && t - last < intervalMs) return false;
      last = t;
      return true;
    },
  };
}
