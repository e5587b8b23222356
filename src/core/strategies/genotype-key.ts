/** A canonical string per genotype of a space, for de-duplication and as a stable id in tables. */
import type { Genotype, SearchSpaceSpec } from '../search-space/types';
import { cellOf, edgeIndex, ROLES } from './cell-choices';

/**
 * `normal[e0=nor_conv_3x3,e1=skip_connect,...]` (then `;reduce[...]` when searched): each kept
 * edge as its cell edge id and op, in the cell's edge order, so two genotypes get the same key
 * exactly when they keep the same ops on the same edges, whatever order their edges are listed in.
 * An edge the cell does not have appears as `from>to` after the known ones.
 */
export function genotypeKey(space: SearchSpaceSpec, genotype: Genotype): string {
  const parts: string[] = [];
  for (const role of ROLES) {
    const cell = cellOf(space, role);
    const gene = role === 'normal' ? genotype.normal : genotype.reduce;
    if (!cell || !gene) continue;
    const entries = gene.edges
      .map((e) => {
        const i = edgeIndex(cell, e.from, e.to);
        const id = i < 0 ? `${e.from}>${e.to}` : (cell.edges[i]?.id ?? '');
        return { i: i < 0 ? Infinity : i, text: `${id}=${e.op}` };
      })
      .sort((a, b) => a.i - b.i || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
    parts.push(`${role}[${entries.map((e) => e.text).join(',')}]`);
  }
  return parts.join(';');
}
