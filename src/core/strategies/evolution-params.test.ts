import { describe, expect, it } from 'vitest';
import { scaledEvolution, SPOS_EVOLUTION } from './evolution-params';

describe('scaledEvolution', () => {
  it('keeps the SPOS defaults for large spaces and budgets', () => {
    expect(SPOS_EVOLUTION).toEqual({
      generations: 20,
      population: 50,
      topK: 10,
      mutations: 25,
      crossovers: 25,
      mutationProbability: 0.1,
    });
    expect(scaledEvolution(15_625n)).toBe(SPOS_EVOLUTION);
    expect(scaledEvolution(10n ** 18n, 5000)).toBe(SPOS_EVOLUTION);
  });

  it('shrinks for small spaces and budgets, never past half the space or the budget', () => {
    const cases: [bigint, number | undefined][] = [
      [44n, undefined],
      [125n, undefined],
      [15_625n, 200],
      [10n ** 18n, 30],
      [10n ** 18n, 3],
      [2n, undefined],
    ];
    for (const [size, budget] of cases) {
      const p = scaledEvolution(size, budget);
      const evaluations = p.generations * p.population;
      expect(evaluations).toBeLessThanOrEqual(
        Math.max(1, Math.min(Number(size) / 2, budget ?? Infinity)),
      );
      expect(p.generations).toBeGreaterThanOrEqual(1);
      expect(p.topK).toBeGreaterThanOrEqual(1);
      expect(p.topK).toBeLessThanOrEqual(p.population);
      expect(p.mutations + p.crossovers).toBe(p.population);
      expect(p.mutationProbability).toBe(0.1);
    }
    expect(scaledEvolution(15_625n, 200)).toEqual({
      generations: 9,
      population: 22,
      topK: 4,
      mutations: 11,
      crossovers: 11,
      mutationProbability: 0.1,
    });
  });
});
