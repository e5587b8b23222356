import { describe, expect, it } from 'vitest';
import { BOOTSTRAP_DEFAULTS, bootstrapPairs, quantileSorted } from './bootstrap';
import { kendallTau, spearmanRho } from './correlation';

const meanX = (x: readonly number[]): number => x.reduce((a, b) => a + b, 0) / x.length;

describe('quantileSorted', () => {
  it('interpolates linearly between order statistics', () => {
    expect(quantileSorted([1, 2, 3, 4], 0)).toBe(1);
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 12);
    const twentyOne = Array.from({ length: 21 }, (_, i) => i);
    expect(quantileSorted(twentyOne, 0.05)).toBeCloseTo(1, 12);
    expect(quantileSorted(twentyOne, 0.95)).toBeCloseTo(19, 12);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });
});

describe('bootstrapPairs', () => {
  it('is deterministic for a seed, and another seed moves it only a little', () => {
    const x = [0.61, 0.55, 0.72, 0.48, 0.66, 0.59, 0.7];
    const y = [0.8, 0.7, 0.78, 0.69, 0.85, 0.74, 0.83];
    const a = bootstrapPairs(x, y, kendallTau);
    const b = bootstrapPairs(x, y, kendallTau);
    expect(a).toEqual(b);
    const other = bootstrapPairs(x, y, kendallTau, { ...BOOTSTRAP_DEFAULTS, seed: 7 });
    expect(other).not.toBeNull();
    expect(Math.abs((other?.low ?? 0) - (a?.low ?? 0))).toBeLessThan(0.05);
    expect(Math.abs((other?.high ?? 0) - (a?.high ?? 0))).toBeLessThan(0.05);
  });

  it('brackets the point estimate and spans a wide range for few pairs', () => {
    const x = [0.61, 0.55, 0.72, 0.48, 0.66, 0.59, 0.7];
    const y = [0.8, 0.7, 0.78, 0.69, 0.85, 0.74, 0.83];
    const tau = kendallTau(x, y);
    const ci = bootstrapPairs(x, y, kendallTau);
    if (ci === null) throw new Error('no interval');
    expect(ci.level).toBe(0.9);
    expect(ci.low).toBeLessThanOrEqual(tau);
    expect(ci.high).toBeGreaterThanOrEqual(tau);
    expect(ci.high - ci.low).toBeGreaterThan(0.3);
    expect(ci.high).toBeLessThanOrEqual(1);
    expect(ci.low).toBeGreaterThanOrEqual(-1);
  });

  it('gives [1, 1] for a perfect agreement and [-1, -1] for a reversal', () => {
    const x = [1, 2, 3, 4, 5];
    expect(bootstrapPairs(x, [2, 4, 6, 8, 10], spearmanRho)).toMatchObject({ low: 1, high: 1 });
    expect(bootstrapPairs(x, [5, 4, 3, 2, 1], kendallTau)).toMatchObject({ low: -1, high: -1 });
  });

  it('reproduces the exact bootstrap distribution of a mean of two values', () => {
    // Resampling two pairs: the mean is 0 (1/4), 0.5 (1/2) or 1 (1/4). The 5% and 95% quantiles
    // fall in the outer quarters; the 30% and 70% quantiles in the middle half.
    const x = [0, 1];
    const y = [5, 6];
    expect(bootstrapPairs(x, y, meanX)).toMatchObject({ low: 0, high: 1 });
    const narrow = bootstrapPairs(x, y, meanX, { ...BOOTSTRAP_DEFAULTS, level: 0.4 });
    expect(narrow).toMatchObject({ low: 0.5, high: 0.5, resamples: BOOTSTRAP_DEFAULTS.resamples });
  });

  it('leaves out resamples whose statistic is undefined', () => {
    // Three distinct pairs: a resample of one pair drawn three times (3 of 27 draws) has constant
    // sides, so tau is NaN there; the rest are kept (about 8/9 of 2,000).
    const ci = bootstrapPairs([1, 2, 3], [1, 2, 3], kendallTau);
    if (ci === null) throw new Error('no interval');
    expect(ci.resamples).toBeGreaterThan(1700);
    expect(ci.resamples).toBeLessThan(1860);
    expect(ci).toMatchObject({ low: 1, high: 1 });
  });

  it('is null for fewer than two pairs or a constant side', () => {
    expect(bootstrapPairs([1], [1], kendallTau)).toBeNull();
    expect(bootstrapPairs([], [], kendallTau)).toBeNull();
    expect(bootstrapPairs([3, 3, 3], [1, 2, 3], kendallTau)).toBeNull();
  });

  it('refuses unpaired samples', () => {
    expect(() => bootstrapPairs([1, 2], [1], kendallTau)).toThrow(/paired/);
  });
});
