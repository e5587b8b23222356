/** A line chart in words, its text alternative for screen readers: per series, where it starts, where it ends, and its range. */
import type { LineSeries } from './line-chart';

// One formatter for every call: toLocaleString builds a new one each time, which a live chart's summary cannot afford.
const decimals = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
const integers = new Intl.NumberFormat('en-US');

/** A value to `digits` significant figures, without trailing noise. */
function short(value: number, digits: number): string {
  return decimals.format(Number(value.toPrecision(digits)));
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
    let lowest = Infinity;
    let highest = -Infinity;
    for (const p of points) {
      lowest = Math.min(lowest, p.y);
      highest = Math.max(highest, p.y);
    }
    const at = (p: { x: number }) => `${xLabel} ${integers.format(p.x)}`;
    if (points.length === 1) return [`${s.name}: ${short(first.y, digits)} at ${at(first)}.`];
    return [
      `${s.name}: from ${short(first.y, digits)} at ${at(first)} to ${short(last.y, digits)} at ${at(last)}, lowest ${short(lowest, digits)}, highest ${short(highest, digits)}.`,
    ];
  });
  return sentences.length === 0 ? empty : sentences.join(' ');
}
