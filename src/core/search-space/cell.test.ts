import { describe, expect, it } from 'vitest';
import {
  findCycle,
  incomingEdges,
  nodeIndex,
  outputNodes,
  predecessors,
  reachable,
  topoOrder,
} from './cell';
import { presetSpace } from './presets';
import type { CellSpec } from './types';

const cell = (edges: [string, string][], over: Partial<CellSpec> = {}): CellSpec => ({
  inputs: ['a'],
  nodes: ['x', 'y', 'z'],
  edges: edges.map(([from, to], i) => ({ id: `e${i}`, from, to, ops: ['skip_connect'] })),
  output: 'last',
  derive: { rule: 'per-edge' },
  ...over,
});

describe('cell graph utilities', () => {
  it('lists incoming edges and predecessors in edge order', () => {
    const darts = presetSpace('darts').normal;
    expect(incomingEdges(darts, 'n2').map((e) => e.id)).toEqual(['e5', 'e6', 'e7', 'e8']);
    expect(predecessors(darts, 'n3')).toEqual(['c0', 'c1', 'n0', 'n1', 'n2']);
    expect(predecessors(darts, 'c0')).toEqual([]);
  });

  it('orders nodes topologically, keeping listed order among ready nodes', () => {
    expect(
      topoOrder(
        cell([
          ['a', 'x'],
          ['a', 'y'],
          ['a', 'z'],
        ]),
      ),
    ).toEqual(['x', 'y', 'z']);
    const reversed = cell([
      ['a', 'z'],
      ['z', 'y'],
      ['y', 'x'],
    ]);
    expect(topoOrder(reversed)).toEqual(['z', 'y', 'x']);
    expect(nodeIndex(reversed)).toEqual(
      new Map([
        ['a', 0],
        ['z', 1],
        ['y', 2],
        ['x', 3],
      ]),
    );
  });

  it('never throws on a cycle and appends the cyclic nodes in listed order', () => {
    const cyclic = cell([
      ['a', 'x'],
      ['y', 'z'],
      ['z', 'y'],
    ]);
    expect(topoOrder(cyclic)).toEqual(['x', 'y', 'z']);
    expect(findCycle(cyclic)).toEqual(['y', 'z', 'y']);
    expect(
      findCycle(
        cell([
          ['a', 'x'],
          ['x', 'x'],
        ]),
      ),
    ).toEqual(['x', 'x']);
    expect(
      findCycle(
        cell([
          ['a', 'x'],
          ['x', 'y'],
          ['a', 'y'],
        ]),
      ),
    ).toBeNull();
  });

  it('numbers DARTS nodes inputs first', () => {
    expect([...nodeIndex(presetSpace('darts').normal)]).toEqual([
      ['c0', 0],
      ['c1', 1],
      ['n0', 2],
      ['n1', 3],
      ['n2', 4],
      ['n3', 5],
    ]);
  });

  it('takes the last listed node as the output of a `last` cell and all nodes for concat', () => {
    expect(
      outputNodes(
        cell([
          ['a', 'z'],
          ['z', 'y'],
          ['y', 'x'],
        ]),
      ),
    ).toEqual(['z']);
    expect(outputNodes(presetSpace('darts').normal)).toEqual(['n0', 'n1', 'n2', 'n3']);
    expect(outputNodes(cell([], { nodes: [] }))).toEqual([]);
  });

  it('finds nodes reachable forward and backward', () => {
    const c = cell([
      ['a', 'x'],
      ['x', 'y'],
    ]);
    expect([...reachable(c, ['a'])].sort()).toEqual(['a', 'x', 'y']);
    expect([...reachable(c, ['y'], true)].sort()).toEqual(['a', 'x', 'y']);
    expect([...reachable(c, ['z'], true)]).toEqual(['z']);
  });
});
