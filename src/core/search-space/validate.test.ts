import { describe, expect, it } from 'vitest';
import type { InputShape } from '../experiment/spec';
import type { OpName } from './ops';
import { PRESET_NAMES, PRESETS, presetSpace } from './presets';
import type { CellSpec, EdgeSpec, SearchSpaceSpec } from './types';
import { validateCell, validateSpace } from './validate';

const image28: InputShape = { kind: 'image', height: 28, width: 28, channels: 1 };
const vector2: InputShape = { kind: 'vector', features: 2 };

const edge = (
  id: string,
  from: string,
  to: string,
  ops: string[] = ['skip_connect', 'nor_conv_3x3'],
): EdgeSpec => ({
  id,
  from,
  to,
  ops: ops as OpName[],
});

/** A valid 1-input, 2-node image cell: i→a, i→b, a→b. */
const base = (over: Partial<CellSpec> = {}): CellSpec => ({
  inputs: ['i'],
  nodes: ['a', 'b'],
  edges: [edge('e0', 'i', 'a'), edge('e1', 'i', 'b'), edge('e2', 'a', 'b')],
  output: 'last',
  derive: { rule: 'per-edge' },
  ...over,
});

const codes = (cell: CellSpec, domain: 'image' | 'vector' = 'image'): string[] =>
  validateCell(cell, domain).map((p) => p.code);

describe('validateCell', () => {
  it('accepts a well-formed cell', () => {
    expect(validateCell(base(), 'image')).toEqual([]);
  });

  it('reports duplicate node and edge ids', () => {
    const problems = validateCell(
      base({
        nodes: ['a', 'b', 'i'],
        edges: [edge('e0', 'i', 'a'), edge('e0', 'i', 'b'), edge('e2', 'a', 'b')],
      }),
      'image',
    );
    expect(problems).toContainEqual({
      path: 'nodes.i',
      code: 'duplicate-node',
      message: 'Node id "i" is used 2 times; node ids must be unique within a cell.',
    });
    expect(problems.map((p) => p.code)).toContain('duplicate-edge');
  });

  it('reports unknown endpoints, edges into inputs and self-loops', () => {
    const problems = validateCell(
      base({
        edges: [...base().edges, edge('e3', 'q', 'b'), edge('e4', 'a', 'i'), edge('e5', 'b', 'b')],
      }),
      'image',
    );
    expect(problems).toContainEqual({
      path: 'edges.e3',
      code: 'unknown-node',
      message: 'Edge e3 starts at "q", which is not a node of this cell.',
    });
    expect(problems).toContainEqual({
      path: 'edges.e4',
      code: 'edge-into-input',
      message: 'Edge e4 ends at input node i; edges may only end at intermediate nodes.',
    });
    expect(problems.find((p) => p.code === 'self-loop')?.path).toBe('edges.e5');
  });

  it('reports parallel edges', () => {
    const problems = validateCell(
      base({ edges: [...base().edges, edge('e3', 'a', 'b')] }),
      'image',
    );
    expect(problems).toEqual([
      {
        path: 'edges.e3',
        code: 'parallel-edges',
        message: 'Edges e2 and e3 both go from a to b; keep one edge per pair of nodes.',
      },
    ]);
  });

  it('names the path of a cycle', () => {
    const cell = base({
      nodes: ['a', 'b', 'c'],
      edges: [
        edge('e0', 'i', 'a'),
        edge('e1', 'a', 'b'),
        edge('e2', 'b', 'c'),
        edge('e3', 'c', 'b'),
      ],
    });
    const cycle = validateCell(cell, 'image').find((p) => p.code === 'cycle');
    expect(cycle).toEqual({
      path: 'edges.e2',
      code: 'cycle',
      message: 'Edges b → c → b form a cycle; a cell must be acyclic.',
    });
  });

  it('reports nodes with no input, unreachable nodes and dead ends', () => {
    expect(validateCell(base({ edges: [edge('e0', 'i', 'b')] }), 'image')).toEqual([
      {
        path: 'nodes.a',
        code: 'no-incoming-edge',
        message: 'Node a has no incoming edge; connect it to an input or an earlier node.',
      },
      {
        path: 'nodes.a',
        code: 'dead-end-node',
        message: 'Node a does not lead to the output node b, so its result is never used.',
      },
    ]);
    const island = base({
      nodes: ['a', 'b', 'c', 'd'],
      edges: [...base().edges, edge('e3', 'c', 'd'), edge('e4', 'd', 'c')],
    });
    expect(codes(island).filter((c) => c === 'unreachable-node')).toHaveLength(2);
    // With concat output every node is an output: no dead ends.
    expect(
      codes(base({ output: 'concat', edges: [edge('e0', 'i', 'a'), edge('e1', 'i', 'b')] })),
    ).toEqual([]);
    expect(codes(base({ edges: [edge('e0', 'i', 'a'), edge('e1', 'i', 'b')] }))).toEqual([
      'dead-end-node',
    ]);
  });

  it('reports a node that can only ever receive zeros', () => {
    const cell = base({
      edges: [edge('e0', 'i', 'a', ['none']), edge('e1', 'i', 'b'), edge('e2', 'a', 'b')],
    });
    expect(codes(cell)).toEqual(['zero-only-node']);
  });

  it('checks op sets: empty, duplicate, unknown, wrong domain', () => {
    const cell = base({
      edges: [
        edge('e0', 'i', 'a', []),
        edge('e1', 'i', 'b', ['none', 'none', 'conv_9x9']),
        edge('e2', 'a', 'b', ['dense_relu', 'sep_conv_3x3']),
      ],
    });
    const problems = validateCell(cell, 'image');
    expect(problems.map((p) => `${p.path} ${p.code}`)).toEqual([
      'edges.e0.ops empty-ops',
      'edges.e1.ops duplicate-op',
      'edges.e1.ops unknown-op',
      'edges.e2.ops op-domain',
    ]);
    expect(problems.find((p) => p.code === 'op-domain')?.message).toBe(
      'Edge e2 has op dense_relu, which works on feature vectors (2D points), but this space takes images.',
    );
    expect(codes(base(), 'vector')).toEqual(['op-domain', 'op-domain', 'op-domain']);
  });

  it('checks input count, node count and k', () => {
    expect(codes(base({ inputs: ['i', 'j', 'k'] }))).toContain('input-count');
    expect(codes(base({ inputs: [] }))).toContain('input-count');
    expect(codes(base({ nodes: [], edges: [] }))).toEqual(['no-nodes']);
    for (const k of [0, 1.5, Number.NaN]) {
      expect(validateCell(base({ derive: { rule: 'top-k', k } }), 'image')).toEqual([
        expect.objectContaining({ path: 'derive.k', code: 'top-k' }),
      ]);
    }
    expect(validateCell(base({ derive: { rule: 'top-k', k: 0 } }), 'image')[0]?.message).toBe(
      'Top-k (edges kept per node) must be a whole number of at least 1 (got 0).',
    );
  });
});

