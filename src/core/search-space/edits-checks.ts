/** Checks behind cell edits: candidate op sets, the cycle a new edge would close, and fresh ids. */
import { shown } from '../checks';
import { isOpName, OP_NAMES, OPS, type OpName } from './ops';
import { DARTS_OPS } from './presets';
import type { CellSpec } from './types';

const DOMAIN_WORDS = { image: 'images', vector: 'feature vectors (2D points)' } as const;

/** Every registered op an edge of a `domain` space may carry, in registry order. */
export function opsForDomain(domain: 'image' | 'vector'): OpName[] {
  return OP_NAMES.filter((op) => OPS[op].domain === 'any' || OPS[op].domain === domain);
}

/** The candidate ops a new edge gets when none are given: the 8 DARTS ops for images, every vector op for vectors. */
export function defaultOpSet(domain: 'image' | 'vector'): readonly OpName[] {
  return domain === 'image' ? DARTS_OPS : opsForDomain('vector');
}

/**
 * Why `ops` cannot be the candidate set of `edge` (an edge id, or a phrase like "the new edge
 * c0 → n0") in a `domain` space, or null when it can: empty, duplicated, unknown or wrong-domain ops.
 */
export function opSetRefusal(
  ops: readonly string[],
  domain: 'image' | 'vector',
  edge: string,
): string | null {
  if (!Array.isArray(ops) || ops.length === 0) {
    return `${capital(edge)} needs at least one candidate op.`;
  }
  const seen = new Set<string>();
  for (const op of ops) {
    if (!isOpName(op)) {
      return `${shown(op)} is not a known op; known ops are ${OP_NAMES.join(', ')}.`;
    }
    if (seen.has(op)) {
      return `Op ${op} is listed twice for ${edge}; each candidate op may appear once.`;
    }
    seen.add(op);
    const opDomain = OPS[op].domain;
    if (opDomain !== 'any' && opDomain !== domain) {
      return `Op ${op} works on ${DOMAIN_WORDS[opDomain]}, but this space takes ${DOMAIN_WORDS[domain]}.`;
    }
  }
  return null;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A path of node ids from `start` to `goal` along the cell's edges (both ends included), or null
 * when `goal` cannot be reached. Adding the edge goal → start would close exactly this path into a cycle.
 */
export function pathBetween(cell: CellSpec, start: string, goal: string): string[] | null {
  const cameFrom = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const cur = queue[head] as string;
    if (cur === goal) {
      const path: string[] = [];
      for (let n: string | null | undefined = cur; n != null; n = cameFrom.get(n)) path.push(n);
      return path.reverse();
    }
    for (const e of cell.edges) {
      if (e.from === cur && !cameFrom.has(e.to)) {
        cameFrom.set(e.to, cur);
        queue.push(e.to);
      }
    }
  }
  return null;
}

/** The first id `<prefix><k>` (k = 0, 1, ...) not in `used`. */
export function freshId(prefix: string, used: Iterable<string>): string {
  const taken = new Set(used);
  let k = 0;
  while (taken.has(`${prefix}${k}`)) k++;
  return `${prefix}${k}`;
}

/**
 * Problem codes that mean a cell is not finished yet rather than wrong: a node still without
 * edges, not fed from an input, not leading to the output, seeing only zeros, or no nodes at all.
 * Accepted edits may leave these; they never leave any other kind.
 */
export const NOT_YET_RUNNABLE: readonly string[] = [
  'no-nodes',
  'no-incoming-edge',
  'unreachable-node',
  'dead-end-node',
  'zero-only-node',
];
