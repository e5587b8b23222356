/** A derived cell in words, the text alternative of its diagram: each kept edge as "op from node to node", and what forms the output. */
import type { CellGenotype } from '../core/search-space/types';
import { opLabel } from './op-label';

/** "3 kept edges: sep conv 3x3 from c_{k-1} to 0; … Output: concat of 0, 1." */
export function cellSummary(genotype: CellGenotype): string {
  const edges = genotype.edges.map((e) => `${opLabel(e.op)} from ${e.from} to ${e.to}`);
  const count = `${edges.length} kept edge${edges.length === 1 ? '' : 's'}`;
  const output =
    genotype.concat.length === 1
      ? `Output: node ${genotype.concat[0] ?? ''}.`
      : `Output: concatenation of nodes ${genotype.concat.join(', ')}.`;
  return `${count}${edges.length === 0 ? '.' : `: ${edges.join('; ')}.`} ${output}`;
}
