/**
 * BatchNorm recalibration for inherited-weight evaluation (SPOS, Guo et al.): before a subnet
 * sampled from a supernet is scored, its BatchNorm statistics are recomputed on training batches
 * run through that subnet's own path, then the subnet is evaluated with those statistics fixed.
 *
 * Why this form: the engine's BatchNorm keeps no running statistics; it always normalises with the
 * statistics of the batch at hand (layers.ts). Scoring validation batches that way would normalise
 * them with their own statistics (transductive, and dependent on how the split is batched), and
 * not with statistics of the training distribution as PyTorch's eval mode does. So recalibration
 * here is PyTorch's `reset_running_stats()` with `momentum = None` followed by forward passes in
 * train mode: each BatchNorm on the path records the mean and the unbiased variance of every
 * calibration batch (while still normalising with them, as train mode does), their averages become
 * its statistics, and evaluation normalises every example with those. Layers off the path are never
 * run, so they record nothing and cannot leak statistics of other paths into the subnet.
 */
import * as tf from '@tensorflow/tfjs';
import type { DataSplit, InputShape } from '../core/experiment/spec';
import type { Rng } from '../core/random';
import { BN_EPSILON, columnMean } from './batch-norm';
import { createBatchStream, toDevice, type HostBatch } from './batches';

/** Per-channel statistics of one BatchNorm layer, each [1, channels]. */
interface Moments {
  readonly mean: tf.Tensor;
  readonly variance: tf.Tensor;
}

/** Running sums while recording: per layer, sums of batch means and unbiased variances. */
interface Sums {
  mean: tf.Tensor;
  variance: tf.Tensor;
  batches: number;
}

type Mode =
  | { readonly kind: 'record'; readonly sums: Map<number, Sums> }
  | { readonly kind: 'fixed'; readonly stats: BnStatistics };

/** The mode BatchNorm layers run in; null: batch statistics (training, the DARTS search). */
let mode: Mode | null = null;
let layerCount = 0;

/** A process-wide unique id for a new BatchNorm layer (the key of its recalibrated statistics). */
export function batchNormId(): number {
  layerCount += 1;
  return layerCount;
}

/** Recalibrated statistics of one subnet: keyed by BatchNorm layer. Dispose when done. */
export interface BnStatistics {
  /** Number of BatchNorm layers that ran on the calibrated path. */
  readonly layers: number;
  /** Calibration batches averaged. */
  readonly batches: number;
  /** The statistics of layer `id`, or undefined when it did not run on the calibrated path. */
  get(id: number): Moments | undefined;
  dispose(): void;
}

/** Records the batch statistics of layer `id` and normalises `x` with them (train mode). */
function record(sums: Map<number, Sums>, id: number, x: tf.Tensor): tf.Tensor {
  const c = x.shape[x.rank - 1] ?? 1;
  const x2 = tf.reshape(x, [-1, c]) as tf.Tensor2D;
  const n = x2.shape[0];
  const mean = columnMean(x2);
  const centred = tf.sub(x2, mean) as tf.Tensor2D;
  const biased = columnMean(tf.square(centred) as tf.Tensor2D);
  const unbiased = (n > 1 ? tf.mul(biased, n / (n - 1)) : biased) as tf.Tensor2D;
  const prev = sums.get(id);
  if (prev === undefined) {
    sums.set(id, { mean: tf.keep(mean), variance: tf.keep(unbiased), batches: 1 });
  } else {
    const next = {
      mean: tf.keep(tf.add(prev.mean, mean)),
      variance: tf.keep(tf.add(prev.variance, unbiased)),
    };
    tf.dispose([prev.mean, prev.variance]);
    sums.set(id, { ...next, batches: prev.batches + 1 });
  }
  return tf.reshape(tf.mul(centred, tf.rsqrt(tf.add(biased, BN_EPSILON))), x.shape);
}

/**
 * BatchNorm layer `id` on `x` under the current mode: recording, or normalising with the layer's
 * recalibrated statistics; null when no mode is active (the caller uses batch statistics).
 */
export function normaliseWithStatistics(id: number, x: tf.Tensor): tf.Tensor | null {
  if (mode === null) return null;
  if (mode.kind === 'record') return record(mode.sums, id, x);
  const m = mode.stats.get(id);
  if (m === undefined) {
    throw new Error('A BatchNorm layer ran that was not on the recalibrated path.');
  }
  const c = x.shape[x.rank - 1] ?? 1;
  const x2 = tf.reshape(x, [-1, c]);
  return tf.reshape(tf.mul(tf.sub(x2, m.mean), tf.rsqrt(tf.add(m.variance, BN_EPSILON))), x.shape);
}

/** Runs `f` synchronously with BatchNorm in `next`, restoring the previous mode after. */
function inMode<T>(next: Mode, f: () => T): T {
  const saved = mode;
  mode = next;
  try {
    return f();
  } finally {
    mode = saved;
  }
}

/**
 * Recalibrates: runs `forward` (one subnet's logits; no gradients are taken) on each calibration
 * batch, every BatchNorm on its path recording the batch mean and unbiased variance, and returns
 * their averages over the batches. Throws on an empty calibration set.
 */
export function recalibrate(
  forward: (x: tf.Tensor) => tf.Tensor,
  batches: readonly HostBatch[],
  input: InputShape,
): BnStatistics {
  if (batches.length === 0) throw new Error('BatchNorm recalibration needs at least one batch.');
  const sums = new Map<number, Sums>();
  try {
    for (const host of batches) {
      const b = toDevice(host, input);
      try {
        tf.tidy(() => {
          inMode({ kind: 'record', sums }, () => forward(b.x));
        });
      } finally {
        tf.dispose([b.x, b.y]);
      }
    }
  } catch (err) {
    for (const s of sums.values()) tf.dispose([s.mean, s.variance]);
    throw err;
  }
  const stats = new Map<number, Moments>();
  for (const [id, s] of sums) {
    const m = tf.tidy(() => ({
      mean: tf.div(s.mean, s.batches),
      variance: tf.div(s.variance, s.batches),
    }));
    tf.dispose([s.mean, s.variance]);
    stats.set(id, m);
  }
  return {
    layers: stats.size,
    batches: batches.length,
    get: (id) => stats.get(id),
    dispose() {
      for (const m of stats.values()) tf.dispose([m.mean, m.variance]);
      stats.clear();
    },
  };
}

/** Runs `f` synchronously with every BatchNorm normalising with `stats` (PyTorch eval mode). */
export function withStatistics<T>(stats: BnStatistics, f: () => T): T {
  return inMode({ kind: 'fixed', stats }, f);
}

/** `count` seeded training batches of `batchSize` for recalibration (fewer examples when the split is smaller). */
export function calibrationBatches(
  split: DataSplit,
  input: InputShape,
  batchSize: number,
  count: number,
  rng: Rng,
): HostBatch[] {
  const stream = createBatchStream(split, input, batchSize, rng);
  const perPass = Math.max(1, Math.ceil(split.count / batchSize));
  return Array.from({ length: Math.min(count, perPass) }, () => stream.next());
}
