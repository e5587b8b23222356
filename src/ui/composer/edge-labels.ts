/**
 * Where the composer puts each edge's label: somewhere along the edge's curve where it covers no
 * node and no other label. Pure geometry, in flow coordinates (so it holds at every zoom).
 */

/** A point in flow coordinates. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** An axis-aligned box: its top-left corner and size. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** One edge to label: where it leaves its source (right side) and enters its target (left side). */
export interface LabelledEdge {
  readonly id: string;
  readonly source: Point;
  readonly target: Point;
  /** The label's size. */
  readonly width: number;
  readonly height: number;
}

/** The canvas's edge curvature (xyflow's bezier default). */
const CURVATURE = 0.25;

/** Positions along an edge a label may take, best first (the middle, then outwards). */
const CANDIDATES = [0.5, 0.42, 0.58, 0.34, 0.66, 0.27, 0.73, 0.2, 0.8, 0.14, 0.86];

/** Room kept clear around each label, in flow pixels. */
const MARGIN = 3;

/** How far a bezier control point sits from its end, as the canvas draws edges (xyflow's rule). */
function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : CURVATURE * 25 * Math.sqrt(-distance);
}

/** The point at `t` (0 at the source, 1 at the target) of the curve the canvas draws for an edge. */
export function pointOnEdge(source: Point, target: Point, t: number): Point {
  const c1 = { x: source.x + controlOffset(target.x - source.x), y: source.y };
  const c2 = { x: target.x - controlOffset(target.x - source.x), y: target.y };
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return {
    x: a * source.x + b * c1.x + c * c2.x + d * target.x,
    y: a * source.y + b * c1.y + c * c2.y + d * target.y,
  };
}

/** The area two boxes share (0 when they are apart). */
export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** The label box of `edge` centred at `t` along it. */
export function labelBox(edge: LabelledEdge, t: number): Box {
  const p = pointOnEdge(edge.source, edge.target, t);
  return { x: p.x - edge.width / 2, y: p.y - edge.height / 2, width: edge.width, height: edge.height };
}

/** `box` grown by `by` on every side. */
function grown(box: Box, by: number): Box {
  return { x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by };
}

/**
 * For each edge, the position along it (t in 0..1) of its label: the first candidate from the
 * middle outwards whose box, with a small margin, covers no node in `obstacles` and no label placed
 * before it; where every candidate covers something, the one covering least. Short edges choose
 * first, since they have the least room.
 */
export function placeEdgeLabels(
  edges: readonly LabelledEdge[],
  obstacles: readonly Box[],
): Map<string, number> {
  const chord = (e: LabelledEdge): number => Math.hypot(e.target.x - e.source.x, e.target.y - e.source.y);
  const order = [...edges].sort((a, b) => chord(a) - chord(b) || a.id.localeCompare(b.id));
  const placed: Box[] = [];
  const out = new Map<string, number>();
  for (const edge of order) {
    let best = { t: 0.5, cost: Number.POSITIVE_INFINITY };
    for (const t of CANDIDATES) {
      const box = grown(labelBox(edge, t), MARGIN);
      let cost = 0;
      for (const other of placed) cost += overlapArea(box, other);
      for (const node of obstacles) cost += overlapArea(box, node);
      if (cost < best.cost) best = { t, cost };
      if (cost === 0) break;
    }
    out.set(edge.id, best.t);
    placed.push(labelBox(edge, best.t));
  }
  return out;
}

/** Character width of the label font (12px monospace: 0.6 em), in flow pixels, rounded up. */
export const LABEL_CHAR_WIDTH = 7.3;

/** Longest label text shown; longer texts end in an ellipsis (the full text is on hover). */
export const LABEL_MAX_CHARS = 12;

/** A label text cut to LABEL_MAX_CHARS, ending in an ellipsis when cut. */
export function shortLabel(text: string): string {
  return text.length <= LABEL_MAX_CHARS ? text : `${text.slice(0, LABEL_MAX_CHARS - 1)}…`;
}

/** The size a label of `text` takes on the canvas (4 px padding and a 1 px border each side included). */
export function labelSize(text: string): { width: number; height: number } {
  return { width: Math.ceil(shortLabel(text).length * LABEL_CHAR_WIDTH) + 10, height: 18 };
}
