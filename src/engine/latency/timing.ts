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
 * Shortest timed sample, ms. Browsers round performance.now() to 0.1 ms (or coarser), so a run
 * faster than that reads 0: such runs are repeated back to back within one sample and the sample
 * divided by the count.
 */
export const MIN_SAMPLE_MS = 2;

/** Most runs folded into one sample. */
export const MAX_RUNS_PER_SAMPLE = 1024;

/**
 * Milliseconds of one run of `run` (which returns a tensor it owns: wrap the computation in
 * tf.tidy), median over `repeats` timed samples after `warmup` runs. Each run is synced with
 * `await data()` (never dataSync, which stalls the webgpu backend) and its result disposed. A run
 * shorter than MIN_SAMPLE_MS is repeated k times per sample (k doubling from 1 until a sample
 * lasts that long, at most MAX_RUNS_PER_SAMPLE; these sizing runs come on top of the warm-up).
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
  /** Mean ms of `k` runs back to back. */
  const sample = async (k: number): Promise<number> => {
    if (k === 1) return once();
    const started = performance.now();
    for (let i = 0; i < k; i++) await once();
    return (performance.now() - started) / k;
  };
  for (let i = 0; i < opts.warmup; i++) await once();
  let k = 1;
  let first = await once();
  while (first < MIN_SAMPLE_MS && k < MAX_RUNS_PER_SAMPLE) {
    k *= 2;
    first = (await sample(k)) * k;
  }
  const times: number[] = [];
  for (let i = 0; i < opts.repeats; i++) times.push(await sample(k));
  return median(times);
}
