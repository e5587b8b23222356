import { describe, expect, it } from 'vitest';
import { proxyCorrelations, rankByKendall } from './trust';

const archs = [
  { accuracy: 0.5, scores: { synflow: 1, params: 40, naswot: null } },
  { accuracy: 0.6, scores: { synflow: 2, params: 10, naswot: 3 } },
  { accuracy: 0.7, scores: { synflow: 3, params: 30, naswot: Number.NaN } },
  { accuracy: 0.8, scores: { synflow: 4, params: 20, naswot: 1 } },
];

describe('which proxy to believe', () => {
  it('gives Kendall tau and Spearman rho against accuracy, per score', () => {
    const [synflow, params, naswot] = proxyCorrelations(archs, ['synflow', 'params', 'naswot']);
    expect(synflow?.kendall.value).toBe(1);
    expect(synflow?.spearman.value).toBe(1);
    // params: 40, 10, 30, 20 against rising accuracy: 2 concordant, 4 discordant pairs.
    expect(params?.kendall.value).toBeCloseTo(-2 / 6, 12);
    expect(params?.spearman.value).toBeCloseTo(-0.4, 12);
    // Missing and non-finite scores leave their pairs out.
    expect(naswot?.pairs).toBe(2);
    expect(naswot?.kendall.value).toBe(-1);
    expect(rankByKendall([synflow!, params!, naswot!])).toEqual(['synflow', 'params', 'naswot']);
  });

  it('bootstrap intervals are seeded and contain the estimate', () => {
    const a = proxyCorrelations(archs, ['params'], { resamples: 500, level: 0.9, seed: 3 });
    const b = proxyCorrelations(archs, ['params'], { resamples: 500, level: 0.9, seed: 3 });
    expect(a).toEqual(b);
    const i = a[0]?.kendall.interval;
    expect(i?.low).toBeLessThanOrEqual(-2 / 6);
    expect(i?.high).toBeGreaterThanOrEqual(-2 / 6);
  });

  it('leaves a score with fewer than two pairs undefined', () => {
    const [row] = proxyCorrelations([archs[0]!], ['synflow']);
    expect(row?.kendall).toEqual({ value: null, interval: null });
  });
});
