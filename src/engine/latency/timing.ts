/** Wall-clock timing of a tfjs computation: warm-up runs, then the median of timed runs, each synced by reading its result back. */
import type * as tf from '@tensorflow/tfjs';
import { median } from '../../core/stats/median';

/** How a computation is timed: untimed warm-up runs, then timed runs whose median is kept. */
export interface TimingOptions {
  readonly warmup: number;
  readonly repeats: number;
}

export { median };

/**
 * Milliseconds of one run of `run` (which returns a tensor it owns: wrap the computation in
 * tf.tidy), median over `repeats` after `warmup` runs. Each run is synced with `await data()`
 * (never dataSync, which stalls the webgpu backend) and its result disposed.
 */
export async function timeMedian(run: () => tf.Tensor, opts: TimingOptions): Promise<number> {
  if (!Number.isInteger(opts.warmup) || opts.warmup < 0) {
    throw new Error(`Warm-up runs must be a whole number >= 0, got ${opts.warmup}.`);
  }
  if (!Number.isInteger(opts.repeats) || opts.repeats < 1) {
    throw new Error(`Timed runs must be a whole number >= 1, got ${opts.repeats}.`);
  }
  const once = async (): Promise<number> => {
    const started = performance.now();
    const y = run();
    try {
      await y.data();
    } finally {
      y.dispose();
    }
    return performance.now() - started;
  };
  for (let i = 0; i < opts.warmup; i++) await once();
  const times: number[] = [];
  for (let i = 0; i < opts.repeats; i++) times.push(await once());
  return median(times);
}
