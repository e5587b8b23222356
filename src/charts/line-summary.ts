/** A line chart in words, its text alternative for screen readers: per series, where it starts, where it ends, and its range. */
import type { LineSeries } from './line-chart';

/** A value to `digits` significant figures, without trailing noise. */
function short(value: number, digits: number): string {
  return Number(value.toPrecision(digits)).toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/** One sentence per series with finite points ("train: from 1.1 at step 1 to 0.41 at step 120, lowest 0.39, highest 1.1"); `empty` when no series has a finite point. */
export function lineSummary(
  series: readonly LineSeries[],
  xLabel: string,
  empty: string,
  digits = 3,
): string {
  const sentences = series.flatMap((s) => {
    const points = s.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
    const first = points[0];
    const last = points[points.length - 1];
    if (first === undefined || last === undefined) return [];
    const ys = points.map((p) => p.y);
    const at = (p: { x: number }) => `${xLabel} ${p.x.toLocaleString('en-US')}`;
    if (points.length === 1) return [`${s.name}: ${short(first.y, digits)} at ${at(first)}.`];
    return [
      `${s.name}: from ${short(first.y, digits)} at ${at(first)} to ${short(last.y, digits)} at ${at(last)}, lowest ${short(Math.min(...ys), digits)}, highest ${short(Math.max(...ys), digits)}.`,
    ];
  });
  return sentences.length === 0 ? empty : sentences.join(' ');
}
