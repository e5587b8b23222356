import { describe, expect, it } from 'vitest';
import { presetSpace } from '../core/search-space/presets';
import type { CellGenotype } from '../core/search-space/types';
import { layoutCell, NODE_R, OUTPUT_ID } from './cell-layout';
import { curvePoint, labelBox, overlap } from './label-placement';
import { opLabel } from './op-label';

describe('cell layout', () => {
  const darts = presetSpace('darts').normal;
  const genotype: CellGenotype = {
    edges: [
      { from: 'c0', to: 'n0', op: 'sep_conv_3x3' },
      { from: 'c1', to: 'n0', op: 'sep_conv_3x3' },
      { from: 'c0', to: 'n1', op: 'sep_conv_3x3' },
      { from: 'c1', to: 'n1', op: 'sep_conv_3x3' },
      { from: 'c1', to: 'n2', op: 'sep_conv_3x3' },
      { from: 'c0', to: 'n2', op: 'skip_connect' },
      { from: 'c0', to: 'n3', op: 'skip_connect' },
      { from: 'n0', to: 'n3', op: 'dil_conv_3x3' },
    ],
    concat: ['n0', 'n1', 'n2', 'n3'],
  };

  it('puts inputs left, nodes by longest path, the output right', () => {
    const layout = layoutCell(darts, genotype);
    const byId = new Map(layout.nodes.map((n) => [n.id, n]));
    expect(byId.get('c0')?.layer).toBe(0);
    expect(byId.get('c1')?.layer).toBe(0);
    expect(byId.get('n0')?.layer).toBe(1);
    expect(byId.get('n1')?.layer).toBe(1);
    expect(byId.get('n3')?.layer).toBe(2);
    expect(byId.get(OUTPUT_ID)?.layer).toBe(3);
    expect(byId.get('n0')?.label).toBe('2');
    expect(byId.get('n3')?.label).toBe('5');
    for (const n of layout.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.x).toBeLessThanOrEqual(layout.width);
      expect(n.y).toBeGreaterThanOrEqual(0);
      expect(n.y).toBeLessThanOrEqual(layout.height);
    }
    const ys = layout.nodes.filter((n) => n.layer === 1).map((n) => n.y);
    expect(new Set(ys).size).toBe(ys.length);
  });

  it('draws every kept edge with its op plus one link per concatenated node', () => {
    const layout = layoutCell(darts, genotype);
    expect(layout.edges.filter((e) => e.op !== null)).toHaveLength(8);
    expect(layout.edges.filter((e) => e.op === null).map((e) => e.from)).toEqual([
      'n0',
      'n1',
      'n2',
      'n3',
    ]);
    expect(layout.cutEdges).toBe(0);
    for (const e of layout.edges) expect(e.ly).toBeGreaterThanOrEqual(0);
    const boxes = layout.edges
      .filter((e) => e.op !== null)
      .map((e) => labelBox(opLabel(e.op ?? ''), e.lx, e.ly));
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => expect(overlap(a, b)).toBe(0)));
  });

  it('bends edges that skip a column so they do not run through the nodes between', () => {
    const teaching = presetSpace('teaching').normal;
    const chain: CellGenotype = {
      edges: [
        { from: 'x', to: 'h1', op: 'dense_relu' },
        { from: 'x', to: 'h2', op: 'none' },
        { from: 'h1', to: 'h2', op: 'dense_tanh' },
        { from: 'x', to: 'h3', op: 'skip_connect' },
        { from: 'h1', to: 'h3', op: 'none' },
        { from: 'h2', to: 'h3', op: 'dense_relu' },
      ],
      concat: ['h3'],
    };
    const layout = layoutCell(teaching, chain);
    expect(layout.cutEdges).toBe(2);
    const long = layout.edges.find((e) => e.from === 'x' && e.to === 'h3');
    expect(long && Math.abs(long.ly - (long.y1 + long.y2) / 2)).toBeGreaterThan(20);
    const short = layout.edges.find((e) => e.from === 'x' && e.to === 'h1');
    expect(short && short.ly).toBeCloseTo(short ? (short.y1 + short.y2) / 2 : 0);
    expect(layout.edges.filter((e) => e.to === OUTPUT_ID)).toHaveLength(1);
  });

  it('routes edges around nodes in the columns they cross', () => {
    const teaching = presetSpace('teaching').normal;
    const genotype: CellGenotype = {
      edges: [
        { from: 'x', to: 'h1', op: 'none' },
        { from: 'x', to: 'h2', op: 'none' },
        { from: 'h1', to: 'h2', op: 'dense_relu' },
        { from: 'x', to: 'h3', op: 'dense_tanh' },
        { from: 'h1', to: 'h3', op: 'dense_relu' },
        { from: 'h2', to: 'h3', op: 'none' },
      ],
      concat: ['h3'],
    };
    const layout = layoutCell(teaching, genotype);
    const h1 = layout.nodes.find((n) => n.id === 'h1');
    const e = layout.edges.find((x) => x.from === 'x' && x.to === 'h3');
    expect(h1 && e).toBeTruthy();
    if (!h1 || !e) return;
    for (let t = 0.1; t < 0.95; t += 0.05) {
      const p = curvePoint({ ...e, text: '' }, t);
      expect(Math.hypot(p.x - h1.x, p.y - h1.y)).toBeGreaterThan(NODE_R + 4);
    }
  });
});
