import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { canonicalGenotype, enumerateGenotypes } from '../search-space/enumerate.testkit';
import { cellSize } from '../search-space/size';
import type { CellSpec } from '../search-space/types';
import { sampleCellGenotype, sampleGenotype, sampleWeightedSubset } from './sample';
import { TEST_SPACES, TINY_TOP_K, validityFailures } from './strategies.testkit';

/** Pearson's chi-square statistic of observed counts against equal expected counts. */
function chiSquare(counts: readonly number[], draws: number): number {
  const expected = draws / counts.length;
  return counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
}

/** Counts of each genotype of `cell` over `draws` samples, keyed by the brute-force enumeration. */
function genotypeCounts(cell: CellSpec, draws: number, seed: number): Map<string, number> {
  const counts = new Map<string, number>([...enumerateGenotypes(cell)].map((g) => [g, 0]));
  const rng = createRng(seed);
  for (let i = 0; i < draws; i++) {
    const g = canonicalGenotype(sampleCellGenotype(cell, rng));
    const n = counts.get(g);
    if (n === undefined) throw new Error(`sampled ${g}, which the cell cannot derive`);
    counts.set(g, n + 1);
  }
  return counts;
}

describe('sampleGenotype', () => {
  it('is uniform over the 44 genotypes of a tiny top-k cell (chi-square, seed 11)', () => {
    expect(cellSize(TINY_TOP_K)).toBe(44n);
    const draws = 44 * 500;
    const counts = genotypeCounts(TINY_TOP_K, draws, 11);
    expect(counts.size).toBe(44);
    expect([...counts.values()].every((n) => n > 0)).toBe(true);
    // 43 degrees of freedom; the 0.999 quantile of chi-square(43) is 77.419.
    expect(chiSquare([...counts.values()], draws)).toBeLessThan(77.419);
  });

  it('would fail that test for a sampler picking subsets unweighted', () => {
    // The same counts if each node's 2-subset were drawn uniformly (1/3 each at n1): genotypes of
    // the subset {e2, e4} (1 x 2 ways) would get 1/3 / 2 of n1's mass instead of 1/11 each.
    const n1 = { e2e3: 3, e2e4: 2, e3e4: 6 };
    const uniform = Object.values(n1).flatMap((ways) => new Array<number>(ways).fill(1 / 3 / ways));
    const draws = 44 * 500;
    const counts = uniform.flatMap((p) => new Array<number>(4).fill((draws * p) / 4));
    expect(counts.length).toBe(44);
    expect(chiSquare(counts, draws)).toBeGreaterThan(77.419);
  });

  it('is uniform over a per-edge cell (all 125 NB201 cells of 3 edges)', () => {
    const cell: CellSpec = {
      inputs: ['n0'],
      nodes: ['n1', 'n2'],
      edges: [
        {
          id: 'e0',
          from: 'n0',
          to: 'n1',
          ops: ['none', 'skip_connect', 'nor_conv_1x1', 'nor_conv_3x3', 'avg_pool_3x3'],
        },
        {
          id: 'e1',
          from: 'n0',
          to: 'n2',
          ops: ['none', 'skip_connect', 'nor_conv_1x1', 'nor_conv_3x3', 'avg_pool_3x3'],
        },
        {
          id: 'e2',
          from: 'n1',
          to: 'n2',
          ops: ['none', 'skip_connect', 'nor_conv_1x1', 'nor_conv_3x3', 'avg_pool_3x3'],
        },
      ],
      output: 'last',
      derive: { rule: 'per-edge' },
    };
    const draws = 125 * 200;
    const counts = genotypeCounts(cell, draws, 5);
    expect(counts.size).toBe(125);
    // 124 degrees of freedom; the 0.999 quantile of chi-square(124) is 178.408.
    expect(chiSquare([...counts.values()], draws)).toBeLessThan(178.408);
  });

  it('gives valid genotypes of every test space', () => {
    for (const { name, space, input } of TEST_SPACES) {
      const rng = createRng(3);
      for (let i = 0; i < 50; i++) {
        const g = sampleGenotype(space, rng);
        expect(validityFailures(space, input, g), name).toEqual([]);
        expect(g.reduce === null).toBe(space.reduce === null);
      }
    }
  });

  it('gives the same genotypes for the same seed', () => {
    const space = TEST_SPACES[2]?.space;
    if (!space) throw new Error('missing test space');
    const a = createRng(9);
    const b = createRng(9);
    for (let i = 0; i < 10; i++) expect(sampleGenotype(space, a)).toEqual(sampleGenotype(space, b));
  });
});

describe('sampleWeightedSubset', () => {
  it('draws each k-subset in proportion to the product of its weights', () => {
    // Weights 1, 2, 3, 4 and k = 2: products 2, 3, 4, 6, 8, 12 of total e_2 = 35.
    const weights = [1, 2, 3, 4];
    const rng = createRng(21);
    const draws = 35_000;
    const counts = new Map<string, number>();
    for (let i = 0; i < draws; i++) {
      const s = sampleWeightedSubset(weights, 2, rng);
      expect(s.length).toBe(2);
      counts.set(s.join(','), (counts.get(s.join(',')) ?? 0) + 1);
    }
    const expected: Record<string, number> = {
      '0,1': 2,
      '0,2': 3,
      '0,3': 4,
      '1,2': 6,
      '1,3': 8,
      '2,3': 12,
    };
    let chi = 0;
    for (const [subset, product] of Object.entries(expected)) {
      const e = (draws * product) / 35;
      chi += ((counts.get(subset) ?? 0) - e) ** 2 / e;
    }
    expect(counts.size).toBe(6);
    // 5 degrees of freedom; the 0.999 quantile of chi-square(5) is 20.515.
    expect(chi).toBeLessThan(20.515);
  });

  it('keeps every item when there are k or fewer', () => {
    expect(sampleWeightedSubset([3, 1], 2, createRng(1))).toEqual([0, 1]);
    expect(sampleWeightedSubset([], 2, createRng(1))).toEqual([]);
  });
});
