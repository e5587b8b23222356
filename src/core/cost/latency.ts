/**
 * Latency priced from a lookup table of per-op timings (FBNet, ProxylessNAS): the measurement keys a
 * search space needs (every candidate op at every shape the macro skeleton gives it, and the fixed
 * layers as named pseudo-ops), the table as plain data, and a subnet's latency as the sum of its
 * entries. The engine measures the entries on the current backend (src/engine/latency).
 */
import type { InputShape } from '../experiment/spec';
import { outputNodes } from '../search-space/cell';
import { OPS, type OpName } from '../search-space/ops';
import type { CellRole, CellSpec, Genotype, SearchSpaceSpec } from '../search-space/types';
import { liveNodes } from './cell-cost';
import type { CellPlacement, CellPorts } from './skeleton';

/**
 * The fixed (unsearched) layers, as the engine's blocks.ts builds them: the stem, cell-input
 * preprocessing (stride 1: ReLU-Conv1x1-BN or ReLU-dense; stride 2: FactorizedReduce), the
 * residual reduction block, and the head (global average pool + linear; `head_bn_relu` puts
 * BatchNorm and ReLU first, as after residual reductions).
 */
export type FixedPart = 'stem' | 'preprocess' | 'residual_block' | 'head' | 'head_bn_relu';

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

interface FeatureShape {
  readonly h: number;
  readonly w: number;
  readonly c: number;
}

/** The network in order: the fixed layers' keys and the place of every cell, both as the engine builds them. */
interface LatencyWalk {
  readonly fixed: readonly LatencyKey[];
  readonly cells: readonly CellPlacement[];
}

/**
 * Walks the macro skeleton as buildNetwork and walkSkeleton do (see skeleton.ts), recording each
 * fixed layer as a key at its input shape. Throws when the skeleton cannot be built.
 */
function walk(
  space: SearchSpaceSpec,
  input: InputShape,
  classes: number,
  ports: Partial<Record<CellRole, CellPorts>>,
): LatencyWalk {
  const { macro } = space;
  const domain = input.kind;
  if (domain === 'vector' && macro.reduction !== 'none') {
    throw new Error(`Vector inputs need reduction 'none', got '${macro.reduction}'.`);
  }
  const stemC = domain === 'image' ? macro.channels * macro.stemMultiplier : macro.channels;
  const first: FeatureShape =
    input.kind === 'image'
      ? { h: input.height, w: input.width, c: input.channels }
      : { h: 1, w: 1, c: input.features };
  const fixed: LatencyKey[] = [];
  const key = (op: FixedPart, from: FeatureShape, out: number, stride: 1 | 2): void => {
    fixed.push({
      op,
      domain,
      channels: from.c,
      outChannels: out,
      height: from.h,
      width: from.w,
      stride,
    });
  };
  key('stem', first, stemC, 1);
  const shapes: FeatureShape[] = [{ h: first.h, w: first.w, c: stemC }];
  const cells: CellPlacement[] = [];
  const last = (): FeatureShape => shapes[shapes.length - 1] as FeatureShape;
  const half = (side: number): number => Math.ceil(side / 2);

  const addCell = (role: CellRole, channels: number): void => {
    const port = ports[role];
    if (!port) throw new Error(`The network needs a ${role} cell, but none was given.`);
    const to = last();
    for (let j = 0; j < port.inputs; j++) {
      const from = shapes[Math.max(0, shapes.length - port.inputs + j)] as FeatureShape;
      if (from.h === to.h && from.w === to.w && from.c === channels) continue;
      if (from.h === to.h && from.w === to.w) key('preprocess', from, channels, 1);
      else if (half(from.h) === to.h && half(from.w) === to.w) key('preprocess', from, channels, 2);
      else
        throw new Error(
          `A ${from.h}x${from.w} cell input cannot feed a cell working at ${to.h}x${to.w}.`,
        );
    }
    const reduction = role === 'reduce';
    cells.push({ role, channels, height: to.h, width: to.w, reduction });
    shapes.push({
      h: reduction ? half(to.h) : to.h,
      w: reduction ? half(to.w) : to.w,
      c: channels * port.outputs,
    });
  };

  let channels = macro.channels;
  for (let stage = 0; stage < macro.stages; stage++) {
    if (stage > 0 && macro.reduction === 'cell') {
      channels *= 2;
      addCell('reduce', channels);
    } else if (stage > 0 && macro.reduction === 'residual') {
      channels *= 2;
      const from = last();
      key('residual_block', from, channels, 2);
      shapes.push({ h: half(from.h), w: half(from.w), c: channels });
    }
    for (let i = 0; i < macro.cellsPerStage; i++) addCell('normal', channels);
  }
  const bnHead = domain === 'image' && macro.reduction === 'residual';
  key(bnHead ? 'head_bn_relu' : 'head', last(), classes, 1);
  return { fixed, cells };
}

const ROLES: readonly CellRole[] = ['normal', 'reduce'];

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
  const ports: Partial<Record<CellRole, CellPorts>> = {};
  for (const role of ROLES) {
    const cell = cellOf(space, role);
    if (cell) ports[role] = { inputs: cell.inputs.length, outputs: outputNodes(cell).length };
  }
  const { fixed, cells } = walk(space, input, classes, ports);
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
  const ports: Partial<Record<CellRole, CellPorts>> = {};
  for (const role of ROLES) {
    const cell = cellOf(space, role);
    const gene = genes[role];
    if (cell && gene) ports[role] = { inputs: cell.inputs.length, outputs: gene.concat.length };
  }
  const { fixed, cells } = walk(space, input, classes, ports);
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
