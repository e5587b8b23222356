/** Graph utilities over a cell DAG: incoming edges, predecessors, topological order, DARTS node numbering. */
import type { CellSpec, EdgeSpec } from './types';

/** The edges that end at `node`, in the cell's edge order. */
export function incomingEdges(cell: CellSpec, node: string): EdgeSpec[] {
  return cell.edges.filter((e) => e.to === node);
}

/** The distinct nodes with an edge into `node`, in the cell's edge order. */
export function predecessors(cell: CellSpec, node: string): string[] {
  return [...new Set(incomingEdges(cell, node).map((e) => e.from))];
}

/** The distinct nodes `node` has an edge into, in the cell's edge order. */
export function successors(cell: CellSpec, node: string): string[] {
  return [...new Set(cell.edges.filter((e) => e.from === node).map((e) => e.to))];
}

/**
 * Intermediate nodes in topological order. Among nodes ready at the same time the one listed first
 * in `cell.nodes` comes first, so a cell listed in order keeps its order. Never throws: nodes on or
 * behind a cycle (which validation reports) are appended in listed order.
 */
export function topoOrder(cell: CellSpec): string[] {
  const nodes = [...new Set(cell.nodes)];
  const pending = new Map<string, number>(nodes.map((n) => [n, 0]));
  for (const e of cell.edges) {
    if (pending.has(e.to) && pending.has(e.from) && e.from !== e.to)
      pending.set(e.to, (pending.get(e.to) ?? 0) + 1);
  }
  const order: string[] = [];
  const done = new Set<string>();
  for (;;) {
    const next = nodes.find((n) => !done.has(n) && pending.get(n) === 0);
    if (next === undefined) break;
    done.add(next);
    order.push(next);
    for (const e of cell.edges) {
      if (e.from === next && pending.has(e.to) && e.to !== next)
        pending.set(e.to, (pending.get(e.to) ?? 0) - 1);
    }
  }
  for (const n of nodes) if (!done.has(n)) order.push(n);
  return order;
}

/** DARTS numbering: input nodes 0..n-1 in listed order, then intermediate nodes in topological order. */
export function nodeIndex(cell: CellSpec): Map<string, number> {
  const index = new Map<string, number>();
  for (const id of [...cell.inputs, ...topoOrder(cell)])
    if (!index.has(id)) index.set(id, index.size);
  return index;
}

/** The nodes forming the cell output: all intermediate nodes in topological order (`concat`), or the last entry of `cell.nodes` (`last`). */
export function outputNodes(cell: CellSpec): string[] {
  if (cell.output === 'concat') return topoOrder(cell);
  const last = cell.nodes[cell.nodes.length - 1];
  return last === undefined ? [] : [last];
}

/** Every node reachable from `starts` by following edges forward (or backward with `reverse`), starts included. */
export function reachable(cell: CellSpec, starts: readonly string[], reverse = false): Set<string> {
  const seen = new Set<string>(starts);
  const stack = [...starts];
  for (let cur = stack.pop(); cur !== undefined; cur = stack.pop()) {
    for (const e of cell.edges) {
      const [a, b] = reverse ? [e.to, e.from] : [e.from, e.to];
      if (a === cur && !seen.has(b)) {
        seen.add(b);
        stack.push(b);
      }
    }
  }
  return seen;
}

/** One directed cycle as a closed path of node ids (first id repeated at the end), or null when the cell is acyclic. Self-loops count. */
export function findCycle(cell: CellSpec): string[] | null {
  const state = new Map<string, 'open' | 'closed'>();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, 'open');
    path.push(node);
    for (const next of successors(cell, node)) {
      const s = state.get(next);
      if (s === 'open') return [...path.slice(path.indexOf(next)), next];
      if (s === undefined) {
        const found = visit(next);
        if (found) return found;
      }
    }
    path.pop();
    state.set(node, 'closed');
    return null;
  };
  for (const n of [...cell.inputs, ...cell.nodes]) {
    if (state.has(n)) continue;
    const found = visit(n);
    if (found) return found;
  }
  return null;
}
