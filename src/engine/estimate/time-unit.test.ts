import { describe, expect, it } from 'vitest';
import { ProbeStopped, timeUnit, type UnitTiming } from './time-unit';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A unit whose k-th run sleeps `durations[k]` ms (the last one after that); counts its runs. */
function scripted(durations: readonly number[]) {
  let runs = 0;
  const run = async (): Promise<void> => {
    const ms = durations[Math.min(runs, durations.length - 1)] ?? 0;
    runs += 1;
    await sleep(ms);
  };
  return { run, runs: () => runs };
}

describe('timeUnit', () => {
  it('discards the cold runs and cheap runs within the warm-up budget, then times up to maxRepeats', async () => {
    const unit = scripted([40, 1]);
    const timing: UnitTiming = {
      minWarmups: 1,
      maxWarmups: 4,
      warmupMs: 10_000,
      maxRepeats: 3,
      budgetMs: 10_000,
    };
    const ms = await timeUnit(unit.run, timing);
    // 4 warm-ups (the cold one included), then 3 timed runs.
    expect(unit.runs()).toBe(7);
    expect(ms).toBeLessThan(40);
  });

  it('times an expensive unit at once when no cold run is asked for', async () => {
    const unit = scripted([30]);
    const timing: UnitTiming = {
      minWarmups: 0,
      maxWarmups: 25,
      warmupMs: 5,
      maxRepeats: 9,
      budgetMs: 50,
    };
    const ms = await timeUnit(unit.run, timing);
    // The first run does not fit the warm-up budget: it is timed; the second spends the budget.
    expect(unit.runs()).toBe(2);
    expect(ms).toBeGreaterThanOrEqual(25);
  });

  it('only warms up when no timed run is asked for', async () => {
    const unit = scripted([20, 1]);
    const timing: UnitTiming = {
      minWarmups: 1,
      maxWarmups: 3,
      warmupMs: 10_000,
      maxRepeats: 0,
      budgetMs: 0,
    };
    expect(await timeUnit(unit.run, timing)).toBeNaN();
    expect(unit.runs()).toBe(3);
    // An expensive unit stops once the warm-up time is spent, its cold run included.
    const slow = scripted([30]);
    await timeUnit(slow.run, { ...timing, warmupMs: 10 });
    expect(slow.runs()).toBe(1);
  });

  it('stops before a run when asked', async () => {
    const unit = scripted([1]);
    let asked = 0;
    const timing: UnitTiming = {
      minWarmups: 1,
      maxWarmups: 1,
      warmupMs: 0,
      maxRepeats: 9,
      budgetMs: 1e9,
    };
    await expect(timeUnit(unit.run, timing, () => ++asked > 3)).rejects.toBeInstanceOf(
      ProbeStopped,
    );
    expect(unit.runs()).toBe(3);
  });
});
