/** Scale decisions of the Pareto and fidelity charts: log or linear cost axis, padded domains, and the brush hit test. */

/** A cost axis switches to a log scale when its largest value is more than this many times its smallest. */
export const LOG_SPAN = 10;

/** True when every value is positive and the largest is more than LOG_SPAN times the smallest. */
export function wantsLogScale(values: readonly number[]): boolean {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0 || finite.some((v) => v <= 0)) return false;
  return Math.max(...finite) / Math.min(...finite) > LOG_SPAN;
}

/**
 * The cost axis domain: the values' range padded by 5% on each side (a factor on a log scale) so no
 * point sits on the frame; a single value gets ±10% around it; a linear domain never goes below 0
 * when every value is non-negative.
 */
export function costDomain(values: readonly number[], log: boolean): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  if (log) {
    const factor = hi > lo ? Math.pow(hi / lo, 0.05) : 1.1;
    return [lo / factor, hi * factor];
  }
  if (hi === lo) return lo === 0 ? [0, 1] : [lo - Math.abs(lo) * 0.1, hi + Math.abs(hi) * 0.1];
  const pad = (hi - lo) * 0.05;
  return [lo >= 0 ? Math.max(0, lo - pad) : lo - pad, hi + pad];
}

/**
 * An accuracy axis domain in percent, from accuracies in [0, 1]: the range padded by 5% of itself
 * (at least one percentage point) and kept inside [0, 100].
 */
export function percentDomain(accuracies: readonly number[]): [number, number] {
  const finite = accuracies.filter(Number.isFinite).map((a) => 100 * a);
  if (finite.length === 0) return [0, 100];
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const pad = Math.max(1, (hi - lo) * 0.05);
  return [Math.max(0, lo - pad), Math.min(100, hi + pad)];
}

/** A plotted point in pixels. */
export interface PixelPoint {
  readonly id: string;
  readonly px: number;
  readonly py: number;
}

/** A brush selection in pixels, `[[x0, y0], [x1, y1]]` as d3.brush reports it. */
export type BrushBox = readonly [readonly [number, number], readonly [number, number]];

/** Ids of the points inside the brush box, edges included, in input order (the corners may come in any order). */
export function pointsInBrush(points: readonly PixelPoint[], box: BrushBox): string[] {
  const [[ax, ay], [bx, by]] = box;
  const x0 = Math.min(ax, bx);
  const x1 = Math.max(ax, bx);
  const y0 = Math.min(ay, by);
  const y1 = Math.max(ay, by);
  return points
    .filter((p) => p.px >= x0 && p.px <= x1 && p.py >= y0 && p.py <= y1)
    .map((p) => p.id);
}

/** True when the two id lists hold the same ids (order and repeats ignored). */
export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((id) => sb.has(id));
}
