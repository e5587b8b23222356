/**
 * Layered layout of a derived cell: inputs in the first column, intermediate nodes by longest
 * path from the inputs (ties kept in topological order), the output in the last column. Pure.
 */
import { nodeIndex, outputNodes, topoOrder } from '../core/search-space/cell';
import type { CellGenotype, CellSpec } from '../core/search-space/types';
import { curvePoint, placeLabels } from './label-placement';
import { opLabel } from './op-label';

/** A placed node; `label` is its DARTS number (or 'out'). */
export interface PlacedNode {
  readonly id: string;
  readonly kind: 'input' | 'node' | 'output';
  readonly label: string;
  readonly layer: number;
  readonly x: number;
  readonly y: number;
}

/** A placed edge: a quadratic curve from `from` to `to` through `control`; `op` is null for output links. */
export interface PlacedEdge {
  readonly from: string;
  readonly to: string;
  readonly op: string | null;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  /** Control point of the curve (the midpoint for straight edges). */
  readonly cx: number;
  readonly cy: number;
  /** Where the label sits: on the curve, clear of other labels and nodes where possible. */
  readonly lx: number;
  readonly ly: number;
}

/** The whole drawing in a `width` x `height` box. */
export interface CellLayout {
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
  readonly width: number;
  readonly height: number;
  /** Kept edges whose op is the zero op (drawn as absent). */
  readonly cutEdges: number;
}

/** The id given to the output node. */
export const OUTPUT_ID = '__out__';

/** Radius of a drawn node (the diagram draws circles of this size). */
export const NODE_R = 16;
/** Narrowest gap between columns, and the extra room per labelled edge crossing a gap. */
const COL = 170;
const COL_PER_EDGE = 14;
const ROW = 110;
const PAD = 44;
/** Bend per skipped layer for edges that jump over columns. */
const BEND = 34;

function layers(cell: CellSpec, kept: CellGenotype['edges']): Map<string, number> {
  const layer = new Map<string, number>(cell.inputs.map((id) => [id, 0]));
  for (const node of topoOrder(cell)) {
    const preds = kept.filter((e) => e.to === node).map((e) => layer.get(e.from) ?? 0);
    layer.set(node, 1 + Math.max(0, ...preds));
  }
  return layer;
}

/** Smallest distance from the curve a -> b (bent by `bend`) to any of `nodes`. */
function clearance(
  a: PlacedNode,
  b: PlacedNode,
  bend: number,
  nodes: readonly PlacedNode[],
): number {
  const curve = {
    x1: a.x,
    y1: a.y,
    cx: (a.x + b.x) / 2,
    cy: (a.y + b.y) / 2 + 2 * bend,
    x2: b.x,
    y2: b.y,
    text: '',
  };
  let least = Infinity;
  for (let t = 0.1; t < 0.95; t += 0.1) {
    const p = curvePoint(curve, t);
    for (const n of nodes) least = Math.min(least, Math.hypot(p.x - n.x, p.y - n.y));
  }
  return least;
}

/** The bend of an edge: straight when it passes clear of the nodes in the columns it crosses, else the smallest clear bow. */
function chooseBend(
  a: PlacedNode,
  b: PlacedNode,
  between: readonly PlacedNode[],
  side: number,
): number {
  const step = BEND * Math.max(1, b.layer - a.layer - 1);
  const candidates = [
    0,
    side * step,
    -side * step,
    2 * side * step,
    -2 * side * step,
    3 * side * step,
  ];
  let best = { bend: 0, room: -1 };
  for (const bend of candidates) {
    const room = clearance(a, b, bend, between);
    if (room >= NODE_R + 12) return bend;
    if (room > best.room) best = { bend, room };
  }
  return best.bend;
}

