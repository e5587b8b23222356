import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { presetSpace } from '../search-space/presets';
import { genotypeKey } from './genotype-key';
import { genotypePath, sampleSpos } from './path';
import { sampleGenotype } from './sample';
import { rederive, TEST_SPACES } from './strategies.testkit';

/** Chi-square statistic of each edge's op counts over `draws` SPOS paths against a uniform draw. */
function edgeChiSquares(counts: readonly (readonly number[])[], draws: number): number[] {
  return counts.map((row) => {
    const expected = draws / row.length;
    return row.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
  });
}

describe('sampleSpos', () => {
  it('draws every op of every NB201 edge uniformly (chi-square, 10,000 draws, seed 2024)', () => {
    const space = presetSpace('nb201');
    const rng = createRng(2024);
    const draws = 10_000;
    const counts = space.normal.edges.map((e) => new Array<number>(e.ops.length).fill(0));
    for (let i = 0; i < draws; i++) {
      const path = sampleSpos(space, rng);
      expect(path.reduce).toBeNull();
      path.normal.forEach((op, edge) => {
        const row = counts[edge];
        if (row) row[op] = (row[op] ?? 0) + 1;
      });
    }
    // 5 ops: 4 degrees of freedom per edge; the 0.999 quantile of chi-square(4) is 18.467.
    for (const chi of edgeChiSquares(counts, draws)) expect(chi).toBeLessThan(18.467);
  });

  it('draws every op of all 28 DARTS edges uniformly, none included (chi-square, 10,000 draws, seed 7)', () => {
    const space = presetSpace('darts');
    const rng = createRng(7);
    const draws = 10_000;
    const normal = space.normal.edges.map((e) => new Array<number>(e.ops.length).fill(0));
    const reduce = (space.reduce?.edges ?? []).map((e) => new Array<number>(e.ops.length).fill(0));
    for (let i = 0; i < draws; i++) {
      const path = sampleSpos(space, rng);
      path.normal.forEach((op, e) => normal[e] && (normal[e][op] = (normal[e][op] ?? 0) + 1));
      (path.reduce ?? []).forEach(
        (op, e) => reduce[e] && (reduce[e][op] = (reduce[e][op] ?? 0) + 1),
      );
    }
    expect(normal.length + reduce.length).toBe(28);
    // 8 ops: 7 degrees of freedom per edge; the 0.999 quantile of chi-square(7) is 24.322.
    for (const chi of edgeChiSquares([...normal, ...reduce], draws))
      expect(chi).toBeLessThan(24.322);
  });

  it('would reject a sampler that never picks none', () => {
    const draws = 10_000;
    const skewed = [0, 2500, 2500, 2500, 2500];
    expect(edgeChiSquares([skewed], draws)[0]).toBeGreaterThan(18.467);
  });
});

describe('genotypePath', () => {
  it('maps each kept edge to its op index and drops the others, and derives back to the genotype', () => {
    for (const { name, space } of TEST_SPACES) {
      const rng = createRng(4);
      for (let i = 0; i < 30; i++) {
        const g = sampleGenotype(space, rng);
        const path = genotypePath(space, g);
        const kept = path.normal.filter((op) => op !== null).length;
        expect(kept, name).toBe(g.normal.edges.length);
        expect(genotypeKey(space, rederive(space, g)), name).toBe(genotypeKey(space, g));
      }
    }
  });

  it('refuses an edge the cell lacks', () => {
    const space = presetSpace('nb201');
    const g = {
      normal: { edges: [{ from: 'n3', to: 'n1', op: 'none' as const }], concat: ['n3'] },
      reduce: null,
    };
    expect(() => genotypePath(space, g)).toThrow(/no edge n3 -> n1/);
  });
});
