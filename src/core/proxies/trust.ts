/**
 * "Which proxy to believe": for the architectures trained stand-alone, each proxy's (and each cost
 * baseline's) Kendall τ and Spearman ρ against stand-alone accuracy, each with a seeded percentile
 * bootstrap interval, so a proxy that ranks no better than params says so on the user's own data.
 */
import { bootstrapPairs, BOOTSTRAP_DEFAULTS, type BootstrapOptions } from '../stats/bootstrap';
import { kendallTau, spearmanRho } from '../stats/correlation';
import type { RankEstimate } from '../trust/fidelity';

/** One architecture trained stand-alone: its accuracy and its scores (a missing or non-finite score leaves the pair out for that score). */
export interface ScoredArchitecture {
  readonly accuracy: number;
  readonly scores: Readonly<Record<string, number | null | undefined>>;
}

/** One row of the table: a score's rank correlations with accuracy over `pairs` architectures. */
export interface ProxyCorrelation {
  readonly name: string;
  readonly pairs: number;
  readonly kendall: RankEstimate;
  readonly spearman: RankEstimate;
}

/** The rank correlation and its interval, or nulls when undefined (fewer than 2 pairs, a constant side). */
function estimate(
  x: readonly number[],
  y: readonly number[],
  statistic: (x: readonly number[], y: readonly number[]) => number,
  options: BootstrapOptions,
): RankEstimate {
  if (x.length < 2) return { value: null, interval: null };
  const v = statistic(x, y);
  if (!Number.isFinite(v)) return { value: null, interval: null };
  return { value: v, interval: bootstrapPairs(x, y, statistic, options) };
}

/**
 * Kendall τ and Spearman ρ of every score in `names` against accuracy over `archs`, with bootstrap
 * intervals (seeded by `options`, so the same pairs give the same table). Sorted by `names` order.
 */
export function proxyCorrelations(
  archs: readonly ScoredArchitecture[],
  names: readonly string[],
  options: BootstrapOptions = BOOTSTRAP_DEFAULTS,
): ProxyCorrelation[] {
  return names.map((name) => {
    const x: number[] = [];
    const y: number[] = [];
    for (const a of archs) {
      const s = a.scores[name];
      if (typeof s === 'number' && Number.isFinite(s) && Number.isFinite(a.accuracy)) {
        x.push(s);
        y.push(a.accuracy);
      }
    }
    return {
      name,
      pairs: x.length,
      kendall: estimate(x, y, kendallTau, options),
      spearman: estimate(x, y, spearmanRho, options),
    };
  });
}

/** The names whose Kendall τ is defined, best first (highest τ). */
export function rankByKendall(rows: readonly ProxyCorrelation[]): string[] {
  return rows
    .filter((r) => r.kendall.value !== null)
    .sort((a, b) => (b.kendall.value ?? 0) - (a.kendall.value ?? 0))
    .map((r) => r.name);
}
