import { describe, expect, it } from 'vitest';
import { deriveCell, deriveGenotype } from './derive';
import type { OpName } from './ops';
import { presetSpace } from './presets';
import type { CellAlphas, CellSpec } from './types';

/** Weights for `cell`: `base` everywhere, then `set[edgeId][op] = weight`. */
function weights(
  cell: CellSpec,
  set: Record<string, Partial<Record<OpName, number>>>,
  base = 0.02,
): CellAlphas {
  return cell.edges.map((e) => e.ops.map((op) => set[e.id]?.[op] ?? base));
}

const darts = presetSpace('darts');
const nb201 = presetSpace('nb201');

describe('deriveCell, top-k (DARTS)', () => {
  it('keeps the two strongest edges per node, strongest first, skipping none even when it dominates', () => {
    const w = weights(darts.normal, {
      e0: { sep_conv_3x3: 0.5 },
      e1: { sep_conv_3x3: 0.4 },
      e2: { sep_conv_3x3: 0.5 },
      e3: { sep_conv_3x3: 0.4 },
      e4: { none: 0.9, skip_connect: 0.05 },
      e5: { skip_connect: 0.5 },
      e6: { sep_conv_3x3: 0.6 },
      e9: { skip_connect: 0.7, none: 0.95 },
      e11: { dil_conv_3x3: 0.3 },
      e13: { none: 0.99 },
    });
    const g = deriveCell(darts.normal, w);
    expect(g.edges.map((e) => [e.op, e.from, e.to])).toEqual([
      ['sep_conv_3x3', 'c0', 'n0'],
      ['sep_conv_3x3', 'c1', 'n0'],
      ['sep_conv_3x3', 'c0', 'n1'],
      ['sep_conv_3x3', 'c1', 'n1'],
      ['sep_conv_3x3', 'c1', 'n2'],
      ['skip_connect', 'c0', 'n2'],
      ['skip_connect', 'c0', 'n3'],
      ['dil_conv_3x3', 'n0', 'n3'],
    ]);
    expect(g.concat).toEqual(['n0', 'n1', 'n2', 'n3']);
  });

  it('breaks ties toward the earlier edge and the earlier op', () => {
    const g = deriveCell(darts.normal, weights(darts.normal, {}, 0.125));
    expect(g.edges.map((e) => `${e.op}:${e.from}>${e.to}`)).toEqual([
      'max_pool_3x3:c0>n0',
      'max_pool_3x3:c1>n0',
      'max_pool_3x3:c0>n1',
      'max_pool_3x3:c1>n1',
      'max_pool_3x3:c0>n2',
      'max_pool_3x3:c1>n2',
      'max_pool_3x3:c0>n3',
      'max_pool_3x3:c1>n3',
    ]);
  });

  it('never keeps an edge that offers only none, and keeps all usable edges when fewer than k exist', () => {
    const cell: CellSpec = {
      inputs: ['c0', 'c1'],
      nodes: ['n0'],
      edges: [
        { id: 'a', from: 'c0', to: 'n0', ops: ['none'] },
        { id: 'b', from: 'c1', to: 'n0', ops: ['none', 'skip_connect'] },
      ],
      output: 'concat',
      derive: { rule: 'top-k', k: 2 },
    };
    expect(deriveCell(cell, [[1], [0.9, 0.1]]).edges).toEqual([
      { from: 'c1', to: 'n0', op: 'skip_connect' },
    ]);
  });

  it('walks nodes in topological order, not listed order', () => {
    const cell: CellSpec = {
      inputs: ['x'],
      nodes: ['b', 'a'],
      edges: [
        { id: 'e0', from: 'a', to: 'b', ops: ['skip_connect'] },
        { id: 'e1', from: 'x', to: 'a', ops: ['skip_connect'] },
      ],
      output: 'last',
      derive: { rule: 'top-k', k: 1 },
    };
    const g = deriveCell(cell, [[1], [1]]);
    expect(g.edges.map((e) => e.to)).toEqual(['a', 'b']);
    expect(g.concat).toEqual(['a']);
  });

  it('rejects weights of the wrong shape', () => {
    expect(() => deriveCell(darts.normal, [])).toThrow('Weights cover 0 edges; the cell has 14.');
    const bad = weights(darts.normal, {}).map((row, i) => (i === 3 ? row.slice(1) : row));
    expect(() => deriveCell(darts.normal, bad)).toThrow(
      'Weights for edge e3 have 7 values; the edge has 8 ops.',
    );
  });
});

describe('deriveCell, per-edge (NAS-Bench-201)', () => {
  it('takes the argmax on every edge, none included', () => {
    const w = weights(nb201.normal, {
      e0: { nor_conv_3x3: 0.6 },
      e1: { none: 0.7, nor_conv_3x3: 0.2 },
      e2: { avg_pool_3x3: 0.3 },
      e3: { skip_connect: 0.4 },
      e4: { nor_conv_3x3: 0.4 },
      e5: { skip_connect: 0.4, nor_conv_1x1: 0.4 },
    });
    const g = deriveCell(nb201.normal, w);
    expect(g.edges.map((e) => `${e.op}:${e.from}>${e.to}`)).toEqual([
      'nor_conv_3x3:n0>n1',
      'none:n0>n2',
      'avg_pool_3x3:n1>n2',
      'skip_connect:n0>n3',
      'nor_conv_3x3:n1>n3',
      'skip_connect:n2>n3',
    ]);
    expect(g.concat).toEqual(['n3']);
  });
});

describe('deriveGenotype', () => {
  it('derives both cells of a DARTS space and only the normal cell otherwise', () => {
    const normal = weights(darts.normal, {});
    const reduce = weights(darts.reduce ?? darts.normal, { e0: { skip_connect: 0.9 } });
    const g = deriveGenotype(darts, { normal, reduce });
    expect(g.reduce?.edges[0]).toEqual({ from: 'c0', to: 'n0', op: 'skip_connect' });
    expect(g.normal.edges[0]?.op).toBe('max_pool_3x3');
    expect(
      deriveGenotype(nb201, { normal: weights(nb201.normal, {}), reduce: null }).reduce,
    ).toBeNull();
    expect(() => deriveGenotype(darts, { normal, reduce: null })).toThrow(/reduction cell/);
  });
});
