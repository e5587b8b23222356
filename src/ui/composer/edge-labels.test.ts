import { getBezierPath, Position } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { presetSpace } from '../../core/search-space/presets';
import { layoutCell, NODE_SIZE, placeNewNodes } from '../../store/composer-layout';
import { spaceProblems } from '../../store/composer-problems';
import { labelBox, labelSize, overlapArea, pointOnEdge, shortLabel } from './edge-labels';
import { flowEdges, flowNodes, placeLabels } from './flow-data';

describe('edge labels', () => {
  it('sit on the curve the canvas draws (xyflow bezier), at its middle for t = 0.5', () => {
    for (const [source, target] of [
      [{ x: 0, y: 0 }, { x: 300, y: 120 }],
      [{ x: 400, y: 50 }, { x: 100, y: 300 }],
    ] as const) {
      const [, labelX, labelY] = getBezierPath({
        sourceX: source.x,
        sourceY: source.y,
        sourcePosition: Position.Right,
        targetX: target.x,
        targetY: target.y,
        targetPosition: Position.Left,
      });
      const mid = pointOnEdge(source, target, 0.5);
      expect(mid.x).toBeCloseTo(labelX, 9);
      expect(mid.y).toBeCloseTo(labelY, 9);
      expect(pointOnEdge(source, target, 0)).toEqual(source);
      expect(pointOnEdge(source, target, 1)).toEqual(target);
    }
  });

  it('never overlap each other or a node on the DARTS and NAS-Bench-201 presets', () => {
    for (const preset of ['darts', 'nb201'] as const) {
      const space = presetSpace(preset);
      for (const cell of [space.normal, space.reduce ?? space.normal]) {
        const problems = spaceProblems([]).normal;
        const nodes = flowNodes(cell, layoutCell(cell), problems);
        const edges = placeLabels(flowEdges(cell, problems, null), nodes);
        const boxes = new Map(
          nodes.map((n) => [n.id, { ...n.position, ...NODE_SIZE }] as const),
        );
        const labels = edges.map((e) => {
          const from = boxes.get(e.source);
          const to = boxes.get(e.target);
          if (!from || !to || !e.data) throw new Error(`edge ${e.id} has no ends`);
          return labelBox(
            {
              id: e.id,
              source: { x: from.x + from.width + 6, y: from.y + from.height / 2 },
              target: { x: to.x - 6, y: to.y + to.height / 2 },
              ...labelSize(e.data.text),
            },
            e.data.labelT ?? 0.5,
          );
        });
        expect(labels).toHaveLength(cell.edges.length);
        labels.forEach((a, i) => {
          for (const b of labels.slice(i + 1)) expect(overlapArea(a, b)).toBe(0);
          for (const node of boxes.values()) expect(overlapArea(a, node)).toBe(0);
        });
      }
    }
  });

  it('are cut to a readable length with an ellipsis, the full text kept for hover', () => {
    expect(shortLabel('e3: 8 ops')).toBe('e3: 8 ops');
    const long = shortLabel('e13: dil conv 5x5');
    expect(long).toHaveLength(12);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('new nodes in the composer', () => {
  it('go in a column right of the placed nodes, and never sit on another node or its problem note', () => {
    const cell = presetSpace('nb201').normal;
    let positions = layoutCell(cell);
    const right = Math.max(...Object.values(positions).map((p) => p.x));
    let grown = cell;
    for (const id of ['n4', 'n5', 'n6']) {
      grown = { ...grown, nodes: [...grown.nodes, id] };
      positions = placeNewNodes(grown, positions);
    }
    const added = ['n4', 'n5', 'n6'].map((id) => positions[id]);
    for (const p of added) expect(p?.x).toBeGreaterThan(right + NODE_SIZE.width);
    const all = Object.values(positions);
    all.forEach((a, i) => {
      for (const b of all.slice(i + 1)) {
        const apart =
          Math.abs(a.x - b.x) >= NODE_SIZE.width + 30 || Math.abs(a.y - b.y) >= NODE_SIZE.height + 60;
        expect(apart).toBe(true);
      }
    });
  });
});
