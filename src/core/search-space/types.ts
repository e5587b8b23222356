/** Search-space data: cells as DAGs, the macro skeleton around them, and genotypes. Plain data only. */
import type { OpName } from './ops';

/** A directed edge of a cell carrying a mixed op over its candidate `ops`. */
export interface EdgeSpec {
  /** Unique within the cell. */
  readonly id: string;
  /** An input node id or an intermediate node id. */
  readonly from: string;
  /** An intermediate node id. */
  readonly to: string;
  /** Candidate ops (non-empty, no duplicates), in the order alphas are stored. */
  readonly ops: readonly OpName[];
}

/**
 * How the genotype is read off the alphas. `top-k`: each intermediate node keeps the k incoming
 * edges with the strongest non-zero op and takes that op on each (DARTS, k = 2); zero ops are never
 * picked. `per-edge`: every edge keeps exactly one op, zero included (NAS-Bench-201).
 */
export type DeriveRule =
  { readonly rule: 'top-k'; readonly k: number } | { readonly rule: 'per-edge' };

/** How a cell forms its output: channel concat of all intermediate nodes, or the last entry of `CellSpec.nodes` alone. */
export type OutputRule = 'concat' | 'last';

/** A cell: input nodes, intermediate nodes (each sums its incoming edges), edges, output, derive rule. */
export interface CellSpec {
  /** Input node ids: 1 (previous cell) or 2 (previous two cells, DARTS). */
  readonly inputs: readonly string[];
  /** Intermediate node ids; with `last` output the cell's output is the last entry of this list. */
  readonly nodes: readonly string[];
  readonly edges: readonly EdgeSpec[];
  readonly output: OutputRule;
  readonly derive: DeriveRule;
}

/** Names of the two cell roles. */
export type CellRole = 'normal' | 'reduce';

/**
 * The network around the cells. Image spaces: a 3x3 conv stem to `channels * stemMultiplier`, then
 * `stages` stages of `cellsPerStage` normal cells; between stages resolution halves and channels
 * double through a reduction cell (`reduction: 'cell'`, DARTS) or a residual block
 * (`'residual'`, NAS-Bench-201). Vector spaces (`'none'`): a dense stem to `channels`, cells at
 * fixed width. Both end in global pooling (images) and a linear classifier.
 */
export interface MacroSpec {
  readonly channels: number;
  readonly stemMultiplier: number;
  readonly stages: number;
  readonly cellsPerStage: number;
  readonly reduction: 'cell' | 'residual' | 'none';
}

/** A search space: the normal cell, the reduction cell (only when `macro.reduction` is 'cell'), and the macro skeleton. */
export interface SearchSpaceSpec {
  /** Stable preset name this space started from (`nb201`, `darts`, `teaching`), or null when composed by hand. */
  readonly preset: string | null;
  readonly normal: CellSpec;
  readonly reduce: CellSpec | null;
  readonly macro: MacroSpec;
}

/** One kept edge of a derived cell. */
export interface GenotypeEdge {
  readonly from: string;
  readonly to: string;
  readonly op: OpName;
}

/** A discrete cell: the kept edges and the nodes that form its output. */
export interface CellGenotype {
  readonly edges: readonly GenotypeEdge[];
  /** Intermediate node ids concatenated (or, for `last`, the single output node). */
  readonly concat: readonly string[];
}

/** A discrete architecture: one genotype per searched cell. */
export interface Genotype {
  readonly normal: CellGenotype;
  readonly reduce: CellGenotype | null;
}

/** Architecture weights of one cell: `[edge index][op index]`, same order as `CellSpec.edges[i].ops`. */
export type CellAlphas = readonly (readonly number[])[];
