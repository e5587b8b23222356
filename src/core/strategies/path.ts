/**
 * Subnet paths through a supernet: per edge, the index of the op that runs (into `EdgeSpec.ops`,
 * the order alphas are stored), or null for an edge the subnet drops. The SPOS sampler draws one
 * per training step; `genotypePath` gives the path of a derived or sampled genotype.
 */
import type { Rng } from '../random';
import type { CellGenotype, CellSpec, Genotype, SearchSpaceSpec } from '../search-space/types';
import { edgeIndex } from './cell-choices';

/** Op index per edge of one cell, or null where the edge is dropped. */
export type CellPath = readonly (number | null)[];

/** A subnet as op indices per edge, for the normal cell and the reduction cell when searched. */
export interface SubnetPath {
  readonly normal: CellPath;
  readonly reduce: CellPath | null;
}

/** A Single Path One-Shot training path: exactly one op index on every edge. */
export interface SposPath {
  readonly normal: readonly number[];
  readonly reduce: readonly number[] | null;
}

/** One op index per edge, each uniform over the edge's candidate ops (`none` included). */
function sposCell(cell: CellSpec, rng: Rng): number[] {
  return cell.edges.map((e) => {
    if (e.ops.length === 0) throw new Error(`Edge ${e.id} offers no op to sample.`);
    return rng.int(e.ops.length);
  });
}

/**
 * The SPOS sampler (Guo et al.): every edge of every searched cell runs one candidate op drawn
 * uniformly, so all paths of the supernet train equally often. Drawn afresh for each training step.
 */
export function sampleSpos(space: SearchSpaceSpec, rng: Rng): SposPath {
  return {
    normal: sposCell(space.normal, rng),
    reduce: space.reduce ? sposCell(space.reduce, rng) : null,
  };
}

/** Op index per edge of one cell genotype (null for edges it does not keep); throws on an edge or op the cell lacks. */
function cellPath(cell: CellSpec, gene: CellGenotype): (number | null)[] {
  const path: (number | null)[] = cell.edges.map(() => null);
  for (const e of gene.edges) {
    const i = edgeIndex(cell, e.from, e.to);
    const op = cell.edges[i]?.ops.indexOf(e.op) ?? -1;
    if (op < 0) throw new Error(`The cell has no edge ${e.from} -> ${e.to} offering ${e.op}.`);
    path[i] = op;
  }
  return path;
}

/** The path a genotype takes through the supernet of its space. Throws when the genotype does not fit the space. */
export function genotypePath(space: SearchSpaceSpec, genotype: Genotype): SubnetPath {
  if (space.reduce && !genotype.reduce)
    throw new Error('The space searches a reduction cell; the genotype has none.');
  return {
    normal: cellPath(space.normal, genotype.normal),
    reduce: space.reduce && genotype.reduce ? cellPath(space.reduce, genotype.reduce) : null,
  };
}
