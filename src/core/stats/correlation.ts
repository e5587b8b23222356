/**
 * Rank correlations between two measures of the same subnets (supernet against stand-alone accuracy,
 * a zero-cost proxy against trained accuracy): Kendall's tau-b and Spearman's rho, ties handled.
 */
import { averageRanks } from './ranks';

/** Throws unless both samples have the same length and only finite values. */
function checkPaired(x: readonly number[], y: readonly number[]): void {
  if (x.length !== y.length)
    throw new Error(
      `Rank correlation needs paired samples; got ${x.length} and ${y.length} values.`,
    );
  if (![...x, ...y].every(Number.isFinite))
    throw new Error('Rank correlation needs finite values; a sample holds NaN or an infinity.');
}

/**
 * Kendall's tau-b: (concordant - discordant) / sqrt((n0 - tx) (n0 - ty)), with n0 = n(n-1)/2 pairs
 * and tx, ty the pairs tied in x and in y. NaN when fewer than two pairs or either sample is
 * constant. O(n^2): fine for the thousands of subnets a search evaluates.
 */
export function kendallTau(x: readonly number[], y: readonly number[]): number {
  checkPaired(x, y);
  const n = x.length;
  let concordant = 0;
  let discordant = 0;
  let tiedX = 0;
  let tiedY = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = Math.sign((x[j] ?? 0) - (x[i] ?? 0));
      const dy = Math.sign((y[j] ?? 0) - (y[i] ?? 0));
      if (dx === 0) tiedX++;
      if (dy === 0) tiedY++;
      if (dx * dy > 0) concordant++;
      else if (dx * dy < 0) discordant++;
    }
  }
  const pairs = (n * (n - 1)) / 2;
  const denominator = Math.sqrt((pairs - tiedX) * (pairs - tiedY));
  return denominator === 0 ? NaN : (concordant - discordant) / denominator;
}

/** Pearson's correlation of two equal-length samples; NaN when either is constant or shorter than 2. */
export function pearson(x: readonly number[], y: readonly number[]): number {
  checkPaired(x, y);
  const n = x.length;
  if (n < 2) return NaN;
  const mean = (v: readonly number[]): number => v.reduce((a, b) => a + b, 0) / n;
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] ?? 0) - mx;
    const dy = (y[i] ?? 0) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  const denominator = Math.sqrt(sxx * syy);
  return denominator === 0 ? NaN : sxy / denominator;
}

/** Spearman's rho: Pearson's correlation of the average ranks (ties share their mean rank). NaN when undefined. */
export function spearmanRho(x: readonly number[], y: readonly number[]): number {
  checkPaired(x, y);
  return pearson(averageRanks(x), averageRanks(y));
}
