import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../core/run/protocol';
import { createProgressPrinter, STEP_LINE_INTERVAL_MS } from './progress';

const step = (n: number): RunEvent => ({
  type: 'step',
  step: n,
  epoch: 1,
  trainLoss: 0.5,
  trainAcc: 0.75,
  alphaLoss: 0.6,
  elapsedMs: 1500,
});

describe('headless progress lines', () => {
  it('prints a step line at most every few seconds, and always the last step', () => {
    let now = 0;
    const print = createProgressPrinter(() => now);
    print({
      type: 'started',
      totalSteps: 10,
      stepsPerEpoch: 5,
      cells: {},
      trainCount: 10,
      validCount: 10,
      testCount: 5,
      paramCount: 100,
    });
    expect(print(step(1))).toEqual([
      'step 1/10 · epoch 1 · loss 0.5000 · batch accuracy 75.0% · 1.5 s',
    ]);
    now = STEP_LINE_INTERVAL_MS - 1;
    expect(print(step(2))).toEqual([]);
    now = STEP_LINE_INTERVAL_MS;
    expect(print(step(3))).toHaveLength(1);
    expect(print(step(10))).toHaveLength(1);
  });

  it('names statuses, phases, the derived cell and the end in plain words', () => {
    const print = createProgressPrinter(() => 0);
    expect(print({ type: 'status', status: 'failed', step: 3, message: 'boom' })).toEqual([
      'failed: boom',
    ]);
    expect(print({ type: 'phase', phase: 'selection', message: 'choosing' })).toEqual([
      'phase selection: choosing',
    ]);
    const metrics = {
      trainAcc: 1,
      validAcc: 0.9,
      testAcc: Number.NaN,
      trainLoss: 0,
      validLoss: 0,
      testLoss: 0,
    };
    expect(
      print({
        type: 'finished',
        step: 4,
        genotype: { normal: { edges: [], concat: [] }, reduce: null },
        metrics,
        weights: {},
      }),
    ).toEqual(['finished after 4 steps: validation 90.0%, test n/a']);
  });
});