describe('validateSpace', () => {
  it('accepts every preset on its own kind of input', () => {
    for (const name of PRESET_NAMES) {
      expect(
        validateSpace(presetSpace(name), PRESETS[name].domain === 'image' ? image28 : vector2),
      ).toEqual([]);
    }
  });

  it('prefixes cell problems with the cell role', () => {
    const space = presetSpace('darts');
    const bad: SearchSpaceSpec = {
      ...space,
      reduce: { ...space.normal, derive: { rule: 'top-k', k: 0 } },
    };
    expect(validateSpace(bad, image28).map((p) => p.path)).toEqual(['space.reduce.derive.k']);
  });

  it('checks macro ranges', () => {
    const space = presetSpace('nb201');
    const bad = {
      ...space,
      macro: {
        channels: 300,
        stemMultiplier: 0,
        stages: 2.5,
        cellsPerStage: 9,
        reduction: 'residual' as const,
      },
    };
    const problems = validateSpace(bad, image28);
    expect(problems.map((p) => p.path)).toEqual([
      'space.macro.channels',
      'space.macro.stemMultiplier',
      'space.macro.stages',
      'space.macro.cellsPerStage',
    ]);
    expect(problems[0]?.message).toBe('Channels must be a whole number from 1 to 256 (got 300).');
  });

  it('requires a reduction cell exactly when reduction is "cell"', () => {
    const darts = presetSpace('darts');
    expect(validateSpace({ ...darts, reduce: null }, image28).map((p) => p.code)).toEqual([
      'missing-reduce-cell',
    ]);
    const nb = presetSpace('nb201');
    expect(validateSpace({ ...nb, reduce: nb.normal }, image28).map((p) => p.code)).toEqual([
      'unused-reduce-cell',
    ]);
  });

  it('matches the reduction to the input kind', () => {
    const teaching = presetSpace('teaching');
    expect(
      validateSpace(
        { ...teaching, macro: { ...teaching.macro, reduction: 'residual' } },
        vector2,
      ).map((p) => p.code),
    ).toEqual(['reduction-kind']);
    const nb = presetSpace('nb201');
    expect(
      validateSpace({ ...nb, macro: { ...nb.macro, reduction: 'none' } }, image28).map(
        (p) => p.code,
      ),
    ).toEqual(['reduction-kind']);
  });

  it('checks that images survive the reductions', () => {
    const nb = presetSpace('nb201');
    const at = (side: number, stages: number) =>
      validateSpace(
        { ...nb, macro: { ...nb.macro, stages } },
        { kind: 'image', height: side, width: side, channels: 1 },
      );
    expect(at(7, 2)).toEqual([]);
    expect(at(14, 3)).toEqual([]);
    expect(at(28, 4)).toEqual([]);
    expect(at(14, 4).map((p) => p.code)).toEqual(['input-too-small']);
    expect(at(7, 3)).toEqual([
      {
        path: 'space.macro.stages',
        code: 'input-too-small',
        message:
          'A 7x7 input is too small for 3 stages: 2 reductions would leave the last stage less than 2x2 pixels. Use at most 2 stage(s) or a larger image.',
      },
    ]);
  });
});
