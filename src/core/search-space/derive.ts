/** Reads a discrete genotype off architecture weights, exactly as quark0/darts `genotype()` does. */
import { outputNodes, topoOrder } from './cell';
import type {
  CellAlphas,
  CellGenotype,
  CellSpec,
  GenotypeEdge,
  SearchSpaceSpec,
  Genotype,
} from './types';

/** A weight as a ranking key: NaN ranks below everything. */
function key(w: number | undefined): number {
  return w === undefined || Number.isNaN(w) ? -Infinity : w;
}

/** Index of the largest weight among the ops `allowed` admits; ties go to the earlier op; -1 when none is allowed. */
function strongest(row: readonly number[], allowed: (i: number) => boolean): number {
  let best = -1;
  for (let i = 0; i < row.length; i++) {
    if (allowed(i) && (best < 0 || key(row[i]) > key(row[best]))) best = i;
  }
  return best;
}

/** The weight row of edge `i`, checked against its op count. */
function rowOf(cell: CellSpec, weights: CellAlphas, i: number): readonly number[] {
  const edge = cell.edges[i];
  const row = weights[i];
  if (!edge || !row || row.length !== edge.ops.length) {
    throw new Error(
      `Weights for edge ${edge?.id ?? i} have ${row?.length ?? 0} values; the edge has ${edge?.ops.length ?? 0} ops.`,
    );
  }
  return row;
}

/**
 * The genotype of one cell from its op weights (softmax probabilities, `[edge][op]`). Nodes come in
 * topological order. `top-k`: a node's incoming edges are ranked by their strongest non-`none` weight,
 * the top k are kept, strongest first, each with its strongest non-`none` op (edges offering only
 * `none` are never kept). `per-edge`: every edge keeps its argmax op, `none` included, in edge order.
 * Ties go to the earlier edge and the earlier op.
 */
export function deriveCell(cell: CellSpec, weights: CellAlphas): CellGenotype {
  if (weights.length !== cell.edges.length) {
    throw new Error(`Weights cover ${weights.length} edges; the cell has ${cell.edges.length}.`);
  }
  const edges: GenotypeEdge[] = [];
  for (const node of topoOrder(cell)) {
    const candidates: {
      from: string;
      op: number;
      weight: number;
      ops: CellSpec['edges'][number]['ops'];
    }[] = [];
    cell.edges.forEach((e, i) => {
      if (e.to !== node) return;
      const row = rowOf(cell, weights, i);
      const op =
        cell.derive.rule === 'per-edge'
          ? strongest(row, () => true)
          : strongest(row, (j) => e.ops[j] !== 'none');
      if (op >= 0) candidates.push({ from: e.from, op, weight: key(row[op]), ops: e.ops });
    });
    const kept =
      cell.derive.rule === 'per-edge'
        ? candidates
        : candidates
            .map((c, order) => ({ c, order }))
            .sort((a, b) => b.c.weight - a.c.weight || a.order - b.order)
            .slice(0, cell.derive.k)
            .map(({ c }) => c);
    for (const c of kept) {
      const op = c.ops[c.op];
      if (op !== undefined) edges.push({ from: c.from, to: node, op });
    }
  }
  return { edges, concat: outputNodes(cell) };
}

/** The genotype of a space: the normal cell, and the reduction cell when the space searches one. */
export function deriveGenotype(
  space: SearchSpaceSpec,
  weights: { normal: CellAlphas; reduce: CellAlphas | null },
): Genotype {
  if (space.reduce && !weights.reduce)
    throw new Error('The space searches a reduction cell, but no weights were given for it.');
  return {
    normal: deriveCell(space.normal, weights.normal),
    reduce: space.reduce && weights.reduce ? deriveCell(space.reduce, weights.reduce) : null,
  };
}
