/** Node positions of the composer canvas: a layered left-to-right layout (dagre), and placement of new nodes. */
import dagre from '@dagrejs/dagre';
import type { CellSpec } from '../core/search-space/types';

/** A point on the canvas (top-left corner of a node). */
export interface XY {
  readonly x: number;
  readonly y: number;
}

/** Positions of one cell's nodes, keyed by node id. */
export type NodePositions = Readonly<Record<string, XY>>;

/** The size every node is laid out at. */
export const NODE_SIZE = { width: 120, height: 48 } as const;

/** Every node of `cell` laid out left to right in layers (inputs first); top-left corners. */
export function layoutCell(cell: CellSpec): Record<string, XY> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 64, ranksep: 64, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  const ids = [...cell.inputs, ...cell.nodes];
  for (const id of ids) g.setNode(id, { width: NODE_SIZE.width, height: NODE_SIZE.height });
  for (const e of cell.edges) if (g.hasNode(e.from) && g.hasNode(e.to)) g.setEdge(e.from, e.to);
  dagre.layout(g);
  const out: Record<string, XY> = {};
  for (const id of ids) {
    const n = g.node(id);
    out[id] = { x: n.x - NODE_SIZE.width / 2, y: n.y - NODE_SIZE.height / 2 };
  }
  return out;
}

/**
 * `positions` with a place for every node of `cell` that has none: where the layered layout puts
 * it, moved down until it overlaps no placed node. Placed nodes keep their positions.
 */
export function placeNewNodes(cell: CellSpec, positions: NodePositions): NodePositions {
  const ids = [...cell.inputs, ...cell.nodes];
  const missing = ids.filter((id) => positions[id] === undefined);
  if (missing.length === 0) return positions;
  const laid = layoutCell(cell);
  const out: Record<string, XY> = { ...positions };
  const placed = ids.filter((id) => positions[id] !== undefined).map((id) => positions[id]);
  const taken: XY[] = placed.filter((p): p is XY => p !== undefined);
  for (const id of missing) {
    let at = laid[id] ?? { x: 0, y: 0 };
    while (taken.some((p) => overlaps(p, at))) at = { x: at.x, y: at.y + NODE_SIZE.height + 24 };
    out[id] = at;
    taken.push(at);
  }
  return out;
}

/** True when two nodes at `a` and `b` would overlap (with a small gap). */
function overlaps(a: XY, b: XY): boolean {
  return Math.abs(a.x - b.x) < NODE_SIZE.width + 8 && Math.abs(a.y - b.y) < NODE_SIZE.height + 8;
}
