import { describe, expect, it } from 'vitest';
import {
  canonicalGenotype,
  enumerateGenotypes as bruteForce,
} from '../search-space/enumerate.testkit';
import { presetSpace } from '../search-space/presets';
import { spaceSize } from '../search-space/size';
import type { CellSpec, SearchSpaceSpec } from '../search-space/types';
import { genotypeKey } from '../strategies/genotype-key';
import { cellGenotypes, enumerateGenotypes } from './enumerate';

const topK: CellSpec = {
  inputs: ['c0', 'c1'],
  nodes: ['n0', 'n1'],
  edges: [
    { id: 'e0', from: 'c0', to: 'n0', ops: ['none', 'skip_connect', 'sep_conv_3x3'] },
    { id: 'e1', from: 'c1', to: 'n0', ops: ['none', 'max_pool_3x3'] },
    { id: 'e2', from: 'c0', to: 'n1', ops: ['none', 'skip_connect', 'sep_conv_3x3'] },
    { id: 'e3', from: 'c1', to: 'n1', ops: ['none', 'max_pool_3x3'] },
    { id: 'e4', from: 'n0', to: 'n1', ops: ['none', 'avg_pool_3x3'] },
  ],
  output: 'concat',
  derive: { rule: 'top-k', k: 2 },
};

describe('enumerating a space', () => {
  it("lists NAS-Bench-201's 15,625 cells, each once", () => {
    const space = presetSpace('nb201');
    const all = enumerateGenotypes(space);
    expect(all.length).toBe(15_625);
    expect(new Set(all.map((g) => genotypeKey(space, g))).size).toBe(15_625);
  });

  it('lists the same genotypes as the brute force for top-k and per-edge cells', () => {
    for (const cell of [topK, presetSpace('teaching').normal]) {
      const listed = cellGenotypes(cell).map(canonicalGenotype);
      expect(new Set(listed).size).toBe(listed.length);
      expect(new Set(listed)).toEqual(bruteForce(cell));
    }
  });

  it('pairs normal and reduction cells and refuses spaces above the limit', () => {
    const small: SearchSpaceSpec = { ...presetSpace('darts'), normal: topK, reduce: topK };
    expect(BigInt(enumerateGenotypes(small).length)).toBe(spaceSize(small));
    expect(() => enumerateGenotypes(presetSpace('darts'))).toThrow(/20,000/);
  });
});
