/**
 * The keys and table of the latency lookup (latency.ts): what one measurement names (a registry
 * op, a fixed part, or a pseudo-op combining a cell's tensors) and its canonical string.
 */
import { OPS, type OpName } from '../search-space/ops';
import type { FixedPart } from './skeleton';

/** Pseudo-ops combining tensors inside a cell: a node summing its edges, a cell concatenating its output nodes. */
export type CombineOp = 'node_sum' | 'cell_concat';

/** What a latency entry times: a registry op, a fixed part, or a combining pseudo-op. */
export type LatencyOp = OpName | FixedPart | CombineOp;

/** One measurement: an op or fixed part at one input shape. Searched ops keep their channel count. */
export interface LatencyKey {
  readonly op: LatencyOp;
  readonly domain: 'image' | 'vector';
  /** Input channels (features for vectors); per input tensor for a combining pseudo-op. */
  readonly channels: number;
  /** Output channels (classes for a head; inputs x channels for `cell_concat`). */
  readonly outChannels: number;
  /** Input resolution (1 x 1 for vectors). */
  readonly height: number;
  readonly width: number;
  readonly stride: 1 | 2;
  /** Number of tensors a combining pseudo-op takes (2 or more); absent for every other key. */
  readonly inputs?: number;
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

/** True for the pseudo-ops that combine a cell's tensors (node sums, output concatenation). */
export function isCombineOp(op: LatencyOp): op is CombineOp {
  return op === 'node_sum' || op === 'cell_concat';
}

/** The canonical string of a key, e.g. `sep_conv_3x3|image|8>8|14x14|s1` or `node_sum|image|8>8|14x14|s1|x3`. */
export function latencyKeyString(key: LatencyKey): string {
  const { op, domain, channels, outChannels, height, width, stride, inputs } = key;
  const base = `${op}|${domain}|${channels}>${outChannels}|${height}x${width}|s${stride}`;
  return inputs === undefined ? base : `${base}|x${inputs}`;
}

/**
 * True when the op costs no time in a stand-alone subnet, so it has no entry: `none` (its edge is
 * cut) and skip_connect at stride 1 (identity).
 */
export function isFreeOp(op: OpName, stride: 1 | 2): boolean {
  const kind = OPS[op].kind;
  return kind === 'zero' || (kind === 'identity' && stride === 1);
}
