/** The words of the zero-cost views: a rank correlation or why there is none, an interval, a chart's text alternative. */
import type { RankEstimate } from '../../core/trust/fidelity';
import { PROXY_TRUST_MIN_POINTS, type ScoredPoint } from '../../store/zero-cost-selectors';

/** A signed number with a true minus sign. */
function signed(v: number, digits: number): string {
  return v.toFixed(digits).replace('-', '−');
}

/** A rank correlation as text over `n` architectures: the value, or why it is not given. */
export function correlationText(e: RankEstimate, n: number): string {
  if (n < PROXY_TRUST_MIN_POINTS)
    return `too few (n = ${n}; ${PROXY_TRUST_MIN_POINTS} or more needed)`;
  return e.value === null ? 'undefined (a constant side)' : signed(e.value, 3);
}

/** The bootstrap interval of `e` as "[−0.20, 0.87]", or an empty string when none is shown. */
export function intervalText(e: RankEstimate, n: number): string {
  if (n < PROXY_TRUST_MIN_POINTS || e.value === null || e.interval === null) return '';
  return `[${signed(e.interval.low, 2)}, ${signed(e.interval.high, 2)}]`;
}

const grouped = new Intl.NumberFormat('en-US');

/** A count with thousands separators ("15,625"). */
export function countText(n: number): string {
  return grouped.format(n);
}

/** The proxy-against-cost chart in words: how many are drawn, left out and trained, and the score range. */
export function scoredSummary(points: readonly ScoredPoint[], proxy: string): string {
  const drawn = points.filter(
    (p) => p.cost !== null && Number.isFinite(p.cost) && Number.isFinite(p.score),
  );
  const left = points.length - drawn.length;
  const trained = points.filter((p) => p.trained).length;
  if (drawn.length === 0)
    return `${countText(points.length)} architecture(s) scored with ${proxy}; none has a finite score and cost to draw.`;
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of drawn) {
    lo = Math.min(lo, p.score);
    hi = Math.max(hi, p.score);
  }
  return `${countText(points.length)} architecture(s) scored with ${proxy}, ${countText(drawn.length)} drawn${
    left > 0 ? ` (${countText(left)} left out: undefined score or cost)` : ''
  }; scores from ${lo.toPrecision(3)} to ${hi.toPrecision(3)}; ${trained} trained stand-alone (larger circles).`;
}
