/**
 * Cell edits as plain data: a union of changes and one pure function that applies a change or
 * refuses it with a sentence saying why. An accepted change never makes a cell structurally wrong
 * (cycle, duplicate or unknown id, parallel edges, bad op set, bad input count); it may leave the
 * cell not yet runnable (a node with no edges), and says so in `problems`.
 */
import { checkNumber, shown } from '../checks';
import type { Problem } from '../problems';
import { defaultOpSet, freshId, opSetRefusal, pathBetween } from './edits-checks';
import type { OpName } from './ops';
import type { CellSpec, DeriveRule, EdgeSpec, OutputRule } from './types';
import { validateCell } from './validate';

/** One edit of a cell, as the composer's gestures produce them. */
export type CellChange =
  /** Appends a new intermediate node `n<k>` (the smallest k no node or input uses). */
  | { readonly kind: 'add-node' }
  /** Removes an intermediate node and every edge into or out of it. */
  | { readonly kind: 'remove-node'; readonly node: string }
  /** Adds an edge `e<k>` (smallest unused k) from `from` to `to`; `ops` default to the caller's default op set. */
  | {
      readonly kind: 'connect';
      readonly from: string;
      readonly to: string;
      readonly ops?: readonly OpName[];
    }
  /** Removes an edge. */
  | { readonly kind: 'disconnect'; readonly edge: string }
  /** Replaces an edge's candidate ops. */
  | { readonly kind: 'set-ops'; readonly edge: string; readonly ops: readonly OpName[] }
  /**
   * Sets the number of input nodes. The last input is the previous cell's output and is kept; going
   * to 2 adds `c0` (or the next free `c<k>`) in front for the cell before it; going to 1 drops the
   * first input and its edges.
   */
  | { readonly kind: 'set-inputs'; readonly count: 1 | 2 }
  /** Sets how the cell forms its output. */
  | { readonly kind: 'set-output'; readonly output: OutputRule }
  /** Sets how the genotype is derived (top-k needs a whole k of at least 1). */
  | { readonly kind: 'set-derive'; readonly derive: DeriveRule };

/**
 * The result of a change: the new cell with the problems that still keep it from running (each with
 * a 'nodes.<id>' / 'edges.<id>' path), or a refusal whose `reason` is a full sentence; a refused
 * change leaves the cell as it was.
 */
export type ChangeOutcome =
  | { readonly ok: true; readonly cell: CellSpec; readonly problems: Problem[] }
  | { readonly ok: false; readonly reason: string };

/**
 * A cell with inputs only and no nodes or edges. One input: NAS-Bench-201 style (every edge keeps
 * one op, output is the last node). Two inputs: DARTS style (each node keeps its 2 strongest edges,
 * output concatenates all intermediate nodes). `domain` is accepted for symmetry with edits; an empty
 * cell has no ops, so it fits either.
 */
export function emptyCell(_domain: 'image' | 'vector', inputs: 1 | 2): CellSpec {
  return inputs === 1
    ? { inputs: ['x'], nodes: [], edges: [], output: 'last', derive: { rule: 'per-edge' } }
    : {
        inputs: ['c0', 'c1'],
        nodes: [],
        edges: [],
        output: 'concat',
        derive: { rule: 'top-k', k: 2 },
      };
}

function refuse(reason: string): ChangeOutcome {
  return { ok: false, reason };
}

function accept(cell: CellSpec, domain: 'image' | 'vector'): ChangeOutcome {
  return { ok: true, cell, problems: validateCell(cell, domain) };
}

function findEdge(cell: CellSpec, id: string): EdgeSpec | undefined {
  return cell.edges.find((e) => e.id === id);
}

function noEdge(cell: CellSpec, id: string): string {
  const known = cell.edges.map((e) => e.id).join(', ');
  return `There is no edge ${shown(id)} in this cell${known ? ` (its edges are ${known})` : ''}.`;
}

function noNode(id: string): string {
  return `There is no node ${shown(id)} in this cell.`;
}

function removeNode(cell: CellSpec, node: string): CellSpec | string {
  if (cell.inputs.includes(node)) {
    return `${node} is an input node and cannot be removed; set the number of inputs instead.`;
  }
  if (!cell.nodes.includes(node)) return noNode(node);
  return {
    ...cell,
    nodes: cell.nodes.filter((n) => n !== node),
    edges: cell.edges.filter((e) => e.from !== node && e.to !== node),
  };
}

