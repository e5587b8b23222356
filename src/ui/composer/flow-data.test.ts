import { describe, expect, it } from 'vitest';
import { presetSpace } from '../../core/search-space/presets';
import type { CellSpec } from '../../core/search-space/types';
import { spaceProblems } from '../../store/composer-problems';
import { flowEdges, flowNodes, mergeFlowNodes, opsSummary } from './flow-data';

const nb201 = presetSpace('nb201').normal;
const none = spaceProblems([]).normal;

describe('composer flow data', () => {
  it('turns each input and intermediate node into a flow node at its position', () => {
    const nodes = flowNodes(nb201, { n0: { x: 5, y: 7 } }, none);
    expect(nodes.map((n) => n.id)).toEqual(['n0', 'n1', 'n2', 'n3']);
    expect(nodes[0]).toMatchObject({ position: { x: 5, y: 7 }, deletable: false });
    expect(nodes[0]?.data.kind).toBe('input');
    expect(nodes[3]?.data).toMatchObject({ kind: 'node', output: true });
    expect(nodes[3]?.data.subtitle).toBe('sums 3 edges · cell output');
    expect(nodes[1]?.data.output).toBe(false);
  });

  it('marks a node with the problems validation names it in', () => {
    const dangling: CellSpec = { ...nb201, nodes: [...nb201.nodes, 'n4'] };
    const problems = spaceProblems([
      {
        path: 'space.normal.nodes.n4',
        code: 'no-incoming-edge',
        message: 'Node n4 has no incoming edge.',
      },
      { path: 'space.normal.edges.e1.ops', code: 'empty-ops', message: 'Edge e1 has no ops.' },
    ]).normal;
    const nodes = flowNodes(dangling, {}, problems);
    expect(nodes.find((n) => n.id === 'n4')?.data.problems).toEqual([
      'Node n4 has no incoming edge.',
    ]);
    const edges = flowEdges(dangling, problems, 'e2');
    expect(edges.find((e) => e.id === 'e1')?.className).toContain('cell-edge-invalid');
    expect(edges.find((e) => e.id === 'e2')?.selected).toBe(true);
    expect(edges.find((e) => e.id === 'e0')).toMatchObject({
      source: 'n0',
      target: 'n1',
      label: 'e0: 5 ops',
    });
  });

  it('names a single-op edge by its op', () => {
    expect(opsSummary(['nor_conv_3x3'])).toBe('conv 3x3');
    expect(opsSummary(['none', 'skip_connect'])).toBe('2 ops');
  });

  it('keeps measured sizes and selection across a rebuild, drops removed nodes', () => {
    const first = flowNodes(nb201, {}, none).map((n) =>
      n.id === 'n1' ? { ...n, selected: true, measured: { width: 120, height: 48 } } : n,
    );
    const smaller: CellSpec = { ...nb201, nodes: ['n1', 'n2'], edges: [] };
    const merged = mergeFlowNodes(first, flowNodes(smaller, {}, none));
    expect(merged.map((n) => n.id)).toEqual(['n0', 'n1', 'n2']);
    expect(merged[1]).toMatchObject({ selected: true, measured: { width: 120, height: 48 } });
  });
});
