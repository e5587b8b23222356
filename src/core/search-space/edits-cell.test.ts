import { describe, expect, it } from 'vitest';
import { applyCellChange, emptyCell } from './edits-cell';
import { accepted, build, reason, small } from './edits.testkit';
import type { OpName } from './ops';
import { DARTS_OPS, presetSpace } from './presets';
import { validateCell } from './validate';

describe('emptyCell', () => {
  it('has inputs only: NAS-Bench-201 style for 1 input, DARTS style for 2', () => {
    expect(emptyCell('image', 1)).toEqual({
      inputs: ['x'],
      nodes: [],
      edges: [],
      output: 'last',
      derive: { rule: 'per-edge' },
    });
    expect(emptyCell('vector', 2)).toEqual({
      inputs: ['c0', 'c1'],
      nodes: [],
      edges: [],
      output: 'concat',
      derive: { rule: 'top-k', k: 2 },
    });
    expect(validateCell(emptyCell('image', 2), 'image').map((p) => p.code)).toEqual(['no-nodes']);
  });
});

describe('add-node and remove-node', () => {
  it('appends n<k> with the smallest unused k, and reports the new node as not yet connected', () => {
    const once = accepted(applyCellChange(emptyCell('image', 1), { kind: 'add-node' }, 'image'));
    expect(once.cell.nodes).toEqual(['n0']);
    expect(once.codes).toEqual(['no-incoming-edge']);
    expect(once.paths).toEqual(['nodes.n0']);
    const gap = { ...small(), nodes: ['n1', 'n3'] };
    expect(accepted(applyCellChange(gap, { kind: 'add-node' }, 'image')).cell.nodes).toEqual([
      'n1',
      'n3',
      'n0',
    ]);
    const nb201 = presetSpace('nb201').normal;
    expect(accepted(applyCellChange(nb201, { kind: 'add-node' }, 'image')).cell.nodes).toEqual([
      'n1',
      'n2',
      'n3',
      'n4',
    ]);
  });

  it('removes a node with its edges and marks what is left dangling', () => {
    const out = accepted(applyCellChange(small(), { kind: 'remove-node', node: 'n0' }, 'image'));
    expect(out.cell.nodes).toEqual(['n1']);
    expect(out.cell.edges.map((e) => e.id)).toEqual(['e2']);
    expect(out.codes).toEqual([]);
    const head = accepted(applyCellChange(small(), { kind: 'remove-node', node: 'n1' }, 'image'));
    expect(head.cell.edges.map((e) => e.id)).toEqual(['e0']);
  });

  it('refuses removing an input node or an unknown node', () => {
    expect(reason(applyCellChange(small(), { kind: 'remove-node', node: 'x' }, 'image'))).toBe(
      'x is an input node and cannot be removed; set the number of inputs instead.',
    );
    expect(reason(applyCellChange(small(), { kind: 'remove-node', node: 'n7' }, 'image'))).toBe(
      'There is no node "n7" in this cell.',
    );
  });
});

