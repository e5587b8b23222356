/**
 * Latency priced from a lookup table of per-op timings (FBNet, ProxylessNAS): the measurement keys a
 * search space needs (every candidate op at every shape the macro skeleton gives it, the fixed
 * layers as named pseudo-ops, and each cell's node sums and output concatenation as pseudo-ops),
 * the table as plain data, and a subnet's latency as the sum of its entries. The engine measures
 * the entries on the current backend (src/engine/latency).
 */
import type { InputShape } from '../experiment/spec';
import { incomingEdges, outputNodes } from '../search-space/cell';
import type { OpName } from '../search-space/ops';
import type { CellRole, CellSpec, Genotype, SearchSpaceSpec } from '../search-space/types';
import { liveNodes } from './cell-cost';
import {
  isFreeOp,
  latencyKeyString,
  type CombineOp,
  type LatencyKey,
  type LatencyTable,
} from './latency-key';
import {
  genotypePorts,
  skeletonLayout,
  spacePorts,
  type CellPlacement,
  type CellPorts,
  type FixedPart,
} from './skeleton';

/** The fixed (unsearched) layers, as skeleton.ts lists them. */
export type { FixedPart };
/** Keys, tables and their strings, from latency-key.ts. */
export type { CombineOp, LatencyKey, LatencyOp, LatencyTable } from './latency-key';
/** Key helpers, from latency-key.ts. */
export { isCombineOp, isFreeOp, latencyKeyString } from './latency-key';

/** The fixed layers' keys and the place of every cell, read off the one skeleton walk. */
export function walk(
  space: SearchSpaceSpec,
  input: InputShape,
  classes: number,
  ports: Partial<Record<CellRole, CellPorts>>,
): { fixed: LatencyKey[]; cells: readonly CellPlacement[] } {
  const { domain, parts, cells } = skeletonLayout(space.macro, input, classes, ports);
  const fixed = parts.map(({ kind, ...shape }): LatencyKey => ({ op: kind, domain, ...shape }));
  return { fixed, cells };
}

function cellOf(space: SearchSpaceSpec, role: CellRole): CellSpec | null {
  return role === 'normal' ? space.normal : space.reduce;
}

/**
 * The key of `op` on an edge of `cell` leaving `from`, at placement `p`: in a reduction cell an
 * edge leaving an input has stride 2 at the full resolution, an edge between nodes works at half
 * of it (as edgeOpCost prices it). Null when the op is free there.
 */
export function edgeKey(
  cell: CellSpec,
  from: string,
  op: OpName,
  p: CellPlacement,
  domain: 'image' | 'vector',
): LatencyKey | null {
  const fromInput = cell.inputs.includes(from);
  const stride: 1 | 2 = p.reduction && fromInput ? 2 : 1;
  if (isFreeOp(op, stride)) return null;
  const halved = p.reduction && !fromInput;
  return {
    op,
    domain,
    channels: p.channels,
    outChannels: p.channels,
    height: halved ? Math.ceil(p.height / 2) : p.height,
    width: halved ? Math.ceil(p.width / 2) : p.width,
    stride,
  };
}

/**
 * The key of a pseudo-op combining `count` tensors of one cell at placement `p`, at the nodes'
 * resolution (half the input's in a reduction cell): a node summing `count` edge outputs, or the
 * cell concatenating `count` output nodes along channels. Null below 2 tensors (nothing to do).
 */
export function combineKey(
  op: CombineOp,
  count: number,
  p: CellPlacement,
  domain: 'image' | 'vector',
): LatencyKey | null {
  if (count < 2) return null;
  return {
    op,
    domain,
    channels: p.channels,
    outChannels: op === 'cell_concat' ? p.channels * count : p.channels,
    height: p.reduction ? Math.ceil(p.height / 2) : p.height,
    width: p.reduction ? Math.ceil(p.width / 2) : p.width,
    stride: 1,
    inputs: count,
  };
}

/** Keys in first-seen order, each once. */
function distinct(keys: readonly LatencyKey[]): LatencyKey[] {
  const seen = new Map<string, LatencyKey>();
  for (const k of keys) {
    const s = latencyKeyString(k);
    if (!seen.has(s)) seen.set(s, k);
  }
  return [...seen.values()];
}

