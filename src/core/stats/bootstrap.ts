/**
 * Percentile bootstrap over pairs: how uncertain a statistic of paired samples (a rank correlation
 * between supernet and stand-alone accuracy) is, from resampling the pairs with replacement.
 * Seeded, so the same pairs always give the same interval.
 */
import { createRng } from '../random';

/** A two-sided interval of a statistic, and how many resamples it rests on. */
export interface BootstrapInterval {
  readonly low: number;
  readonly high: number;
  /** The central probability the interval covers, e.g. 0.9. */
  readonly level: number;
  /** Resamples whose statistic was defined (a resample with a constant side gives NaN and is left out). */
  readonly resamples: number;
}

/** How a bootstrap resamples: the count, the coverage and the seed. */
export interface BootstrapOptions {
  readonly resamples: number;
  readonly level: number;
  readonly seed: number;
}

/**
 * The defaults: 2,000 resamples, a 90% interval, and a fixed seed so an interval never changes
 * while its pairs stay the same. With 2,000 resamples the end points of a rank correlation's
 * interval over 8 to 15 pairs moved by 0.003 to 0.035 (one standard deviation) from seed to seed:
 * small beside the interval's width, which is what a reader should see.
 */
export const BOOTSTRAP_DEFAULTS: BootstrapOptions = { resamples: 2000, level: 0.9, seed: 20_201 };

/** The q-quantile (0 ≤ q ≤ 1) of ascending `sorted` by linear interpolation between order statistics (type 7). */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = q * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.min(sorted.length - 1, lo + 1);
  const a = sorted[lo] ?? Number.NaN;
  const b = sorted[hi] ?? Number.NaN;
  return a + (at - lo) * (b - a);
}

/**
 * The percentile bootstrap interval of `statistic(x, y)`: draws `resamples` sets of n pairs with
 * replacement from the n pairs (x[i], y[i]), keeps each finite statistic, and returns the
 * (1 - level) / 2 and (1 + level) / 2 quantiles of those. Null when fewer than two pairs, or when no
 * resample gives a finite statistic. Throws on samples of unequal length.
 */
export function bootstrapPairs(
  x: readonly number[],
  y: readonly number[],
  statistic: (x: readonly number[], y: readonly number[]) => number,
  options: BootstrapOptions = BOOTSTRAP_DEFAULTS,
): BootstrapInterval | null {
  if (x.length !== y.length)
    throw new Error(
      `A bootstrap over pairs needs paired samples; got ${x.length} and ${y.length}.`,
    );
  const n = x.length;
  if (n < 2) return null;
  const rng = createRng(options.seed);
  const values: number[] = [];
  const rx = new Array<number>(n);
  const ry = new Array<number>(n);
  for (let r = 0; r < options.resamples; r++) {
    for (let i = 0; i < n; i++) {
      const j = rng.int(n);
      rx[i] = x[j] ?? Number.NaN;
      ry[i] = y[j] ?? Number.NaN;
    }
    const v = statistic(rx, ry);
    if (Number.isFinite(v)) values.push(v);
  }
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  const tail = (1 - options.level) / 2;
  return {
    low: quantileSorted(values, tail),
    high: quantileSorted(values, 1 - tail),
    level: options.level,
    resamples: values.length,
  };
}
