/**
 * How much a perturbation-based selection measures, counted from the space alone: the decisions
 * the engine's selection plan takes (engine/selection/plan.ts), how many validation passes each
 * costs, and how many rounds it comes in (the supernet is fine-tuned between rounds).
 */
import { topoOrder } from '../search-space/cell';
import type { CellSpec, SearchSpaceSpec } from '../search-space/types';
import { cellOf, ROLES, usableIncoming } from '../strategies/cell-choices';

/** The counts of one selection. */
export interface SelectionCount {
  /** Edge decisions: one per edge with a candidate op, in every searched cell. */
  readonly opDecisions: number;
  /** Node decisions: one per top-k node with more than k usable incoming edges. */
  readonly nodeDecisions: number;
  /** Validation passes in all: per decision one unmasked pass plus one per masked candidate (op or edge). */
  readonly passes: number;
  /** Rounds of edge decisions (the most edge decisions of any one cell), then rounds of node decisions. */
  readonly opRounds: number;
  readonly nodeRounds: number;
}

/** Candidate ops an edge's decision masks in turn: every op of a per-edge cell, every op but `none` of a top-k cell. */
function candidates(cell: CellSpec, edge: number): number {
  const ops = cell.edges[edge]?.ops ?? [];
  return cell.derive.rule === 'per-edge' ? ops.length : ops.filter((op) => op !== 'none').length;
}

/** One cell's decisions and passes. */
function cellCount(cell: CellSpec): { ops: number; nodes: number; passes: number } {
  let ops = 0;
  let nodes = 0;
  let passes = 0;
  cell.edges.forEach((_, edge) => {
    const n = candidates(cell, edge);
    if (n === 0) return;
    ops += 1;
    passes += 1 + n;
  });
  const rule = cell.derive;
  if (rule.rule === 'top-k')
    for (const node of topoOrder(cell)) {
      const edges = usableIncoming(cell, node).length;
      if (edges <= rule.k) continue;
      nodes += 1;
      passes += 1 + edges;
    }
  return { ops, nodes, passes };
}

/** The decisions, validation passes and rounds of a perturbation-based selection on `space`. */
export function selectionCount(space: SearchSpaceSpec): SelectionCount {
  const cells = ROLES.flatMap((role) => {
    const cell = cellOf(space, role);
    return cell ? [cellCount(cell)] : [];
  });
  const sum = (f: (c: { ops: number; nodes: number; passes: number }) => number): number =>
    cells.reduce((n, c) => n + f(c), 0);
  return {
    opDecisions: sum((c) => c.ops),
    nodeDecisions: sum((c) => c.nodes),
    passes: sum((c) => c.passes),
    opRounds: Math.max(0, ...cells.map((c) => c.ops)),
    nodeRounds: Math.max(0, ...cells.map((c) => c.nodes)),
  };
}
