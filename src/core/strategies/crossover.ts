/** Crossover of two genotypes of the same space, choice by choice from either parent. */
import type { Rng } from '../random';
import { topoOrder } from '../search-space/cell';
import type { OpName } from '../search-space/ops';
import type { CellGenotype, CellSpec, Genotype, SearchSpaceSpec } from '../search-space/types';
import { incomingIndices, keptOps, toCellGenotype } from './cell-choices';

/**
 * One child cell: per-edge cells take each edge's op from either parent with even odds; top-k
 * cells take each node's whole set of kept edges (sources and ops) from either parent, so every
 * node keeps a valid set.
 */
function crossCell(cell: CellSpec, a: CellGenotype, b: CellGenotype, rng: Rng): CellGenotype {
  const ka = keptOps(cell, a);
  const kb = keptOps(cell, b);
  const child = new Map<number, OpName>();
  const perEdge = cell.derive.rule === 'per-edge';
  for (const node of topoOrder(cell)) {
    const fromA = rng.next() < 0.5;
    for (const i of incomingIndices(cell, node)) {
      const parent = (perEdge ? rng.next() < 0.5 : fromA) ? ka : kb;
      const op = parent.get(i);
      if (op !== undefined) child.set(i, op);
    }
  }
  return toCellGenotype(cell, child);
}

/** A child of `a` and `b` (SPOS crossover): valid for the space whenever both parents are. */
export function crossover(space: SearchSpaceSpec, a: Genotype, b: Genotype, rng: Rng): Genotype {
  return {
    normal: crossCell(space.normal, a.normal, b.normal, rng),
    reduce:
      space.reduce && a.reduce && b.reduce
        ? crossCell(space.reduce, a.reduce, b.reduce, rng)
        : null,
  };
}
