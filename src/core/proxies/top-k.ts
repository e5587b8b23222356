/** The best-scored architectures of a zero-cost run: the ones it trains stand-alone. */

/**
 * Indices of the `k` highest of `scores` (a higher proxy score predicts a better architecture),
 * best first, ties in index order. NaN scores (proxy undefined) are never picked; -Infinity (a
 * singular NASWOT kernel) ranks below every finite score.
 */
export function topScored(scores: ArrayLike<number>, k: number): number[] {
  const indices: number[] = [];
  for (let i = 0; i < scores.length; i++) if (!Number.isNaN(scores[i])) indices.push(i);
  indices.sort((a, b) => {
    const sa = scores[a] ?? Number.NaN;
    const sb = scores[b] ?? Number.NaN;
    return sa === sb ? a - b : sb > sa ? 1 : -1;
  });
  return indices.slice(0, Math.max(0, Math.floor(k)));
}