function connect(
  cell: CellSpec,
  change: Extract<CellChange, { kind: 'connect' }>,
  domain: 'image' | 'vector',
  defaultOps: readonly OpName[],
): CellSpec | string {
  const { from, to } = change;
  const known = new Set([...cell.inputs, ...cell.nodes]);
  if (!known.has(from)) return noNode(from);
  if (!known.has(to)) return noNode(to);
  if (cell.inputs.includes(to)) {
    return `${to} is an input node; edges may only end at intermediate nodes.`;
  }
  if (from === to) {
    return `An edge must join two different nodes; ${from} → ${to} would loop ${from} onto itself.`;
  }
  const twin = cell.edges.find((e) => e.from === from && e.to === to);
  if (twin) {
    return `Edge ${twin.id} already goes from ${from} to ${to}; keep one edge per pair of nodes and give ${twin.id} the ops you want.`;
  }
  const back = pathBetween(cell, to, from);
  if (back) return `${from} → ${to} would close the cycle ${[...back, to].join(' → ')}.`;
  const ops = change.ops ?? defaultOps;
  const bad = opSetRefusal(ops, domain, `the new edge ${from} → ${to}`);
  if (bad) return bad;
  const id = freshId(
    'e',
    cell.edges.map((e) => e.id),
  );
  return { ...cell, edges: [...cell.edges, { id, from, to, ops: [...ops] }] };
}

function setOps(
  cell: CellSpec,
  id: string,
  ops: readonly OpName[],
  domain: 'image' | 'vector',
): CellSpec | string {
  if (!findEdge(cell, id)) return noEdge(cell, id);
  const bad = opSetRefusal(ops, domain, `edge ${id}`);
  if (bad) return bad;
  return { ...cell, edges: cell.edges.map((e) => (e.id === id ? { ...e, ops: [...ops] } : e)) };
}

function setInputs(cell: CellSpec, count: number): CellSpec | string {
  if (count !== 1 && count !== 2) return `A cell takes 1 or 2 input nodes (got ${shown(count)}).`;
  if (cell.inputs.length === count) return cell;
  const inputs = cell.inputs.slice(-count);
  const dropped = new Set(cell.inputs.filter((i) => !inputs.includes(i)));
  while (inputs.length < count)
    inputs.unshift(freshId('c', [...cell.inputs, ...cell.nodes, ...inputs]));
  return { ...cell, inputs, edges: cell.edges.filter((e) => !dropped.has(e.from)) };
}

function setDerive(cell: CellSpec, derive: DeriveRule): CellSpec | string {
  if (derive.rule === 'per-edge') return { ...cell, derive: { rule: 'per-edge' } };
  if (derive.rule !== 'top-k') {
    return `The derive rule must be 'top-k' or 'per-edge' (got ${shown((derive as { rule?: unknown }).rule)}).`;
  }
  const p = checkNumber('derive.k', 'Top-k (edges kept per node)', derive.k, {
    integer: true,
    min: 1,
  });
  return p ? p.message : { ...cell, derive: { rule: 'top-k', k: derive.k } };
}

/** The new cell, or the reason the change is refused. */
function changed(
  cell: CellSpec,
  change: CellChange,
  domain: 'image' | 'vector',
  defaultOps: readonly OpName[],
): CellSpec | string {
  switch (change.kind) {
    case 'add-node':
      return { ...cell, nodes: [...cell.nodes, freshId('n', [...cell.inputs, ...cell.nodes])] };
    case 'remove-node':
      return removeNode(cell, change.node);
    case 'connect':
      return connect(cell, change, domain, defaultOps);
    case 'disconnect':
      return findEdge(cell, change.edge)
        ? { ...cell, edges: cell.edges.filter((e) => e.id !== change.edge) }
        : noEdge(cell, change.edge);
    case 'set-ops':
      return setOps(cell, change.edge, change.ops, domain);
    case 'set-inputs':
      return setInputs(cell, change.count);
    case 'set-output':
      return change.output === 'last' || change.output === 'concat'
        ? { ...cell, output: change.output }
        : `The output rule must be 'last' or 'concat' (got ${shown(change.output)}).`;
    case 'set-derive':
      return setDerive(cell, change.derive);
    default:
      return `Unknown cell change ${shown((change as { kind?: unknown }).kind)}.`;
  }
}

/**
 * Applies one change to a cell of a `domain` space. Refused (cell unchanged): a connect that would
 * close a cycle (the reason names it, e.g. "n2 → n1 would close the cycle n1 → n2 → n1."), ends at
 * an input, loops a node onto itself, doubles an existing edge or names an unknown node; an unknown
 * edge; an empty, duplicated, unknown or wrong-domain op set; removing an input node; a top-k below 1
 * or not whole. `defaultOps` are the ops a connect without `ops` gives its edge. A change that changes
 * nothing (setting the input count the cell already has) returns the very same cell object.
 */
export function applyCellChange(
  cell: CellSpec,
  change: CellChange,
  domain: 'image' | 'vector',
  defaultOps: readonly OpName[] = defaultOpSet(domain),
): ChangeOutcome {
  const next = changed(cell, change, domain, defaultOps);
  return typeof next === 'string' ? refuse(next) : accept(next, domain);
}
