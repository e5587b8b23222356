/** Checks that a genotype is one the space's derive rule can produce, with a plain sentence per problem. */
import type { Problem } from '../problems';
import { outputNodes } from '../search-space/cell';
import type { CellGenotype, CellSpec, Genotype, SearchSpaceSpec } from '../search-space/types';
import {
  cellOf,
  choosableOps,
  edgeIndex,
  incomingIndices,
  ROLES,
  usableIncoming,
} from './cell-choices';

/** Problems of one cell genotype; paths relative to the cell genotype ('edges.2', 'nodes.n1', 'concat'). */
function cellProblems(cell: CellSpec, gene: CellGenotype): Problem[] {
  const out: Problem[] = [];
  const used = new Set<number>();
  gene.edges.forEach((e, n) => {
    const i = edgeIndex(cell, e.from, e.to);
    const edge = cell.edges[i];
    const path = `edges.${n}`;
    if (!edge) {
      out.push({
        path,
        code: 'unknown-edge',
        message: `The cell has no edge ${e.from} -> ${e.to}.`,
      });
      return;
    }
    if (used.has(i))
      out.push({
        path,
        code: 'repeated-edge',
        message: `Edge ${edge.id} (${e.from} -> ${e.to}) is kept twice.`,
      });
    used.add(i);
    if (!choosableOps(cell, edge).includes(e.op)) {
      const why = edge.ops.includes(e.op)
        ? 'top-k derivation never keeps none'
        : `the edge offers ${edge.ops.join(', ')}`;
      out.push({
        path,
        code: 'op-not-offered',
        message: `Edge ${edge.id} cannot take ${e.op}: ${why}.`,
      });
    }
  });
  const derive = cell.derive;
  for (const node of new Set(cell.nodes)) {
    const incoming = incomingIndices(cell, node);
    const kept = incoming.filter((i) => used.has(i)).length;
    const wanted =
      derive.rule === 'per-edge'
        ? incoming.length
        : Math.min(derive.k, usableIncoming(cell, node).length);
    if (kept !== wanted) {
      const rule =
        derive.rule === 'per-edge'
          ? 'every incoming edge'
          : `its ${wanted} strongest usable incoming edge(s)`;
      out.push({
        path: `nodes.${node}`,
        code: 'kept-count',
        message: `Node ${node} keeps ${kept} edge(s); the ${derive.rule} rule keeps ${rule}.`,
      });
    }
  }
  const concat = outputNodes(cell);
  if (gene.concat.length !== concat.length || gene.concat.some((n, i) => n !== concat[i])) {
    out.push({
      path: 'concat',
      code: 'concat',
      message: `The cell output is [${concat.join(', ')}], not [${gene.concat.join(', ')}].`,
    });
  }
  return out;
}

/**
 * Every reason `genotype` is not a genotype of `space`: a cell present or missing against the
 * space, edges the cell lacks or keeps twice, ops an edge does not offer (or `none` under top-k),
 * a node keeping the wrong number of edges, the wrong output nodes. Empty for a valid genotype.
 */
export function genotypeProblems(space: SearchSpaceSpec, genotype: Genotype): Problem[] {
  const out: Problem[] = [];
  for (const role of ROLES) {
    const cell = cellOf(space, role);
    const gene = role === 'normal' ? genotype.normal : genotype.reduce;
    if (cell && !gene)
      out.push({
        path: role,
        code: 'missing-cell',
        message: `The space searches a ${role} cell; the genotype has none.`,
      });
    else if (!cell && gene)
      out.push({
        path: role,
        code: 'extra-cell',
        message: `The space has no ${role} cell to search; the genotype gives one.`,
      });
    else if (cell && gene)
      out.push(...cellProblems(cell, gene).map((p) => ({ ...p, path: `${role}.${p.path}` })));
  }
  return out;
}