/**
 * The distinct keys a space needs so that any of its subnets can be priced: the fixed layers, and
 * every candidate op of every edge into a live node at every placement of its cell (free ops
 * excluded), plus each live node's sum of 2 up to as many edges as can bring it a non-`none` op,
 * and the concatenation of the cell's output nodes, in network order. Throws when the skeleton
 * cannot be built.
 */
export function latencyKeys(
  space: SearchSpaceSpec,
  input: InputShape,
  classes: number,
): LatencyKey[] {
  const { fixed, cells } = walk(space, input, classes, spacePorts(space));
  const keys: LatencyKey[] = [...fixed];
  for (const p of cells) {
    const cell = cellOf(space, p.role);
    if (!cell) continue;
    const live = liveNodes(cell);
    for (const e of cell.edges) {
      if (!live.has(e.to)) continue;
      for (const op of e.ops) {
        const k = edgeKey(cell, e.from, op, p, input.kind);
        if (k) keys.push(k);
      }
    }
    for (const node of new Set(cell.nodes)) {
      if (!live.has(node)) continue;
      const most = incomingEdges(cell, node).filter((e) => e.ops.some((op) => op !== 'none'));
      for (let n = 2; n <= most.length; n++) {
        keys.push(combineKey('node_sum', n, p, input.kind) as LatencyKey);
      }
    }
    const concat = combineKey('cell_concat', outputNodes(cell).length, p, input.kind);
    if (concat) keys.push(concat);
  }
  return distinct(keys);
}

/**
 * Every key one subnet runs, once per occurrence (a key repeats when an op recurs): the fixed
 * layers and each kept op on an edge into a live node, each node summing 2 or more kept non-`none`
 * edges, and the concat of 2 or more output nodes, at every cell instance. The skeleton takes
 * each cell's output width from the genotype's concat, as subnetCost does. Throws when the network
 * needs a reduction cell the space or the genotype lacks.
 */
export function subnetLatencyKeys(
  space: SearchSpaceSpec,
  genotype: Genotype,
  input: InputShape,
  classes: number,
): LatencyKey[] {
  const genes = { normal: genotype.normal, reduce: genotype.reduce };
  const { fixed, cells } = walk(space, input, classes, genotypePorts(space, genotype));
  const keys: LatencyKey[] = [...fixed];
  for (const p of cells) {
    const cell = cellOf(space, p.role);
    const gene = genes[p.role];
    if (!cell || !gene) continue;
    const live = liveNodes(cell);
    const terms = new Map<string, number>();
    for (const e of gene.edges) {
      if (!live.has(e.to)) continue;
      if (e.op !== 'none') terms.set(e.to, (terms.get(e.to) ?? 0) + 1);
      const k = edgeKey(cell, e.from, e.op, p, input.kind);
      if (k) keys.push(k);
    }
    for (const node of new Set(cell.nodes)) {
      const sum = combineKey('node_sum', terms.get(node) ?? 0, p, input.kind);
      if (sum) keys.push(sum);
    }
    const concat = combineKey('cell_concat', gene.concat.length, p, input.kind);
    if (concat) keys.push(concat);
  }
  return keys;
}

/** The keys of `keys` that `table` has no entry for, each once. */
export function missingKeys(keys: readonly LatencyKey[], table: LatencyTable): LatencyKey[] {
  return distinct(keys).filter((k) => table.entries[latencyKeyString(k)] === undefined);
}

/**
 * A subnet's latency in ms at the table's batch size: the sum of the table's entries over
 * `subnetLatencyKeys` (fixed layers, node sums and output concatenations included).
 * Throws, naming the first missing key, when the table lacks an entry.
 */
export function subnetLatency(
  space: SearchSpaceSpec,
  genotype: Genotype,
  input: InputShape,
  classes: number,
  table: LatencyTable,
): number {
  let total = 0;
  for (const k of subnetLatencyKeys(space, genotype, input, classes)) {
    const ms = table.entries[latencyKeyString(k)];
    if (ms === undefined) {
      throw new Error(
        `The latency table (${table.backend}) has no entry for ${latencyKeyString(k)}; measure the space first.`,
      );
    }
    total += ms;
  }
  return total;
}