describe('connect and disconnect', () => {
  it('adds e<k> with the given ops, or the default op set when none are given', () => {
    const start = build(emptyCell('image', 2), [{ kind: 'add-node' }]);
    const out = accepted(
      applyCellChange(start, { kind: 'connect', from: 'c0', to: 'n0' }, 'image'),
    );
    expect(out.cell.edges).toEqual([{ id: 'e0', from: 'c0', to: 'n0', ops: DARTS_OPS }]);
    expect(out.codes).toEqual([]);
    const vector = build(emptyCell('vector', 1), [{ kind: 'add-node' }], 'vector');
    const v = accepted(applyCellChange(vector, { kind: 'connect', from: 'x', to: 'n0' }, 'vector'));
    expect(v.cell.edges[0]?.ops).toEqual([
      'none',
      'skip_connect',
      'dense_relu',
      'dense_tanh',
      'dense_sigmoid',
    ]);
    const custom = applyCellChange(start, { kind: 'connect', from: 'c1', to: 'n0' }, 'image', [
      'skip_connect',
    ]);
    expect(accepted(custom).cell.edges[0]?.ops).toEqual(['skip_connect']);
  });

  it('reuses the smallest free edge id after a disconnect', () => {
    const cut = build(small(), [{ kind: 'disconnect', edge: 'e0' }]);
    expect(cut.edges.map((e) => e.id)).toEqual(['e1', 'e2']);
    const again = build(cut, [{ kind: 'connect', from: 'x', to: 'n0', ops: ['skip_connect'] }]);
    expect(again.edges.map((e) => `${e.id}:${e.from}>${e.to}`)).toEqual([
      'e1:n0>n1',
      'e2:x>n1',
      'e0:x>n0',
    ]);
  });

  it('refuses the edge that would close a cycle, naming the cycle', () => {
    expect(
      reason(applyCellChange(small(), { kind: 'connect', from: 'n1', to: 'n0' }, 'image')),
    ).toBe('n1 → n0 would close the cycle n0 → n1 → n0.');
    const chain = build(small(), [
      { kind: 'add-node' },
      { kind: 'connect', from: 'n1', to: 'n2', ops: ['skip_connect'] },
    ]);
    expect(reason(applyCellChange(chain, { kind: 'connect', from: 'n2', to: 'n0' }, 'image'))).toBe(
      'n2 → n0 would close the cycle n0 → n1 → n2 → n0.',
    );
  });

  it('refuses edges into inputs, self-loops, parallel edges and unknown nodes', () => {
    const cell = small();
    const refusal = (from: string, to: string) =>
      reason(applyCellChange(cell, { kind: 'connect', from, to }, 'image'));
    expect(refusal('n0', 'x')).toBe(
      'x is an input node; edges may only end at intermediate nodes.',
    );
    expect(refusal('n0', 'n0')).toBe(
      'An edge must join two different nodes; n0 → n0 would loop n0 onto itself.',
    );
    expect(refusal('x', 'n0')).toBe(
      'Edge e0 already goes from x to n0; keep one edge per pair of nodes and give e0 the ops you want.',
    );
    expect(refusal('q', 'n0')).toBe('There is no node "q" in this cell.');
    expect(refusal('x', 'q')).toBe('There is no node "q" in this cell.');
  });

  it('refuses empty, duplicated, unknown and wrong-domain op sets on a new edge', () => {
    const cell = build(small(), [{ kind: 'add-node' }]);
    const refusal = (ops: readonly string[], domain: 'image' | 'vector' = 'image') =>
      reason(
        applyCellChange(
          cell,
          { kind: 'connect', from: 'n1', to: 'n2', ops: ops as OpName[] },
          domain,
        ),
      );
    expect(refusal([])).toBe('The new edge n1 → n2 needs at least one candidate op.');
    expect(refusal(['skip_connect', 'skip_connect'])).toBe(
      'Op skip_connect is listed twice for the new edge n1 → n2; each candidate op may appear once.',
    );
    expect(refusal(['conv_7x7'])).toMatch(/^"conv_7x7" is not a known op; known ops are none, /);
    expect(refusal(['dense_relu'])).toBe(
      'Op dense_relu works on feature vectors (2D points), but this space takes images.',
    );
    expect(refusal(['nor_conv_3x3'], 'vector')).toBe(
      'Op nor_conv_3x3 works on images, but this space takes feature vectors (2D points).',
    );
  });

  it('disconnects an edge and marks the node it leaves without input', () => {
    const out = accepted(applyCellChange(small(), { kind: 'disconnect', edge: 'e0' }, 'image'));
    expect(out.cell.edges.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(out.codes).toEqual(['no-incoming-edge']);
    expect(out.paths).toEqual(['nodes.n0']);
    expect(reason(applyCellChange(small(), { kind: 'disconnect', edge: 'e9' }, 'image'))).toBe(
      'There is no edge "e9" in this cell (its edges are e0, e1, e2).',
    );
  });
});
