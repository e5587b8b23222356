/** The spread of repeated measurements (accuracies over seeds): count, mean, sample deviation, range. */

/** Count, mean, sample standard deviation (n − 1; NaN below two values), min and max of the finite values. */
export interface Spread {
  readonly n: number;
  readonly mean: number;
  readonly sd: number;
  readonly min: number;
  readonly max: number;
}

/** The spread of the finite values in `values` (NaN everywhere when there are none). */
export function spreadOf(values: readonly number[]): Spread {
  const xs = values.filter((v) => Number.isFinite(v));
  const n = xs.length;
  if (n === 0) return { n, mean: Number.NaN, sd: Number.NaN, min: Number.NaN, max: Number.NaN };
  const mean = xs.reduce((s, v) => s + v, 0) / n;
  const sd = n < 2 ? Number.NaN : Math.sqrt(xs.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  return { n, mean, sd, min: Math.min(...xs), max: Math.max(...xs) };
}

/** Fewer repeats than this leave the standard deviation saying little. */
export const FEW_REPEATS = 3;
