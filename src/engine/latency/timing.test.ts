import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../node-backend';
import { median, timeMedian } from './timing';

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([2])).toBe(2);
    expect(() => median([])).toThrow(/no values/);
  });
});

describe('timeMedian (wasm)', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('runs warm-up plus timed runs, reads each back, and disposes every result', async () => {
    const x = tf.ones([128, 128]);
    const before = tf.memory().numTensors;
    let runs = 0;
    // A run of several ms needs no repetition: one sizing run, then one run per sample.
    const ms = await timeMedian(
      () => {
        runs += 1;
        const started = performance.now();
        while (performance.now() - started < 3);
        return tf.tidy(() => tf.relu(tf.add(x, 1)));
      },
      { warmup: 2, repeats: 3 },
    );
    expect(runs).toBe(2 + 1 + 3);
    expect(ms).toBeGreaterThanOrEqual(3);
    expect(Number.isFinite(ms) && ms > 0).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });

  it('repeats runs faster than the clock resolves within one sample, so they never read 0', async () => {
    let runs = 0;
    const ms = await timeMedian(
      () => {
        runs += 1;
        return tf.scalar(1);
      },
      { warmup: 0, repeats: 3 },
    );
    expect(ms).toBeGreaterThan(0);
    // The sample size doubled at least once: far more runs than 1 + 3.
    expect(runs).toBeGreaterThan(8);
  });

  it('refuses counts that cannot give a median', async () => {
    const run = (): tf.Tensor => tf.scalar(1);
    await expect(timeMedian(run, { warmup: 0, repeats: 0 })).rejects.toThrow(/Timed runs/);
    await expect(timeMedian(run, { warmup: -1, repeats: 3 })).rejects.toThrow(/Warm-up/);
  });
});
