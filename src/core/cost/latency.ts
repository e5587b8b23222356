/**
 * Latency priced from a lookup table of per-op timings (FBNet, ProxylessNAS): the measurement keys a
 * search space needs (every candidate op at every shape the macro skeleton gives it, and the fixed
 * layers as named pseudo-ops), the table as plain data, and a subnet's latency as the sum of its
 * entries. The engine measures the entries on the current backend (src/engine/latency).
 */
import type { InputShape } from '../experiment/spec';
import { OPS, type OpName } from '../search-space/ops';
import type { CellRole, CellSpec, Genotype, SearchSpaceSpec } from '../search-space/types';
import { liveNodes } from './cell-cost';
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

/** What a latency entry times: a registry op or a fixed part. */
export type LatencyOp = OpName | FixedPart;

/** One measurement: an op or fixed part at one input shape. Searched ops keep their channel count. */
export interface LatencyKey {
  readonly op: LatencyOp;
  readonly domain: 'image' | 'vector';
  /** Input channels (features for vectors). */
  readonly channels: number;
  /** Output channels (classes for a head). */
  readonly outChannels: number;
  /** Input resolution (1 x 1 for vectors). */
  readonly height: number;
  readonly width: number;
  readonly stride: 1 | 2;
}

/** Per-op forward latencies measured on one backend and device; plain data, so it can be stored and sent. */
export interface LatencyTable {
  /** tfjs backend name ('webgpu', 'wasm', 'webgl', 'cpu'). */
  readonly backend: string;
  /** The device as the worker describes it (GPU adapter, user agent, core count). */
  readonly device: string;
  /** ISO 8601 time the measurement started. */
  readonly created: string;
  /** Examples per forward pass every entry was timed at. */
  readonly batch: number;
  /** Untimed runs before timing, and timed runs whose median is kept. */
  readonly warmup: number;
  readonly repeats: number;
  /** Milliseconds per forward pass, keyed by `latencyKeyString`. */
  readonly entries: Readonly<Record<string, number>>;
}

/** The canonical string of a key, e.g. `sep_conv_3x3|image|8>8|14x14|s1`. */
export function latencyKeyString(key: LatencyKey): string {
  const { op, domain, channels, outChannels, height, width, stride } = key;
  return `${op}|${domain}|${channels}>${outChannels}|${height}x${width}|s${stride}`;
}

/**
 * True when the op costs no time in a stand-alone subnet, so it has no entry: `none` (its edge is
 * cut) and skip_connect at stride 1 (identity).
 */
export function isFreeOp(op: OpName, stride: 1 | 2): boolean {
  const kind = OPS[op].kind;
  return kind === 'zero' || (kind === 'identity' && stride === 1);
}

/** The fixed layers' keys and the place of every cell, read off the one skeleton walk. */
function walk(
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
function edgeKey(
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
 * excluded), in network order. Throws when the skeleton cannot be built.
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
  }
  return distinct(keys);
}

/**
 * Every key one subnet runs, once per occurrence (a key repeats when an op recurs): the fixed
 * layers and each kept op on an edge into a live node, at every cell instance. The skeleton takes
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
    for (const e of gene.edges) {
      if (!live.has(e.to)) continue;
      const k = edgeKey(cell, e.from, e.op, p, input.kind);
      if (k) keys.push(k);
    }
  }
  return keys;
}

/** The keys of `keys` that `table` has no entry for, each once. */
export function missingKeys(keys: readonly LatencyKey[], table: LatencyTable): LatencyKey[] {
  return distinct(keys).filter((k) => table.entries[latencyKeyString(k)] === undefined);
}

/**
 * A subnet's latency in ms at the table's batch size: the sum of the table's entries over
 * `subnetLatencyKeys` (fixed layers included; node sums and concatenations are not priced).
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
