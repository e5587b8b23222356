/** Genotypes as the papers print them: the DARTS `Genotype(...)` namedtuple and the NAS-Bench-201 arch string. */
import { nodeIndex } from './cell';
import type { CellGenotype, CellSpec, Genotype, GenotypeEdge, SearchSpaceSpec } from './types';

/** Position of a node in DARTS numbering, or -1 for a node the cell does not have. */
function indexOf(index: Map<string, number>, id: string): number {
  return index.get(id) ?? -1;
}

/** Kept edges grouped by target node in node-number order; within a node the derived order is kept. */
function byTarget(index: Map<string, number>, edges: readonly GenotypeEdge[]): GenotypeEdge[] {
  return edges
    .map((e, order) => ({ e, order }))
    .sort((a, b) => indexOf(index, a.e.to) - indexOf(index, b.e.to) || a.order - b.order)
    .map(({ e }) => e);
}

/** One cell's gene list and concat list in Python syntax, e.g. `[('sep_conv_3x3', 0), ...]` and `[2, 3, 4, 5]`. */
function dartsParts(cell: CellSpec, genotype: CellGenotype): { gene: string; concat: string } {
  const index = nodeIndex(cell);
  const gene = byTarget(index, genotype.edges).map((e) => `('${e.op}', ${indexOf(index, e.from)})`);
  const concat = genotype.concat.map((id) => indexOf(index, id));
  return { gene: `[${gene.join(', ')}]`, concat: `[${concat.join(', ')}]` };
}

/**
 * The DARTS `Genotype(normal=[('sep_conv_3x3', 0), ...], normal_concat=[2, 3, 4, 5], reduce=[...], reduce_concat=[...])`
 * string. Node numbers follow `nodeIndex`; a space without a reduction cell prints `reduce=[], reduce_concat=[]`.
 */
export function formatDartsGenotype(space: SearchSpaceSpec, genotype: Genotype): string {
  const normal = dartsParts(space.normal, genotype.normal);
  const reduce =
    space.reduce && genotype.reduce
      ? dartsParts(space.reduce, genotype.reduce)
      : { gene: '[]', concat: '[]' };
  return `Genotype(normal=${normal.gene}, normal_concat=${normal.concat}, reduce=${reduce.gene}, reduce_concat=${reduce.concat})`;
}

/**
 * The NAS-Bench-201 arch string, e.g. `|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|...|`: one
 * group per intermediate node (numbered 1.. in topological order; the input is 0), each entry op~source
 * in source order. Null when the cell is not NB201-style (one input, per-edge rule).
 */
export function formatNb201(cell: CellSpec, cellGenotype: CellGenotype): string | null {
  if (cell.inputs.length !== 1 || cell.derive.rule !== 'per-edge') return null;
  const index = nodeIndex(cell);
  const groups = [...index.entries()]
    .filter(([id]) => !cell.inputs.includes(id))
    .map(([id]) =>
      cellGenotype.edges
        .filter((e) => e.to === id)
        .map((e) => ({ op: e.op, from: indexOf(index, e.from) }))
        .sort((a, b) => a.from - b.from)
        .map((e) => `${e.op}~${e.from}|`)
        .join(''),
    );
  return groups.map((g) => `|${g}`).join('+');
}
