/** Greedy placement of edge labels along their curves so they avoid each other and the nodes. Pure. */

/** An axis-aligned box by its centre and size. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** A quadratic curve from (x1, y1) through control (cx, cy) to (x2, y2) carrying a label of `text`. */
export interface LabelledCurve {
  readonly x1: number;
  readonly y1: number;
  readonly cx: number;
  readonly cy: number;
  readonly x2: number;
  readonly y2: number;
  readonly text: string;
}

/** Positions along a curve tried in order: the middle first, then ever closer to the ends. */
const ALONG = [0.5, 0.4, 0.6, 0.32, 0.68, 0.25, 0.75, 0.18, 0.82];
/** Vertical nudges tried once no position on the curve itself is free. */
const NUDGES = [0, -9, 9, -16, 16];
/** Approximate width of one character of an 11.5px label, and the label height. */
const CHAR_W = 6.6;
const LABEL_H = 15;

/** The point at `t` of a quadratic curve. */
export function curvePoint(c: LabelledCurve, t: number): { x: number; y: number } {
  const u = 1 - t;
  return {
    x: u * u * c.x1 + 2 * u * t * c.cx + t * t * c.x2,
    y: u * u * c.y1 + 2 * u * t * c.cy + t * t * c.y2,
  };
}

/** The area two boxes share. */
export function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w / 2, b.x + b.w / 2) - Math.max(a.x - a.w / 2, b.x - b.w / 2);
  const h = Math.min(a.y + a.h / 2, b.y + b.h / 2) - Math.max(a.y - a.h / 2, b.y - b.h / 2);
  return w > 0 && h > 0 ? w * h : 0;
}

/** The box a label of `text` takes centred at (x, y). */
export function labelBox(text: string, x: number, y: number): Box {
  return { x, y, w: text.length * CHAR_W + 6, h: LABEL_H };
}

/** One label position per curve, in order; each takes the first free candidate, else the least covered one. */
export function placeLabels(
  curves: readonly LabelledCurve[],
  obstacles: readonly Box[],
): { x: number; y: number }[] {
  const taken: Box[] = [...obstacles];
  return curves.map((c) => {
    let best = { x: 0, y: 0, cost: Infinity };
    search: for (const dy of NUDGES) {
      for (const t of ALONG) {
        const p = curvePoint(c, t);
        const box = labelBox(c.text, p.x, p.y + dy);
        const cost = taken.reduce((sum, o) => sum + overlap(box, o), 0);
        if (cost < best.cost) best = { x: p.x, y: p.y + dy, cost };
        if (cost === 0) break search;
      }
    }
    taken.push(labelBox(c.text, best.x, best.y));
    return { x: best.x, y: best.y };
  });
}
