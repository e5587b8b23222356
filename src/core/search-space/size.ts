/** Exact counts (BigInt) of the distinct discrete architectures the derive rule can produce from a space. */
import { incomingEdges } from './cell';
import type { CellSpec, EdgeSpec, SearchSpaceSpec } from './types';
import { groupDigits } from '../numbers';

/** Number of distinct non-zero ops on an edge: the choices top-k derivation has when it keeps the edge. */
function nonZeroOps(e: EdgeSpec): bigint {
  return BigInt(new Set(e.ops.filter((op) => op !== 'none')).size);
}

/** Sum over all k-subsets of `weights` of the product of the chosen weights (elementary symmetric polynomial e_k). */
export function elementarySymmetric(weights: readonly bigint[], k: number): bigint {
  const e: bigint[] = [1n, ...new Array<bigint>(k).fill(0n)];
  for (const w of weights) {
    for (let j = k; j >= 1; j--) e[j] = (e[j] ?? 0n) + (e[j - 1] ?? 0n) * w;
  }
  return e[k] ?? 0n;
}

/**
 * Distinct genotypes of one cell. Per-edge: the product over edges of their op counts (none
 * included). Top-k: per node, the sum over k-subsets of its incoming edges that offer a non-zero op
 * of the product of their non-zero op counts (a node with k or fewer such edges keeps them all); the
 * product over nodes.
 */
export function cellSize(cell: CellSpec): bigint {
  const derive = cell.derive;
  if (derive.rule === 'per-edge') {
    return cell.edges.reduce((n, e) => n * BigInt(new Set(e.ops).size), 1n);
  }
  let total = 1n;
  for (const node of new Set(cell.nodes)) {
    const weights = incomingEdges(cell, node)
      .map(nonZeroOps)
      .filter((w) => w > 0n);
    total *=
      weights.length <= derive.k
        ? weights.reduce((a, b) => a * b, 1n)
        : elementarySymmetric(weights, derive.k);
  }
  return total;
}

/** Distinct architectures of a space: the normal cell's count, times the reduction cell's when it is searched separately. */
export function spaceSize(space: SearchSpaceSpec): bigint {
  return cellSize(space.normal) * (space.reduce ? cellSize(space.reduce) : 1n);
}

/** Formats a count as plain digits (machine-readable, the CLI's): exact, with a rounded "≈1.08e+18" after it above a million. */
export function formatSize(n: bigint): string {
  return n > 1_000_000n ? `${n} (≈${Number(n).toExponential(2)})` : String(n);
}

/** Formats a count for the page: exact with thousands separators, with a rounded "≈1.08e+18" after it above a million. */
export function formatSizeGrouped(n: bigint): string {
  const exact = groupDigits(n);
  return n > 1_000_000n ? `${exact} (≈${Number(n).toExponential(2)})` : exact;
}
