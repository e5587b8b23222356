/** Per-edge and id checks of a cell: ids, endpoints, op sets and op domains. */
import type { Problem } from '../problems';
import { isOpName, OP_NAMES, OPS } from './ops';
import type { CellSpec, EdgeSpec } from './types';

const DOMAIN_WORDS = { image: 'images', vector: 'feature vectors (2D points)' } as const;

/** Reports ids used more than once, as `code` problems under `group`. */
function duplicates(
  ids: readonly string[],
  group: 'nodes' | 'edges',
  code: string,
  what: string,
): Problem[] {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts]
    .filter(([, n]) => n > 1)
    .map(([id, n]) => ({
      path: `${group}.${id}`,
      code,
      message: `${what} id "${id}" is used ${n} times; ${what.toLowerCase()} ids must be unique within a cell.`,
    }));
}

/** Empty and duplicate node and edge ids. */
export function idProblems(cell: CellSpec): Problem[] {
  const out: Problem[] = [];
  if ([...cell.inputs, ...cell.nodes].some((id) => id === '')) {
    out.push({
      path: 'nodes',
      code: 'empty-id',
      message: 'A node has an empty id; give every node a name.',
    });
  }
  if (cell.edges.some((e) => e.id === '')) {
    out.push({
      path: 'edges',
      code: 'empty-id',
      message: 'An edge has an empty id; give every edge a name.',
    });
  }
  out.push(...duplicates([...cell.inputs, ...cell.nodes], 'nodes', 'duplicate-node', 'Node'));
  out.push(
    ...duplicates(
      cell.edges.map((e) => e.id),
      'edges',
      'duplicate-edge',
      'Edge',
    ),
  );
  return out;
}

/** Endpoint problems of one edge: unknown nodes, an edge into an input, a self-loop. */
function endpointProblems(cell: CellSpec, e: EdgeSpec): Problem[] {
  const path = `edges.${e.id}`;
  const known = new Set([...cell.inputs, ...cell.nodes]);
  const out: Problem[] = [];
  if (!known.has(e.from)) {
    out.push({
      path,
      code: 'unknown-node',
      message: `Edge ${e.id} starts at "${e.from}", which is not a node of this cell.`,
    });
  }
  if (!known.has(e.to)) {
    out.push({
      path,
      code: 'unknown-node',
      message: `Edge ${e.id} ends at "${e.to}", which is not a node of this cell.`,
    });
  } else if (cell.inputs.includes(e.to)) {
    out.push({
      path,
      code: 'edge-into-input',
      message: `Edge ${e.id} ends at input node ${e.to}; edges may only end at intermediate nodes.`,
    });
  }
  if (e.from === e.to) {
    out.push({
      path,
      code: 'self-loop',
      message: `Edge ${e.id} goes from ${e.from} back to ${e.to} itself; an edge must join two different nodes.`,
    });
  }
  return out;
}

/** Op-set problems of one edge: empty, duplicated, unknown, or of the wrong domain for the space. */
function opProblems(e: EdgeSpec, domain: 'image' | 'vector'): Problem[] {
  const path = `edges.${e.id}.ops`;
  const out: Problem[] = [];
  if (e.ops.length === 0) {
    out.push({
      path,
      code: 'empty-ops',
      message: `Edge ${e.id} has no candidate ops; give it at least one.`,
    });
  }
  const seen = new Set<string>();
  for (const op of e.ops) {
    if (seen.has(op)) {
      out.push({
        path,
        code: 'duplicate-op',
        message: `Edge ${e.id} lists op ${op} more than once; each candidate op may appear once.`,
      });
      continue;
    }
    seen.add(op);
    if (!isOpName(op)) {
      out.push({
        path,
        code: 'unknown-op',
        message: `Edge ${e.id} has an unknown op "${op}"; known ops are ${OP_NAMES.join(', ')}.`,
      });
      continue;
    }
    const opDomain = OPS[op].domain;
    if (opDomain !== 'any' && opDomain !== domain) {
      out.push({
        path,
        code: 'op-domain',
        message: `Edge ${e.id} has op ${op}, which works on ${DOMAIN_WORDS[opDomain]}, but this space takes ${DOMAIN_WORDS[domain]}.`,
      });
    }
  }
  return out;
}

/** Every per-edge problem, plus parallel edges (two edges joining the same pair of nodes). */
export function edgeProblems(cell: CellSpec, domain: 'image' | 'vector'): Problem[] {
  const out: Problem[] = [];
  const pairs = new Map<string, string>();
  for (const e of cell.edges) {
    out.push(...endpointProblems(cell, e), ...opProblems(e, domain));
    const key = JSON.stringify([e.from, e.to]);
    const first = pairs.get(key);
    if (first === undefined) pairs.set(key, e.id);
    else {
      out.push({
        path: `edges.${e.id}`,
        code: 'parallel-edges',
        message: `Edges ${first} and ${e.id} both go from ${e.from} to ${e.to}; keep one edge per pair of nodes.`,
      });
    }
  }
  return out;
}
