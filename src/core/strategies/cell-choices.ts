/** Shared helpers over one cell's choices: the ops an edge offers, kept edges by index, and canonical genotype order. */
import type { Rng } from '../random';
import { outputNodes, topoOrder } from '../search-space/cell';
import type { OpName } from '../search-space/ops';
import type {
  CellGenotype,
  CellRole,
  CellSpec,
  EdgeSpec,
  GenotypeEdge,
  SearchSpaceSpec,
} from '../search-space/types';

/** The searched cell roles, in the order genotypes list them. */
export const ROLES: readonly CellRole[] = ['normal', 'reduce'];

/** The cell a space searches for `role`, or null. */
export function cellOf(space: SearchSpaceSpec, role: CellRole): CellSpec | null {
  return role === 'normal' ? space.normal : space.reduce;
}

/** The distinct ops an edge offers, in its listed order. */
export function distinctOps(edge: EdgeSpec): OpName[] {
  return [...new Set(edge.ops)];
}

/** The distinct ops other than `none`: what top-k derivation may keep on an edge. */
export function nonZeroOps(edge: EdgeSpec): OpName[] {
  return distinctOps(edge).filter((op) => op !== 'none');
}

/** The ops a genotype may put on `edge` under the cell's derive rule. */
export function choosableOps(cell: CellSpec, edge: EdgeSpec): OpName[] {
  return cell.derive.rule === 'per-edge' ? distinctOps(edge) : nonZeroOps(edge);
}

/** A uniformly drawn item of a non-empty list. */
export function pick<T>(items: readonly T[], rng: Rng): T {
  const item = items[rng.int(items.length)];
  if (item === undefined) throw new Error('Cannot pick from an empty list.');
  return item;
}

/** Index of the cell edge joining `from` to `to`, or -1 (validation refuses parallel edges, so it is unique). */
export function edgeIndex(cell: CellSpec, from: string, to: string): number {
  return cell.edges.findIndex((e) => e.from === from && e.to === to);
}

/** The kept op of each edge index of a cell genotype; throws on an edge the cell does not have. */
export function keptOps(cell: CellSpec, genotype: CellGenotype): Map<number, OpName> {
  const kept = new Map<number, OpName>();
  for (const e of genotype.edges) {
    const i = edgeIndex(cell, e.from, e.to);
    if (i < 0)
      throw new Error(`The genotype keeps an edge ${e.from} -> ${e.to} the cell does not have.`);
    kept.set(i, e.op);
  }
  return kept;
}

/** Indices of the edges into `node`, in the cell's edge order. */
export function incomingIndices(cell: CellSpec, node: string): number[] {
  return cell.edges.flatMap((e, i) => (e.to === node ? [i] : []));
}

/**
 * A cell genotype from kept ops by edge index, in canonical order: nodes in topological order,
 * then the cell's edge order within a node (the order `deriveCell` gives per-edge cells).
 */
export function toCellGenotype(cell: CellSpec, kept: ReadonlyMap<number, OpName>): CellGenotype {
  const edges: GenotypeEdge[] = [];
  for (const node of topoOrder(cell)) {
    for (const i of incomingIndices(cell, node)) {
      const op = kept.get(i);
      const e = cell.edges[i];
      if (op !== undefined && e) edges.push({ from: e.from, to: e.to, op });
    }
  }
  return { edges, concat: outputNodes(cell) };
}

/** Indices of the edges into `node` that offer a non-zero op: the edges top-k derivation can keep. */
export function usableIncoming(cell: CellSpec, node: string): number[] {
  return incomingIndices(cell, node).filter((i) => {
    const edge = cell.edges[i];
    return edge !== undefined && nonZeroOps(edge).length > 0;
  });
}
