import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { deriveCell } from './derive';
import { canonicalGenotype, enumerateGenotypes } from './enumerate.testkit';
import type { OpName } from './ops';
import { presetSpace } from './presets';
import { cellSize, elementarySymmetric, formatSize, spaceSize } from './size';
import type { CellSpec, DeriveRule } from './types';

const cell = (
  inputs: string[],
  nodes: string[],
  edges: [string, string, OpName[]][],
  derive: DeriveRule,
): CellSpec => ({
  inputs,
  nodes,
  edges: edges.map(([from, to, ops], i) => ({ id: `e${i}`, from, to, ops })),
  output: 'concat',
  derive,
});

const SMALL: CellSpec[] = [
  cell(
    ['c0', 'c1'],
    ['n0', 'n1'],
    [
      ['c0', 'n0', ['none', 'skip_connect', 'max_pool_3x3']],
      ['c1', 'n0', ['none', 'sep_conv_3x3']],
      ['c0', 'n1', ['none']],
      ['c1', 'n1', ['skip_connect', 'avg_pool_3x3', 'sep_conv_5x5']],
      ['n0', 'n1', ['none', 'dil_conv_3x3', 'dil_conv_5x5', 'max_pool_3x3']],
    ],
    { rule: 'top-k', k: 2 },
  ),
  cell(
    ['x'],
    ['a', 'b', 'c'],
    [
      ['x', 'a', ['none', 'skip_connect']],
      ['x', 'b', ['dense_relu', 'dense_tanh', 'none']],
      ['a', 'b', ['none']],
      ['x', 'c', ['skip_connect', 'dense_sigmoid']],
      ['a', 'c', ['none', 'dense_relu']],
      ['b', 'c', ['dense_tanh', 'dense_relu', 'dense_sigmoid']],
    ],
    { rule: 'top-k', k: 1 },
  ),
  cell(
    ['c0', 'c1'],
    ['n0', 'n1'],
    [
      ['c0', 'n0', ['none', 'skip_connect']],
      ['c1', 'n0', ['none']],
      ['c0', 'n1', ['max_pool_3x3', 'avg_pool_3x3']],
      ['c1', 'n1', ['none', 'sep_conv_3x3', 'skip_connect']],
      ['n0', 'n1', ['none', 'none', 'skip_connect']],
    ],
    { rule: 'top-k', k: 3 },
  ),
  cell(
    ['x'],
    ['a', 'b', 'c'],
    [
      ['x', 'a', ['none', 'skip_connect', 'nor_conv_1x1']],
      ['x', 'b', ['none']],
      ['a', 'b', ['skip_connect', 'avg_pool_3x3']],
      ['x', 'c', ['nor_conv_3x3']],
      ['a', 'c', ['none', 'skip_connect', 'nor_conv_3x3', 'avg_pool_3x3']],
      ['b', 'c', ['none', 'nor_conv_1x1']],
    ],
    { rule: 'per-edge' },
  ),
  // A 3-node DARTS cell with 3 ops per edge: every node ranks 2 to 4 edges.
  cell(
    ['c0', 'c1'],
    ['n0', 'n1', 'n2'],
    [
      ['c0', 'n0', ['none', 'skip_connect', 'sep_conv_3x3']],
      ['c1', 'n0', ['none', 'max_pool_3x3', 'sep_conv_3x3']],
      ['c0', 'n1', ['none', 'skip_connect', 'dil_conv_3x3']],
      ['c1', 'n1', ['none', 'avg_pool_3x3', 'sep_conv_5x5']],
      ['n0', 'n1', ['none', 'skip_connect', 'sep_conv_3x3']],
      ['c0', 'n2', ['none', 'skip_connect', 'sep_conv_3x3']],
      ['c1', 'n2', ['none', 'max_pool_3x3', 'dil_conv_5x5']],
      ['n0', 'n2', ['none', 'skip_connect', 'sep_conv_3x3']],
      ['n1', 'n2', ['none', 'skip_connect', 'sep_conv_3x3']],
    ],
    { rule: 'top-k', k: 2 },
  ),
];

describe('cellSize and spaceSize', () => {
  it('counts NAS-Bench-201 as 5^6 = 15,625', () => {
    expect(spaceSize(presetSpace('nb201'))).toBe(15_625n);
    expect(spaceSize(presetSpace('teaching'))).toBe(15_625n);
  });

  it('counts the DARTS space exactly: (1,037,664,180)^2', () => {
    const darts = presetSpace('darts');
    expect(cellSize(darts.normal)).toBe(1_037_664_180n);
    expect(spaceSize(darts)).toBe(1_037_664_180n * 1_037_664_180n);
    expect(spaceSize(darts)).toBe(1_076_746_950_455_072_400n);
    expect(spaceSize({ ...darts, reduce: null })).toBe(1_037_664_180n);
  });

  it('computes the elementary symmetric polynomial', () => {
    expect(elementarySymmetric([2n, 3n, 5n], 2)).toBe(6n + 10n + 15n);
    expect(elementarySymmetric([2n, 3n, 5n], 3)).toBe(30n);
    expect(elementarySymmetric([2n, 3n], 3)).toBe(0n);
    expect(elementarySymmetric([], 0)).toBe(1n);
  });

  it('agrees with a brute-force enumeration on small cells', () => {
    expect(SMALL.map((c) => cellSize(c))).toEqual([18n, 12n, 4n, 48n, 4n * 12n * 24n]);
    for (const c of SMALL) expect(cellSize(c)).toBe(BigInt(enumerateGenotypes(c).size));
  });

  it('counts exactly the genotypes derivation reaches from random weights', () => {
    const rng = createRng(11);
    for (const c of SMALL.slice(0, 2)) {
      const all = enumerateGenotypes(c);
      const reached = new Set<string>();
      for (let t = 0; t < 20_000; t++) {
        const weights = c.edges.map((e) => e.ops.map(() => rng.next()));
        reached.add(canonicalGenotype(deriveCell(c, weights)));
      }
      for (const g of reached) expect(all.has(g)).toBe(true);
      expect(reached.size).toBe(all.size);
    }
  });

  it('formats large counts with an approximation', () => {
    expect(formatSize(15_625n)).toBe('15625');
    expect(formatSize(1_000_000n)).toBe('1000000');
    expect(formatSize(1_076_746_950_455_072_400n)).toBe('1076746950455072400 (≈1.08e+18)');
  });
});