/** Places the nodes and kept (non-zero) edges of `genotype`, a derived version of `cell`. */
export function layoutCell(cell: CellSpec, genotype: CellGenotype): CellLayout {
  const kept = genotype.edges.filter((e) => e.op !== 'none');
  const layer = layers(cell, kept);
  const index = nodeIndex(cell);
  const lastLayer = Math.max(0, ...layer.values()) + 1;
  const concat = genotype.concat.length > 0 ? genotype.concat : outputNodes(cell);
  const columns: string[][] = Array.from({ length: lastLayer + 1 }, () => []);
  for (const id of [...cell.inputs, ...topoOrder(cell)]) columns[layer.get(id) ?? 0]?.push(id);
  columns[lastLayer]?.push(OUTPUT_ID);
  // Gaps crossed by many labelled edges get wider so their labels find room.
  const xs = [PAD];
  for (let l = 0; l < lastLayer; l++) {
    const crossing = kept.filter(
      (e) => (layer.get(e.from) ?? 0) <= l && l < (layer.get(e.to) ?? 0),
    ).length;
    xs.push((xs[l] ?? PAD) + Math.max(COL, 40 + COL_PER_EDGE * crossing * 2));
  }
  const width = (xs[lastLayer] ?? PAD) + PAD;
  // Columns are centred on y = 0; everything is shifted into the box at the end.
  const mid = 0;
  const nodes: PlacedNode[] = [];
  const at = new Map<string, PlacedNode>();
  columns.forEach((ids, l) => {
    ids.forEach((id, k) => {
      const kind = id === OUTPUT_ID ? 'output' : l === 0 ? 'input' : 'node';
      const label = id === OUTPUT_ID ? 'out' : String(index.get(id) ?? id);
      const node = {
        id,
        kind,
        label,
        layer: l,
        x: xs[l] ?? PAD,
        y: mid + (k - (ids.length - 1) / 2) * ROW,
      } as const;
      nodes.push(node);
      at.set(id, node);
    });
  });
  const links = [
    ...kept.map((e) => ({ from: e.from, to: e.to, op: e.op as string | null })),
    ...concat.map((id) => ({ from: id, to: OUTPUT_ID, op: null })),
  ];
  let flip = 1;
  const edges: PlacedEdge[] = [];
  for (const link of links) {
    const a = at.get(link.from);
    const b = at.get(link.to);
    if (!a || !b) continue;
    const between = nodes.filter((n) => n.layer > a.layer && n.layer < b.layer);
    const side = a.y < mid - 1 ? -1 : a.y > mid + 1 ? 1 : (flip = -flip);
    const bend = chooseBend(a, b, between, side);
    const cx = (a.x + b.x) / 2;
    const cy = (a.y + b.y) / 2 + 2 * bend;
    edges.push({
      ...link,
      x1: a.x,
      y1: a.y,
      x2: b.x,
      y2: b.y,
      cx,
      cy,
      lx: cx,
      ly: (a.y + b.y) / 2 + bend,
    });
  }
  const labelled = edges.filter((e) => e.op !== null);
  const spots = placeLabels(
    labelled.map((e) => ({ ...e, text: opLabel(e.op ?? '') })),
    nodes.map((n) => ({ x: n.x, y: n.y, w: 2 * NODE_R + 4, h: 2 * NODE_R + 4 })),
  );
  labelled.forEach((e, i) => {
    const spot = spots[i];
    if (spot) edges[edges.indexOf(e)] = { ...e, lx: spot.x, ly: spot.y };
  });
  const ys = [...nodes.map((n) => n.y), ...edges.map((e) => e.ly)];
  const shift = PAD - Math.min(...ys);
  const fit = Math.max(...ys) + shift + PAD;
  return {
    nodes: nodes.map((n) => ({ ...n, y: n.y + shift })),
    edges: edges.map((e) => ({
      ...e,
      y1: e.y1 + shift,
      y2: e.y2 + shift,
      cy: e.cy + shift,
      ly: e.ly + shift,
    })),
    width,
    height: fit,
    cutEdges: genotype.edges.length - kept.length,
  };
}
