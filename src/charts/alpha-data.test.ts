import { describe, expect, it } from 'vitest';
import { edgeOffsets, edgeTrajectories, legendOps, type AlphaCell } from './alpha-data';

const cell: AlphaCell = {
  title: 'normal cell',
  edges: [
    { id: 'e0', from: 'x', to: 'h1', ops: ['none', 'dense_relu'] },
    { id: 'e1', from: 'x', to: 'h2', ops: ['none', 'skip_connect', 'dense_tanh'] },
  ],
  samples: [
    { step: 1, weights: new Float32Array([0.5, 0.5, 0.25, 0.25, 0.5]) },
    { step: 2, weights: new Float32Array([0.25, 0.75, 0.125, 0.125, 0.75]) },
  ],
};

describe('alpha trajectories', () => {
  it('finds each edge in the flattened snapshot', () => {
    expect(edgeOffsets(cell.edges)).toEqual([0, 2]);
  });

  it('splits a cell into one line per op of each edge', () => {
    expect(edgeTrajectories(cell, 0)).toEqual([
      [
        [1, 0.5],
        [2, 0.25],
      ],
      [
        [1, 0.5],
        [2, 0.75],
      ],
    ]);
    expect(edgeTrajectories(cell, 1)[2]).toEqual([
      [1, 0.5],
      [2, 0.75],
    ]);
    expect(edgeTrajectories(cell, 5)).toEqual([]);
  });

  it('skips snapshots too short for the edge', () => {
    const short: AlphaCell = { ...cell, samples: [{ step: 1, weights: new Float32Array([1, 0]) }] };
    expect(edgeTrajectories(short, 1)).toEqual([[], [], []]);
  });

  it('lists the legend ops once each', () => {
    expect(legendOps([cell])).toEqual(['none', 'dense_relu', 'skip_connect', 'dense_tanh']);
  });
});
