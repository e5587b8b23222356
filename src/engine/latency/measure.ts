/**
 * The per-op latency lookup table, measured on the current tfjs backend: each key of a space (an op
 * or fixed part at the shape the macro skeleton gives it, or a node sum / cell concat of n tensors,
 * combined in chunks of at most 7 as the cell does) is built with fresh weights and timed alone,
 * warm-up runs first, the median of timed runs kept.
 */
import * as tf from '@tensorflow/tfjs';
import type { InputShape } from '../../core/experiment/spec';
import {
  latencyKeys,
  latencyKeyString,
  missingKeys,
  type LatencyKey,
  type LatencyTable,
} from '../../core/cost/latency';
import { createRng } from '../../core/random';
import type { SearchSpaceSpec } from '../../core/search-space/types';
import { createParamStore } from '../params';
import { buildKeyLayer, keyInput } from './key-layer';
import { timeMedian, type TimingOptions } from './timing';

/** How each entry is measured: warm-up and timed runs, examples per forward pass, and the seed of weights and inputs. */
export interface MeasureOptions extends TimingOptions {
  readonly batch: number;
  readonly seed: number;
}

/** Defaults for the worker: a few warm-up runs, the median of 9, one example per pass. */
export const DEFAULT_MEASURE: MeasureOptions = { warmup: 3, repeats: 9, batch: 1, seed: 1 };

/** Options of a table build: how to measure, and an earlier table whose entries are kept when it matches. */
export interface TableOptions extends MeasureOptions {
  /** Entries of this table are reused (only the keys it lacks are measured) when its backend, device and batch match. */
  readonly reuse?: LatencyTable | null;
}

/** One finished measurement of a table build. */
export interface LatencyProgress {
  /** Keys measured so far in this build, and how many it measures in all. */
  readonly done: number;
  readonly total: number;
  /** The canonical key just measured and its median ms. */
  readonly key: string;
  readonly ms: number;
}

/** Median ms of one forward pass of `key` at `opts.batch` examples; weights and input are created and disposed here. */
export async function measureOp(key: LatencyKey, opts: MeasureOptions): Promise<number> {
  if (!Number.isInteger(opts.batch) || opts.batch < 1) {
    throw new Error(`The batch must be a whole number >= 1, got ${opts.batch}.`);
  }
  const rng = createRng(opts.seed);
  const params = createParamStore(rng);
  try {
    const layer = buildKeyLayer(params, key);
    const x = keyInput(key, opts.batch, rng);
    try {
      return await timeMedian(() => tf.tidy(() => layer(x)), opts);
    } finally {
      x.dispose();
    }
  } finally {
    params.dispose();
  }
}

/** Lets queued messages (a stop request) reach the worker between measurements. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Measures every key `space` needs on the current backend into a table for `backend` and
 * `device`, after a discarded priming pass over the same keys. Keys an earlier matching table
 * (`opts.reuse`) holds are kept, not measured again.
 * `onProgress` follows each measurement; `shouldStop` is asked before each one, and when it says
 * yes the table so far is returned (missingKeys tells what is left).
 */
export async function buildLatencyTable(
  space: SearchSpaceSpec,
  input: InputShape,
  classes: number,
  backend: string,
  device: string,
  opts: TableOptions,
  onProgress: (p: LatencyProgress) => void,
  shouldStop: () => boolean,
): Promise<LatencyTable> {
  const reuse = opts.reuse;
  const kept =
    reuse && reuse.backend === backend && reuse.device === device && reuse.batch === opts.batch
      ? reuse.entries
      : {};
  const entries: Record<string, number> = { ...kept };
  const table: LatencyTable = {
    backend,
    device,
    created: new Date().toISOString(),
    batch: opts.batch,
    warmup: opts.warmup,
    repeats: opts.repeats,
    entries,
  };
  const todo = missingKeys(latencyKeys(space, input, classes), table);
  // Priming pass: every key measured once and discarded, so no entry is timed while the JavaScript
  // engine and the backend's kernels are still cold (on wasm in Node, small ops of the first table
  // of a process read up to twice their time in a second one; a few runs per key did not suffice).
  for (const key of todo) {
    await yieldToEventLoop();
    if (shouldStop()) return table;
    await measureOp(key, opts);
  }
  for (let i = 0; i < todo.length; i++) {
    await yieldToEventLoop();
    if (shouldStop()) break;
    const key = todo[i] as LatencyKey;
    const ms = await measureOp(key, opts);
    const name = latencyKeyString(key);
    entries[name] = ms;
    onProgress({ done: i + 1, total: todo.length, key: name, ms });
  }
  return table;
}
