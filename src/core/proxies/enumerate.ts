/**
 * Every genotype of a search space, in a fixed order, for scoring a whole space with the zero-cost
 * proxies (NAS-Bench-201's 15,625 cells). The same choices as sampleGenotype draws from: per-edge
 * cells take one op per edge (zero included); top-k cells take, per node, k of the incoming edges
 * that offer a non-zero op, each with one non-zero op.
 */
import type { OpName } from '../search-space/ops';
import { topoOrder } from '../search-space/cell';
import { spaceSize } from '../search-space/size';
import type { CellGenotype, CellSpec, Genotype, SearchSpaceSpec } from '../search-space/types';
import {
  distinctOps,
  incomingIndices,
  nonZeroOps,
  toCellGenotype,
  usableIncoming,
} from '../strategies/cell-choices';

/** The largest space `enumerateGenotypes` lists (the bound: every architecture when at most 20,000). */
export const ENUMERATE_LIMIT = 20_000;

/** The k-subsets of `items`, in lexicographic order. */
function subsets<T>(items: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  if (items.length < k) return [];
  const [first, ...rest] = items as [T, ...T[]];
  return [...subsets(rest, k - 1).map((s) => [first, ...s]), ...subsets(rest, k)];
}

/** One kept edge and its op. */
type Pair = readonly [number, OpName];

/** Cartesian product of option lists of (edge, op) assignments. */
function product(lists: readonly (readonly (readonly Pair[])[])[]): Pair[][] {
  let out: Pair[][] = [[]];
  for (const options of lists) out = out.flatMap((prefix) => options.map((o) => [...prefix, ...o]));
  return out;
}

/** Every genotype of one cell. */
export function cellGenotypes(cell: CellSpec): CellGenotype[] {
  const perNode = topoOrder(cell).flatMap((node) => {
    const incoming = incomingIndices(cell, node);
    if (incoming.length === 0) return [];
    if (cell.derive.rule === 'per-edge')
      return incoming.map((i) =>
        distinctOps(cell.edges[i] ?? { id: '', from: '', to: '', ops: [] }).map((op) => [
          [i, op] as const,
        ]),
      );
    const k = Math.max(0, cell.derive.k);
    const usable = usableIncoming(cell, node);
    const options = subsets(usable, Math.min(k, usable.length)).flatMap((chosen) =>
      product(
        chosen.map((i) =>
          nonZeroOps(cell.edges[i] ?? { id: '', from: '', to: '', ops: [] }).map((op) => [
            [i, op] as const,
          ]),
        ),
      ),
    );
    return [options];
  });
  return product(perNode).map((pairs) => toCellGenotype(cell, new Map(pairs)));
}

/** Every genotype of `space` (normal-major order); throws when the space has more than ENUMERATE_LIMIT. */
export function enumerateGenotypes(space: SearchSpaceSpec): Genotype[] {
  const size = spaceSize(space);
  if (size > BigInt(ENUMERATE_LIMIT))
    throw new Error(
      `The space has ${size.toLocaleString('en-US')} architectures; listing every one is offered up to ${ENUMERATE_LIMIT.toLocaleString('en-US')}.`,
    );
  const normals = cellGenotypes(space.normal);
  const reduces = space.reduce ? cellGenotypes(space.reduce) : [null];
  return normals.flatMap((normal) => reduces.map((reduce) => ({ normal, reduce })));
}
