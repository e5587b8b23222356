/** Uniform samples of the genotypes a space's derive rule can produce. */
import type { Rng } from '../random';
import { topoOrder } from '../search-space/cell';
import type { OpName } from '../search-space/ops';
import type { CellGenotype, CellSpec, Genotype, SearchSpaceSpec } from '../search-space/types';
import {
  distinctOps,
  incomingIndices,
  nonZeroOps,
  pick,
  toCellGenotype,
  usableIncoming,
} from './cell-choices';

/**
 * A k-subset of `weights.length` items drawn with probability proportional to the product of
 * its weights (all items when there are k or fewer). Sequential: item i joins with probability
 * w_i e_{j-1}(w_{i+1..}) / e_j(w_{i..}), with j the places still open and e_j the elementary
 * symmetric polynomial of the remaining weights; the product of these choices is exactly
 * prod(subset) / e_k(all).
 */
export function sampleWeightedSubset(weights: readonly number[], k: number, rng: Rng): number[] {
  const n = weights.length;
  if (n <= k) return weights.map((_, i) => i);
  // suffix[i][j] = e_j(weights[i..n-1]), j = 0..k.
  const suffix: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(k + 1).fill(0));
  (suffix[n] as number[])[0] = 1;
  for (let i = n - 1; i >= 0; i--) {
    const row = suffix[i] as number[];
    const below = suffix[i + 1] as number[];
    const w = weights[i] ?? 0;
    row[0] = 1;
    for (let j = 1; j <= k; j++) row[j] = (below[j] ?? 0) + w * (below[j - 1] ?? 0);
  }
  const chosen: number[] = [];
  let open = k;
  for (let i = 0; i < n && open > 0; i++) {
    const w = weights[i] ?? 0;
    const all = suffix[i]?.[open] ?? 0;
    const withThis = w * (suffix[i + 1]?.[open - 1] ?? 0);
    if (all > 0 && rng.next() * all < withThis) {
      chosen.push(i);
      open--;
    }
  }
  return chosen;
}

/**
 * One cell genotype, uniform over all the cell's genotypes. Per-edge: each edge an op uniformly.
 * Top-k: per node, a k-subset of the incoming edges that offer a non-zero op, drawn with
 * probability proportional to the number of genotypes it admits (the product of its edges'
 * non-zero op counts), then each kept edge a non-zero op uniformly.
 */
export function sampleCellGenotype(cell: CellSpec, rng: Rng): CellGenotype {
  const kept = new Map<number, OpName>();
  const derive = cell.derive;
  for (const node of topoOrder(cell)) {
    const incoming = incomingIndices(cell, node);
    if (derive.rule === 'per-edge') {
      for (const i of incoming) {
        const edge = cell.edges[i];
        if (!edge || edge.ops.length === 0)
          throw new Error(`Edge ${edge?.id ?? i} offers no op to sample.`);
        kept.set(i, pick(distinctOps(edge), rng));
      }
      continue;
    }
    const usable = usableIncoming(cell, node);
    const weights = usable.map((i) => {
      const edge = cell.edges[i];
      return edge ? nonZeroOps(edge).length : 0;
    });
    for (const s of sampleWeightedSubset(weights, Math.max(0, derive.k), rng)) {
      const i = usable[s];
      const edge = i === undefined ? undefined : cell.edges[i];
      if (i !== undefined && edge) kept.set(i, pick(nonZeroOps(edge), rng));
    }
  }
  return toCellGenotype(cell, kept);
}

/** A genotype of the space drawn uniformly from all those its derive rule can produce (cells independent). */
export function sampleGenotype(space: SearchSpaceSpec, rng: Rng): Genotype {
  return {
    normal: sampleCellGenotype(space.normal, rng),
    reduce: space.reduce ? sampleCellGenotype(space.reduce, rng) : null,
  };
}
