/** Thins a line's points to what a chart of a given width can show: per pixel column, its lowest and highest point, in order; the first and the latest point always stay. */

/** A point with an x position and a value. */
export interface XY {
  readonly x: number;
  readonly y: number;
}

/**
 * At most about two points per column of `columns` (plus the first and the last): lines keep their
 * spikes, and the latest point is always drawn. Points must be finite and in ascending x.
 */
export function thinForWidth<P extends XY>(points: readonly P[], columns: number): readonly P[] {
  const n = points.length;
  const cols = Math.max(1, Math.floor(columns));
  if (n <= 2 * cols + 2) return points;
  const first = points[0] as P;
  const last = points[n - 1] as P;
  const span = last.x - first.x;
  if (!(span > 0)) return [first, last];
  const out: P[] = [first];
  let bucket = -1;
  let lo = -1;
  let hi = -1;
  const emit = (): void => {
    if (lo < 0) return;
    const a = Math.min(lo, hi);
    const b = Math.max(lo, hi);
    out.push(points[a] as P);
    if (b !== a) out.push(points[b] as P);
  };
  for (let i = 1; i < n - 1; i++) {
    const p = points[i] as P;
    const b = Math.min(cols - 1, Math.floor(((p.x - first.x) / span) * cols));
    if (b !== bucket) {
      emit();
      bucket = b;
      lo = i;
      hi = i;
    } else {
      if (p.y < (points[lo] as P).y) lo = i;
      if (p.y > (points[hi] as P).y) hi = i;
    }
  }
  emit();
  out.push(last);
  return out;
}
