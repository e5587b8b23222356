/** How undecided the architecture weights are: the normalised entropy of each edge's softmax(α) row. */
import type { AlphaSnapshot, EdgeLabel } from '../run/protocol';
import type { CellRole } from '../search-space/types';

/**
 * Entropy of a probability row divided by ln(its length): 1 for a uniform row, 0 for a one-hot row.
 * Zero weights add nothing; a row shorter than 2 has no choice to make and gives NaN.
 */
export function normalisedEntropy(row: ArrayLike<number>): number {
  if (row.length < 2) return Number.NaN;
  let h = 0;
  for (let i = 0; i < row.length; i++) {
    const p = row[i] ?? 0;
    if (p > 0) h -= p * Math.log(p);
  }
  return h / Math.log(row.length);
}

/**
 * The mean normalised entropy over every edge with at least two ops of every cell in `weights`
 * (softmax(α) flattened `[edge][op]` as `edges` label it); edges whose row the snapshot does not
 * hold are skipped. Null when no edge has a choice to make.
 */
export function meanAlphaEntropy(
  weights: AlphaSnapshot,
  edges: Partial<Record<CellRole, readonly EdgeLabel[]>>,
): number | null {
  let sum = 0;
  let count = 0;
  for (const role of Object.keys(weights) as CellRole[]) {
    const w = weights[role];
    const labels = edges[role];
    if (w === undefined || labels === undefined) continue;
    let at = 0;
    for (const edge of labels) {
      const n = edge.ops.length;
      if (n >= 2 && at + n <= w.length) {
        sum += normalisedEntropy(w.subarray(at, at + n));
        count++;
      }
      at += n;
    }
  }
  return count === 0 ? null : sum / count;
}
