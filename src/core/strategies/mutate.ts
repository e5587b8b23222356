/** Mutation of genotypes: every choice re-drawn with a probability (SPOS), or exactly one choice changed (aging evolution). */
import type { Rng } from '../random';
import { topoOrder } from '../search-space/cell';
import type { OpName } from '../search-space/ops';
import type { CellGenotype, CellSpec, Genotype, SearchSpaceSpec } from '../search-space/types';
import {
  cellOf,
  choosableOps,
  incomingIndices,
  keptOps,
  pick,
  ROLES,
  toCellGenotype,
  usableIncoming,
} from './cell-choices';

/** The op an edge index offers to choose from; empty for an index the cell lacks. */
function opsAt(cell: CellSpec, i: number): OpName[] {
  const edge = cell.edges[i];
  return edge ? choosableOps(cell, edge) : [];
}

/**
 * One cell genotype with each choice re-drawn with probability `p`. Per-edge: each edge's op.
 * Top-k: for each kept edge of a node, its source (a uniformly drawn usable incoming edge the
 * node does not already keep, or itself) and, independently, its op; an edge whose source
 * changed takes a uniformly drawn op of the new edge. The result keeps as many edges per node
 * as the parent, so a valid parent gives a valid child.
 */
function mutateCell(cell: CellSpec, gene: CellGenotype, rng: Rng, p: number): CellGenotype {
  const kept = keptOps(cell, gene);
  if (cell.derive.rule === 'per-edge') {
    for (const [i, op] of kept) kept.set(i, rng.next() < p ? pick(opsAt(cell, i), rng) : op);
    return toCellGenotype(cell, kept);
  }
  for (const node of topoOrder(cell)) {
    const usable = usableIncoming(cell, node);
    const slots = incomingIndices(cell, node).filter((i) => kept.has(i));
    for (const i of slots) {
      let op = kept.get(i);
      if (op === undefined) continue;
      let at = i;
      if (rng.next() < p) {
        at = pick(
          usable.filter((j) => j === i || !kept.has(j)),
          rng,
        );
        if (at !== i) {
          kept.delete(i);
          op = pick(opsAt(cell, at), rng);
        }
      }
      if (rng.next() < p) op = pick(opsAt(cell, at), rng);
      kept.set(at, op);
    }
  }
  return toCellGenotype(cell, kept);
}

/**
 * A mutant of `genotype` with every choice re-drawn with probability `p` (0.1 in SPOS); a re-draw
 * may land on the same value, so the child can equal its parent. Always a valid genotype of the
 * space when the parent is one.
 */
export function mutateGenotype(
  space: SearchSpaceSpec,
  genotype: Genotype,
  rng: Rng,
  p = 0.1,
): Genotype {
  return {
    normal: mutateCell(space.normal, genotype.normal, rng, p),
    reduce:
      space.reduce && genotype.reduce ? mutateCell(space.reduce, genotype.reduce, rng, p) : null,
  };
}

/** One change that can be made to a cell genotype, applied to its kept ops in place. */
type Change = (kept: Map<number, OpName>, rng: Rng) => void;

/** Every single change of a cell genotype to a different value: another op, or (top-k) another source edge. */
function cellChanges(cell: CellSpec, kept: ReadonlyMap<number, OpName>): Change[] {
  const changes: Change[] = [];
  for (const [i, op] of kept) {
    const others = opsAt(cell, i).filter((o) => o !== op);
    if (others.length > 0) changes.push((k, rng) => void k.set(i, pick(others, rng)));
    if (cell.derive.rule === 'top-k') {
      const node = cell.edges[i]?.to ?? '';
      const free = usableIncoming(cell, node).filter((j) => !kept.has(j));
      if (free.length > 0) {
        changes.push((k, rng) => {
          const j = pick(free, rng);
          k.delete(i);
          k.set(j, pick(opsAt(cell, j), rng));
        });
      }
    }
  }
  return changes;
}

/**
 * A child differing from `genotype` in exactly one choice drawn uniformly over all choices that
 * can change (an edge's op, or under top-k one kept edge moved to another source), as in Real et
 * al.'s aging evolution and NATS-Bench. Returns the genotype unchanged when the space has one genotype.
 */
export function mutateOneChoice(space: SearchSpaceSpec, genotype: Genotype, rng: Rng): Genotype {
  const cells = ROLES.flatMap((role) => {
    const cell = cellOf(space, role);
    const gene = role === 'normal' ? genotype.normal : genotype.reduce;
    if (!cell || !gene) return [];
    const kept = keptOps(cell, gene);
    return [{ role, cell, kept, changes: cellChanges(cell, kept) }];
  });
  const all = cells.flatMap((c) => c.changes.map((change) => ({ c, change })));
  if (all.length === 0) return genotype;
  const { c, change } = pick(all, rng);
  change(c.kept, rng);
  const child = toCellGenotype(c.cell, c.kept);
  return c.role === 'normal' ? { ...genotype, normal: child } : { ...genotype, reduce: child };
}
