/**
 * PC-DARTS's derivation rule with edge normalisation: each edge's op weights are multiplied by its
 * edge weight (the softmax of its beta over the edges into the same node) before the usual rule
 * (derive.ts) ranks a node's edges by their strongest non-`none` weight. The op kept on an edge is
 * unchanged (a positive scale keeps the argmax); the edges kept are ranked by beta x max op weight.
 */
import { deriveGenotype } from './derive';
import type { CellAlphas, CellRole, CellSpec, Genotype, SearchSpaceSpec } from './types';

/** Per searched role, one edge weight per edge (`CellSpec.edges` order); a role left out is not scaled. */
export type EdgeWeightRows = Partial<Record<CellRole, ArrayLike<number>>>;

/** Per edge, the softmax of `betas` over the edges that enter the same node as it. */
export function nodeSoftmax(cell: CellSpec, betas: ArrayLike<number>): number[] {
  if (betas.length !== cell.edges.length)
    throw new Error(`Betas cover ${betas.length} edges; the cell has ${cell.edges.length}.`);
  const out = new Array<number>(cell.edges.length).fill(0);
  for (const node of new Set(cell.edges.map((e) => e.to))) {
    const into = cell.edges.flatMap((e, i) => (e.to === node ? [i] : []));
    const top = Math.max(...into.map((i) => betas[i] ?? 0));
    const exps = into.map((i) => Math.exp((betas[i] ?? 0) - top));
    const sum = exps.reduce((a, b) => a + b, 0);
    into.forEach((i, j) => {
      out[i] = (exps[j] ?? 0) / sum;
    });
  }
  return out;
}

/** `rows` with each edge's op weights multiplied by its edge weight. */
export function scaleByEdge(rows: CellAlphas, edgeWeights: ArrayLike<number>): CellAlphas {
  if (edgeWeights.length !== rows.length)
    throw new Error(`Edge weights cover ${edgeWeights.length} edges; the cell has ${rows.length}.`);
  return rows.map((row, e) => row.map((w) => w * (edgeWeights[e] ?? 0)));
}

/**
 * The genotype of `space` from op weights `rows` and, per role, edge weights `edges` (PC-DARTS);
 * without edge weights for a role its cell is derived as DARTS derives it.
 */
export function deriveEdgeNormalised(
  space: SearchSpaceSpec,
  rows: { normal: CellAlphas; reduce: CellAlphas | null },
  edges: EdgeWeightRows,
): Genotype {
  const scaled = (role: CellRole, r: CellAlphas): CellAlphas => {
    const e = edges[role];
    return e === undefined ? r : scaleByEdge(r, e);
  };
  return deriveGenotype(space, {
    normal: scaled('normal', rows.normal),
    reduce: rows.reduce === null ? null : scaled('reduce', rows.reduce),
  });
}
