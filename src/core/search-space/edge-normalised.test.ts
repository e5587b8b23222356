import { describe, expect, it } from 'vitest';
import { deriveCell } from './derive';
import { deriveEdgeNormalised, nodeSoftmax, scaleByEdge } from './edge-normalised';
import type { CellAlphas, CellSpec, SearchSpaceSpec } from './types';

const ops = ['none', 'skip_connect', 'sep_conv_3x3'] as const;

/** 2 inputs, n0 fed by e0 and e1, n1 fed by e2 (c0), e3 (c1) and e4 (n0); each node keeps 2. */
const cell: CellSpec = {
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

const space: SearchSpaceSpec = {
  preset: null,
  normal: cell,
  reduce: null,
  macro: { channels: 8, stemMultiplier: 1, stages: 1, cellsPerStage: 1, reduction: 'none' },
};

/** Op weights (softmax rows): into n1, e2 and e3 beat e4 on their strongest op. */
const rows: CellAlphas = [
  [0.2, 0.5, 0.3],
  [0.2, 0.3, 0.5],
  [0.1, 0.2, 0.7],
  [0.1, 0.6, 0.3],
  [0.1, 0.4, 0.5],
];

describe('edge normalisation (PC-DARTS)', () => {
  it('softmaxes the betas over each node’s incoming edges', () => {
    // n0: e0, e1 with betas 0 and ln 3 -> 1/4, 3/4. n1: e2, e3, e4 with betas 0, 0, ln 2 -> 1/4, 1/4, 1/2.
    const w = nodeSoftmax(cell, [0, Math.log(3), 0, 0, Math.log(2)]);
    const want = [0.25, 0.75, 0.25, 0.25, 0.5];
    w.forEach((v, i) => expect(v).toBeCloseTo(want[i] ?? Number.NaN, 12));
  });

  it('scales each edge’s op weights by its edge weight', () => {
    expect(
      scaleByEdge(
        [
          [0.5, 0.5],
          [1, 0],
        ],
        [0.5, 2],
      ),
    ).toEqual([
      [0.25, 0.25],
      [2, 0],
    ]);
    expect(() => scaleByEdge(rows, [1, 2])).toThrow('Edge weights cover 2 edges; the cell has 5.');
  });

  it('ranks edges by beta x max op weight, with the op unchanged', () => {
    // Without betas (DARTS): n0's tie goes to e0; n1 keeps e2 (0.7) and e3 (0.6).
    expect(deriveCell(cell, rows).edges).toEqual([
      { from: 'c0', to: 'n0', op: 'skip_connect' },
      { from: 'c1', to: 'n0', op: 'sep_conv_3x3' },
      { from: 'c0', to: 'n1', op: 'sep_conv_3x3' },
      { from: 'c1', to: 'n1', op: 'skip_connect' },
    ]);
    // Edge weights n1: e2 0.25 (x 0.7 = 0.175), e3 0.25 (x 0.6 = 0.15), e4 0.5 (x 0.5 = 0.25):
    // e4 first, then e2. n0: e0 0.75 x 0.5 = 0.375 beats e1 0.25 x 0.5 = 0.125 (both kept, e0 first).
    const edges = nodeSoftmax(cell, [Math.log(3), 0, 0, 0, Math.log(2)]);
    const g = deriveEdgeNormalised(space, { normal: rows, reduce: null }, { normal: edges });
    expect(g.normal.edges).toEqual([
      { from: 'c0', to: 'n0', op: 'skip_connect' },
      { from: 'c1', to: 'n0', op: 'sep_conv_3x3' },
      { from: 'n0', to: 'n1', op: 'sep_conv_3x3' },
      { from: 'c0', to: 'n1', op: 'sep_conv_3x3' },
    ]);
    expect(g.reduce).toBeNull();
  });

  it('derives as DARTS does for a role without edge weights', () => {
    const g = deriveEdgeNormalised(space, { normal: rows, reduce: null }, {});
    expect(g.normal).toEqual(deriveCell(cell, rows));
  });
});
