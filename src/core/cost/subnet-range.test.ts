import { describe, expect, it } from 'vitest';
import type { InputShape } from '../experiment/spec';
import { enumerateGenotypes } from '../search-space/enumerate.testkit';
import { isOpName } from '../search-space/ops';
import { cellSize } from '../search-space/size';
import type { CellGenotype, CellSpec, GenotypeEdge, SearchSpaceSpec } from '../search-space/types';
import { subnetCost, subnetRange, type CostRange } from './network-cost';

/** Reads back a canonical genotype string of enumerate.testkit ("c0>n0:op,...|n0,n1"). */
function parseGenotype(text: string): CellGenotype {
  const [edgeText = '', concatText = ''] = text.split('|');
  const edges = edgeText
    .split(',')
    .filter((s) => s !== '')
    .map((s): GenotypeEdge => {
      const [from = '', rest = ''] = s.split('>');
      const [to = '', op = ''] = rest.split(':');
      if (!isOpName(op)) throw new Error(`Unknown op ${op} in ${s}.`);
      return { from, to, op };
    });
  return { edges, concat: concatText.split(',').filter((s) => s !== '') };
}

/** Extremes of subnetCost over every genotype of the space, by brute force. */
function bruteForceRange(space: SearchSpaceSpec, input: InputShape, classes: number): CostRange {
  const normals = [...enumerateGenotypes(space.normal)].map(parseGenotype);
  const reduces = space.reduce ? [...enumerateGenotypes(space.reduce)].map(parseGenotype) : [null];
  const params: number[] = [];
  const flops: number[] = [];
  for (const normal of normals) {
    for (const reduce of reduces) {
      const c = subnetCost(space, { normal, reduce }, input, classes);
      params.push(c.params);
      flops.push(c.flops);
    }
  }
  return {
    params: { min: Math.min(...params), max: Math.max(...params) },
    flops: { min: Math.min(...flops), max: Math.max(...flops) },
  };
}

describe('subnetRange equals the brute-force extremes over all genotypes', () => {
  it('a per-edge cell (NAS-Bench-201 style) over residual stages', () => {
    const ops = ['none', 'skip_connect', 'nor_conv_1x1', 'nor_conv_3x3', 'avg_pool_3x3'] as const;
    const normal: CellSpec = {
      inputs: ['x'],
      nodes: ['a', 'b'],
      edges: [
        { id: 'e0', from: 'x', to: 'a', ops },
        { id: 'e1', from: 'x', to: 'b', ops: ['avg_pool_3x3', 'nor_conv_1x1'] },
        { id: 'e2', from: 'a', to: 'b', ops },
      ],
      output: 'last',
      derive: { rule: 'per-edge' },
    };
    const space: SearchSpaceSpec = {
      preset: null,
      normal,
      reduce: null,
      macro: { channels: 3, stemMultiplier: 1, stages: 2, cellsPerStage: 2, reduction: 'residual' },
    };
    const input: InputShape = { kind: 'image', height: 6, width: 6, channels: 2 };
    expect(enumerateGenotypes(normal).size).toBe(Number(cellSize(normal)));
    const range = subnetRange(space, input, 4);
    expect(range).toEqual(bruteForceRange(space, input, 4));
    expect(range.params.min).toBeLessThan(range.params.max);
  });

  it('top-k cells (DARTS style): normal k = 2, reduction k = 1, edges offering only none', () => {
    const ops = ['none', 'max_pool_3x3', 'skip_connect', 'sep_conv_3x3', 'dil_conv_5x5'] as const;
    // n0 keeps both of its edges; n1 keeps 2 of 3: 4*4 * 3*4*4 = 768 genotypes.
    const normal: CellSpec = {
      inputs: ['c0', 'c1'],
      nodes: ['n0', 'n1'],
      edges: [
        { id: 'e0', from: 'c0', to: 'n0', ops },
        { id: 'e1', from: 'c1', to: 'n0', ops },
        { id: 'e2', from: 'c0', to: 'n1', ops },
        { id: 'e3', from: 'c1', to: 'n1', ops },
        { id: 'e4', from: 'n0', to: 'n1', ops },
      ],
      output: 'concat',
      derive: { rule: 'top-k', k: 2 },
    };
    // n0 keeps one of e0 (2 ops) or e1 (1 op); n1 keeps e3 (2 ops): e2 offers only none. 6 genotypes.
    const reduce: CellSpec = {
      inputs: ['c0', 'c1'],
      nodes: ['n0', 'n1'],
      edges: [
        { id: 'e0', from: 'c0', to: 'n0', ops: ['none', 'skip_connect', 'sep_conv_3x3'] },
        { id: 'e1', from: 'c1', to: 'n0', ops: ['none', 'avg_pool_3x3'] },
        { id: 'e2', from: 'c0', to: 'n1', ops: ['none'] },
        { id: 'e3', from: 'n0', to: 'n1', ops: ['skip_connect', 'sep_conv_5x5'] },
      ],
      output: 'concat',
      derive: { rule: 'top-k', k: 1 },
    };
    const space: SearchSpaceSpec = {
      preset: null,
      normal,
      reduce,
      macro: { channels: 2, stemMultiplier: 2, stages: 3, cellsPerStage: 1, reduction: 'cell' },
    };
    const input: InputShape = { kind: 'image', height: 9, width: 9, channels: 1 };
    expect(enumerateGenotypes(normal).size).toBe(768);
    expect(enumerateGenotypes(reduce).size).toBe(6);
    const range = subnetRange(space, input, 3);
    expect(range).toEqual(bruteForceRange(space, input, 3));
    expect(range.flops.min).toBeLessThan(range.flops.max);
  });
});
