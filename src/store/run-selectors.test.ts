import { describe, expect, it } from 'vitest';
import type { ExperimentSpec } from '../core/experiment/spec';
import type { RunEvent } from '../core/run/protocol';
import { beginRun, foldEvents } from '../core/run/fold';
import { formatDuration, progressOf, recentRate } from './run-selectors';
import { initialRunState } from '../core/run/state';

const step = (i: number, ms: number): RunEvent => ({
  type: 'step',
  step: i,
  epoch: 0,
  trainLoss: 1,
  trainAcc: 0.5,
  alphaLoss: 1,
  elapsedMs: ms,
});

describe('run selectors', () => {
  it('reads progress from the latest step and the budget', () => {
    const spec = { version: 1 } as unknown as ExperimentSpec;
    let s = beginRun(initialRunState(), spec);
    expect(progressOf(s)).toMatchObject({ done: 0, total: 0, fraction: 0, stepsPerSec: null });
    s = foldEvents(s, [
      {
        type: 'started',
        totalSteps: 40,
        stepsPerEpoch: 10,
        cells: {},
        trainCount: 1,
        validCount: 1,
        testCount: 1,
        paramCount: 1,
      },
      step(1, 500),
      step(2, 1000),
      step(3, 1250),
    ]);
    const p = progressOf(s);
    expect(p.done).toBe(3);
    expect(p.total).toBe(40);
    expect(p.epochs).toBe(4);
    expect(p.fraction).toBeCloseTo(3 / 40);
    expect(p.elapsedMs).toBe(1250);
    expect(p.stepsPerSec).toBeCloseTo(2 / 0.75);
  });

  it('measures speed over the latest steps only', () => {
    const pts = Array.from({ length: 30 }, (_, i) => ({
      step: i + 1,
      epoch: 0,
      trainLoss: 1,
      trainAcc: 0,
      alphaLoss: 1,
      elapsedMs: i < 15 ? (i + 1) * 1000 : 15_000 + (i - 14) * 100,
    }));
    expect(recentRate(pts)).toBeCloseTo(10);
    expect(recentRate(pts.slice(0, 1))).toBeCloseTo(1);
    expect(recentRate([])).toBeNull();
  });

  it('formats durations', () => {
    expect(formatDuration(0)).toBe('0.0 s');
    expect(formatDuration(4_260)).toBe('4.3 s');
    expect(formatDuration(61_500)).toBe('1:01');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
  });
});
