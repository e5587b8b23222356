import { describe, expect, it } from 'vitest';
import { applyCellChange, emptyCell, type CellChange } from './edits-cell';
import { accepted, build, reason, small } from './edits.testkit';
import type { OpName } from './ops';
import { presetSpace } from './presets';
import { cellSize } from './size';
import { validateCell } from './validate';

const NB201_OPS: OpName[] = [
  'none',
  'skip_connect',
  'nor_conv_1x1',
  'nor_conv_3x3',
  'avg_pool_3x3',
];

describe('set-ops', () => {
  it('replaces the ops of one edge and marks a node that can only see zeros', () => {
    const out = accepted(
      applyCellChange(small(), { kind: 'set-ops', edge: 'e0', ops: ['none'] }, 'image'),
    );
    expect(out.cell.edges[0]?.ops).toEqual(['none']);
    expect(out.cell.edges.slice(1)).toEqual(small().edges.slice(1));
    expect(out.codes).toEqual(['zero-only-node']);
  });

  it('refuses an unknown edge, an empty set and wrong-domain ops', () => {
    expect(
      reason(applyCellChange(small(), { kind: 'set-ops', edge: 'e5', ops: ['none'] }, 'image')),
    ).toBe('There is no edge "e5" in this cell (its edges are e0, e1, e2).');
    expect(
      reason(applyCellChange(small(), { kind: 'set-ops', edge: 'e1', ops: [] }, 'image')),
    ).toBe('Edge e1 needs at least one candidate op.');
    expect(
      reason(
        applyCellChange(small(), { kind: 'set-ops', edge: 'e1', ops: ['dense_tanh'] }, 'image'),
      ),
    ).toBe('Op dense_tanh works on feature vectors (2D points), but this space takes images.');
  });
});

describe('set-inputs', () => {
  it('going to 2 keeps the input as the previous cell and adds c0 in front', () => {
    const out = accepted(applyCellChange(small(), { kind: 'set-inputs', count: 2 }, 'image'));
    expect(out.cell.inputs).toEqual(['c0', 'x']);
    expect(out.cell.edges).toEqual(small().edges);
    expect(out.codes).toEqual([]);
  });

  it('going to 1 drops the first input and its edges, and marks nodes left without input', () => {
    const two = build(emptyCell('image', 2), [
      { kind: 'add-node' },
      { kind: 'add-node' },
      { kind: 'connect', from: 'c0', to: 'n0' },
      { kind: 'connect', from: 'c1', to: 'n1' },
    ]);
    const out = accepted(applyCellChange(two, { kind: 'set-inputs', count: 1 }, 'image'));
    expect(out.cell.inputs).toEqual(['c1']);
    expect(out.cell.edges.map((e) => e.from)).toEqual(['c1']);
    expect(out.codes).toEqual(['no-incoming-edge']);
    expect(out.paths).toEqual(['nodes.n0']);
  });

  it('returns the same cell when the count is unchanged and refuses other counts', () => {
    const cell = small();
    const same = applyCellChange(cell, { kind: 'set-inputs', count: 1 }, 'image');
    expect(accepted(same).cell).toBe(cell);
    const three = { kind: 'set-inputs', count: 3 } as unknown as CellChange;
    expect(reason(applyCellChange(cell, three, 'image'))).toBe(
      'A cell takes 1 or 2 input nodes (got 3).',
    );
  });
});

describe('set-output and set-derive', () => {
  it('sets the output rule, and marks nodes that no longer lead to the last node', () => {
    const cell = build(small(), [
      { kind: 'add-node' },
      { kind: 'connect', from: 'n0', to: 'n2', ops: ['skip_connect'] },
    ]);
    const last = accepted(applyCellChange(cell, { kind: 'set-output', output: 'last' }, 'image'));
    expect(last.codes).toEqual(['dead-end-node']);
    expect(last.paths).toEqual(['nodes.n1']);
    const concat = accepted(
      applyCellChange(cell, { kind: 'set-output', output: 'concat' }, 'image'),
    );
    expect(concat.cell.output).toBe('concat');
    expect(concat.codes).toEqual([]);
  });

  it('sets top-k or per-edge derivation and refuses a k below 1 or not whole', () => {
    const top3 = applyCellChange(
      small(),
      { kind: 'set-derive', derive: { rule: 'top-k', k: 3 } },
      'image',
    );
    expect(accepted(top3).cell.derive).toEqual({ rule: 'top-k', k: 3 });
    const perEdge = applyCellChange(
      emptyCell('image', 2),
      { kind: 'set-derive', derive: { rule: 'per-edge' } },
      'image',
    );
    expect(accepted(perEdge).cell.derive).toEqual({ rule: 'per-edge' });
    const k = (value: number) =>
      reason(
        applyCellChange(
          small(),
          { kind: 'set-derive', derive: { rule: 'top-k', k: value } },
          'image',
        ),
      );
    expect(k(0)).toBe('Top-k (edges kept per node) must be a whole number of at least 1 (got 0).');
    expect(k(1.5)).toBe(
      'Top-k (edges kept per node) must be a whole number of at least 1 (got 1.5).',
    );
  });
});

describe('building the paper cells by hand', () => {
  /** Adds `count` nodes, then connects every earlier node (inputs first) to each node in turn. */
  const dense = (inputs: readonly string[], count: number, ops?: OpName[]): CellChange[] => {
    const nodes = Array.from({ length: count }, (_, i) => `n${i}`);
    const changes: CellChange[] = nodes.map(() => ({ kind: 'add-node' }));
    nodes.forEach((to, i) => {
      for (const from of [...inputs, ...nodes.slice(0, i)])
        changes.push(ops ? { kind: 'connect', from, to, ops } : { kind: 'connect', from, to });
    });
    return changes;
  };

  it('builds the NAS-Bench-201 cell from one input: 15,625 cells', () => {
    const cell = build(emptyCell('image', 1), dense(['x'], 3, NB201_OPS));
    expect(cellSize(cell)).toBe(15_625n);
    expect(validateCell(cell, 'image')).toEqual([]);
  });

  it('builds the DARTS normal cell from two inputs: 1,037,664,180 cells, as the preset', () => {
    const cell = build(emptyCell('image', 2), dense(['c0', 'c1'], 4));
    expect(cellSize(cell)).toBe(1_037_664_180n);
    expect(cell).toEqual(presetSpace('darts').normal);
  });
});
