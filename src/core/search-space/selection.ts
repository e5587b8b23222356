/**
 * The record of a perturbation-based architecture selection (Wang et al., ICLR 2021): each decision
 * it took and the validation scores it measured with each candidate masked. Plain data only.
 */
import type { OpName } from './ops';
import type { CellRole } from './types';

/** The supernet's validation accuracy and mean loss under one mask (or none). */
export interface MaskedScore {
  readonly acc: number;
  readonly loss: number;
}

/** One edge fixed to one op: every candidate op masked in turn, the op whose removal hurt most kept. */
export interface OpDecision {
  readonly kind: 'op';
  readonly role: CellRole;
  /** The edge's id in its cell. */
  readonly edge: string;
  /** The supernet's score just before the decision, nothing masked. */
  readonly unmasked: MaskedScore;
  /** The ops masked in turn, in the edge's op order (`none` left out in top-k cells). */
  readonly candidates: readonly OpName[];
  /** The score with each candidate masked, in `candidates` order. */
  readonly masked: readonly MaskedScore[];
  /** The op the edge keeps. */
  readonly op: OpName;
}

/** One node's inputs chosen (top-k cells): every usable incoming edge masked in turn, the k whose removal hurt most kept. */
export interface NodeDecision {
  readonly kind: 'node';
  readonly role: CellRole;
  /** The intermediate node's id. */
  readonly node: string;
  /** The supernet's score just before the decision, nothing masked. */
  readonly unmasked: MaskedScore;
  /** Ids of the incoming edges masked in turn, in the cell's edge order. */
  readonly edges: readonly string[];
  /** The score with each edge masked, in `edges` order. */
  readonly masked: readonly MaskedScore[];
  /** Ids of the kept edges, the one whose removal hurt most first. */
  readonly kept: readonly string[];
}

/** One decision of a perturbation-based selection. */
export type SelectionDecision = OpDecision | NodeDecision;
