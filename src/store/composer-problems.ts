/** Sorts the space's validation problems onto the composer: per node, per edge, per cell, and the macro skeleton. */
import type { Problem } from '../core/problems';
import type { CellRole } from '../core/search-space/types';

/** The problems of one cell, by where they happen. */
export interface CellProblems {
  readonly nodes: ReadonlyMap<string, readonly Problem[]>;
  readonly edges: ReadonlyMap<string, readonly Problem[]>;
  /** Problems of the cell as a whole (no intermediate node, input count, k, ...). */
  readonly cell: readonly Problem[];
}

/** Space problems sorted for the composer. */
export interface SpaceProblems {
  readonly normal: CellProblems;
  readonly reduce: CellProblems;
  /** Macro problems by field ('channels', 'stages', 'reduction', ...). */
  readonly macro: ReadonlyMap<string, readonly Problem[]>;
  /** Every space problem no node, edge, cell or macro field owns (e.g. a missing reduction cell). */
  readonly other: readonly Problem[];
  /** Every problem with a path under 'space'. */
  readonly all: readonly Problem[];
}

function add(map: Map<string, Problem[]>, key: string, p: Problem): void {
  map.set(key, [...(map.get(key) ?? []), p]);
}

/** Groups the 'space.*' problems among `problems` (others are ignored). */
export function spaceProblems(problems: readonly Problem[]): SpaceProblems {
  const cells: Record<
    CellRole,
    { nodes: Map<string, Problem[]>; edges: Map<string, Problem[]>; cell: Problem[] }
  > = {
    normal: { nodes: new Map(), edges: new Map(), cell: [] },
    reduce: { nodes: new Map(), edges: new Map(), cell: [] },
  };
  const macro = new Map<string, Problem[]>();
  const other: Problem[] = [];
  const all = problems.filter((p) => p.path === 'space' || p.path.startsWith('space.'));
  for (const p of all) {
    const [, head, group, id] = p.path.split('.');
    if ((head === 'normal' || head === 'reduce') && group !== undefined) {
      const cell = cells[head];
      if (group === 'nodes' && id !== undefined) add(cell.nodes, id, p);
      else if (group === 'edges' && id !== undefined) add(cell.edges, id, p);
      else cell.cell.push(p);
    } else if (head === 'macro' && group !== undefined) add(macro, group, p);
    else other.push(p);
  }
  return { normal: cells.normal, reduce: cells.reduce, macro, other, all };
}
