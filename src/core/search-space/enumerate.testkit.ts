/** Test-only brute force: lists every genotype a cell's derive rule allows as a canonical string, independently of size.ts. */
import type { CellGenotype, CellSpec } from './types';

/** A genotype as an order-free string: its kept edges sorted, then its output nodes. */
export function canonicalGenotype(g: CellGenotype): string {
  const edges = g.edges.map((e) => `${e.from}>${e.to}:${e.op}`).sort();
  return `${edges.join(',')}|${g.concat.join(',')}`;
}

/**
 * Every genotype of `cell`, by trying every assignment of "dropped or one op" to every edge and
 * keeping the assignments the rule allows. Exponential: small cells only.
 */
export function enumerateGenotypes(cell: CellSpec): Set<string> {
  const derive = cell.derive;
  const options = cell.edges.map((e) => {
    const ops = [...new Set(e.ops)];
    if (derive.rule === 'per-edge') return ops;
    const nonZero = ops.filter((op) => op !== 'none');
    return [null, ...nonZero];
  });
  const concat = cell.output === 'concat' ? cell.nodes : cell.nodes.slice(-1);
  const found = new Set<string>();
  const choice: (string | null)[] = cell.edges.map(() => null);
  const allowed = (): boolean => {
    if (derive.rule === 'per-edge') return true;
    for (const node of cell.nodes) {
      let usable = 0;
      let kept = 0;
      cell.edges.forEach((e, i) => {
        if (e.to !== node) return;
        if (e.ops.some((op) => op !== 'none')) usable += 1;
        if (choice[i] !== null) kept += 1;
      });
      if (kept !== Math.min(derive.k, usable)) return false;
    }
    return true;
  };
  const walk = (i: number): void => {
    if (i === cell.edges.length) {
      if (!allowed()) return;
      const edges = cell.edges.flatMap((e, j) => {
        const op = choice[j];
        return op === null || op === undefined ? [] : [`${e.from}>${e.to}:${op}`];
      });
      found.add(`${edges.sort().join(',')}|${concat.join(',')}`);
      return;
    }
    for (const op of options[i] ?? []) {
      choice[i] = op;
      walk(i + 1);
    }
    choice[i] = null;
  };
  walk(0);
  return found;
}
