/**
 * Bounded series for long runs: points are kept at a stride that doubles whenever the series
 * would pass its cap, so memory stays bounded while the whole run remains visible. The most
 * recent point is always kept, even when it falls between strides.
 */

/** A series downsampled by stride; `points()` of it is what charts draw. Plain, immutable data. */
export interface Downsampled<T> {
  /** Points whose arrival index is a multiple of `stride`, oldest first. */
  readonly kept: readonly T[];
  /** The latest point when it is not on the stride (else null: it is the last of `kept`). */
  readonly latest: T | null;
  /** Keep one point in `stride` (a power of two). */
  readonly stride: number;
  /** Points appended so far, dropped ones included. */
  readonly seen: number;
  /** Most points `points()` may return (at least 2). */
  readonly cap: number;
}

/** The default cap per series: enough for a smooth line, small enough for thousands of steps. */
export const DEFAULT_SERIES_CAP = 2000;

/** An empty series holding at most `cap` points (clamped to at least 2). */
export function emptySeries<T>(cap: number = DEFAULT_SERIES_CAP): Downsampled<T> {
  return { kept: [], latest: null, stride: 1, seen: 0, cap: Math.max(2, Math.floor(cap)) };
}

/** Keeps every other point: those whose arrival index is a multiple of twice the stride. */
function halve<T>(kept: readonly T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < kept.length; i += 2) out.push(kept[i] as T);
  return out;
}

/** Appends `items` in arrival order; returns a new series (the input is not changed). */
export function appendPoints<T>(series: Downsampled<T>, items: readonly T[]): Downsampled<T> {
  if (items.length === 0) return series;
  const kept = series.kept.slice();
  let { latest, stride, seen } = series;
  for (const item of items) {
    if (seen % stride === 0) {
      kept.push(item);
      latest = null;
    } else {
      latest = item;
    }
    seen += 1;
    while (kept.length + (latest === null ? 0 : 1) > series.cap) {
      const last = kept[kept.length - 1] as T;
      const lastOnNewStride = (kept.length - 1) % 2 === 0;
      const halved = halve(kept);
      kept.length = 0;
      kept.push(...halved);
      stride *= 2;
      if (latest === null && !lastOnNewStride) latest = last;
    }
  }
  return { kept, latest, stride, seen, cap: series.cap };
}

/** The points to draw: the kept points, then the latest one when it is off the stride. */
export function seriesPoints<T>(series: Downsampled<T>): readonly T[] {
  return series.latest === null ? series.kept : [...series.kept, series.latest];
}

/** The most recent point appended, or null for an empty series. */
export function lastPoint<T>(series: Downsampled<T>): T | null {
  return series.latest ?? series.kept[series.kept.length - 1] ?? null;
}
