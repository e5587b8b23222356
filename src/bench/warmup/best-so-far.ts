/** The numbers the warm-up comparison prints: best-so-far validation accuracy after k trials, and a mean ± sd over seeds. */
import type { SubnetRecord } from '../../core/run/protocol';

/** The best validation accuracy among the first k records (evaluation order) for each k of `ks`; NaN before any. */
export function bestSoFar(records: readonly SubnetRecord[], ks: readonly number[]): number[] {
  return ks.map((k) =>
    records
      .slice(0, k)
      .map((r) => r.accuracy)
      .filter((a) => !Number.isNaN(a))
      .reduce((best, a) => (Number.isNaN(best) || a > best ? a : best), Number.NaN),
  );
}

/** Mean and sample standard deviation (n − 1; 0 for one value) of the finite values. */
export function meanSd(values: readonly number[]): { mean: number; sd: number; n: number } {
  const xs = values.filter((v) => Number.isFinite(v));
  const n = xs.length;
  if (n === 0) return { mean: Number.NaN, sd: Number.NaN, n };
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const sd = n < 2 ? 0 : Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  return { mean, sd, n };
}
