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

/** Horizontal gap between layers: room for an edge label (12 characters) between two nodes. */
export const RANK_GAP = 120;

/** Every node of `cell` laid out left to right in layers (inputs first); top-left corners. */
export function layoutCell(cell: CellSpec): Record<string, XY> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 64, ranksep: RANK_GAP, marginx: 20, marginy: 20 });
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

/** Room below a node for the problem note that may hang under it (three lines). */
export const NOTE_ROOM = 60;

/** How far the problem note reaches past a node's sides (it is wider than the node). */
const NOTE_OVERHANG = 30;

/**
 * `positions` with a place for every node of `cell` that has none. A node joined by an edge to a
 * placed node goes where the layered layout puts it; a node joined to none (just added) goes in a
 * column of its own right of every placed node, level with the highest. Either is then moved down
 * until neither it nor its problem note covers a placed node. Placed nodes keep their positions.
 */
export function placeNewNodes(cell: CellSpec, positions: NodePositions): NodePositions {
  const ids = [...cell.inputs, ...cell.nodes];
  const missing = ids.filter((id) => positions[id] === undefined);
  if (missing.length === 0) return positions;
  const laid = layoutCell(cell);
  if (missing.length === ids.length) return laid;
  const out: Record<string, XY> = { ...positions };
  const taken: XY[] = ids.flatMap((id) => (positions[id] ? [positions[id]] : []));
  for (const id of missing) {
    const joined = cell.edges.some(
      (e) => (e.from === id && out[e.to]) || (e.to === id && out[e.from]),
    );
    let at: XY = laid[id] ?? { x: 0, y: 0 };
    if (!joined) {
      at = {
        x: Math.max(...taken.map((p) => p.x)) + NODE_SIZE.width + RANK_GAP,
        y: Math.min(...taken.map((p) => p.y)),
      };
    }
    while (taken.some((p) => overlaps(p, at)))
      at = { x: at.x, y: at.y + NODE_SIZE.height + NOTE_ROOM };
    out[id] = at;
    taken.push(at);
  }
  return out;
}

/** True when two nodes at `a` and `b`, or the problem note under the upper one, would overlap. */
function overlaps(a: XY, b: XY): boolean {
  return (
    Math.abs(a.x - b.x) < NODE_SIZE.width + NOTE_OVERHANG &&
    Math.abs(a.y - b.y) < NODE_SIZE.height + NOTE_ROOM
  );
}
