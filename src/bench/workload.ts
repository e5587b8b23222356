/**
 * The benchmark workload, shared by the Node half and the bench page: the engine's supernet over the
 * NAS-Bench-201 cell (16 channels, 3 stages of one cell, residual reductions) and one first-order
 * DARTS step of the engine's trainer (alpha step, then weight step) on fixed seeded batches.
 */
import * as tf from '@tensorflow/tfjs';
import type { DartsStrategySpec, InputShape } from '../core/experiment/spec';
import { DARTS_OPTIONS } from '../core/experiment/defaults';
import { createRng } from '../core/random';
import { presetSpace } from '../core/search-space/presets';
import type { SearchSpaceSpec } from '../core/search-space/types';
import { createDartsTrainer, type Batch } from '../engine/darts/trainer';
import { buildSupernet, type SupernetOptions } from '../engine/supernet';

/** Batch size, input side and class count of the benchmark. */
export const BENCH_BATCH = 64;
const SIDE = 16;
const CLASSES = 10;
const SEED = 1;
const INPUT: InputShape = { kind: 'image', height: SIDE, width: SIDE, channels: 3 };

/** One line naming what is timed. */
export const WORKLOAD_DESCRIPTION =
  `one first-order DARTS step (alpha step + weight step) of the NAS-Bench-201 supernet: 16 channels, ` +
  `3 stages of 1 cell, residual reductions; batch ${BENCH_BATCH} of ${SIDE}x${SIDE}x3 seeded random inputs, ${CLASSES} classes`;

/** The benchmark search space: the NB201 cell in a shallow skeleton. */
export function benchSpace(): SearchSpaceSpec {
  const space = presetSpace('nb201');
  return {
    ...space,
    macro: { channels: 16, stemMultiplier: 1, stages: 3, cellsPerStage: 1, reduction: 'residual' },
  };
}

/** DARTS hyper-parameters of the paper (REFERENCE.md), first order: the benchmark step's strategy. */
export const BENCH_DARTS: DartsStrategySpec = {
  kind: 'darts',
  order: 1,
  epochs: 1,
  batchSize: BENCH_BATCH,
  weightLr: 0.025,
  weightLrMin: 0.001,
  momentum: 0.9,
  weightDecay: 3e-4,
  gradClip: 5,
  alphaLr: 3e-4,
  alphaBeta1: 0.5,
  alphaBeta2: 0.999,
  alphaWeightDecay: 1e-3,
  ...DARTS_OPTIONS,
};

/** A built workload on the active backend. */
export interface BenchWorkload {
  /** Network weights (alphas excluded). */
  readonly paramCount: number;
  /** Runs one step to completion (its numbers read with `await data()`); resolves its ms. */
  step(): Promise<number>;
  /** Live tensors in this tfjs instance (a leak shows as growth between steps). */
  tensors(): number;
  /** Bytes of the live tensors in this tfjs instance. */
  bytes(): number;
  /** Runs one step under tf.profile and resolves the most bytes of live tensors at any moment of it. */
  peakBytes(): Promise<number>;
  dispose(): void;
}

/** The benchmark's input shape. */
export function benchInput(): InputShape {
  return INPUT;
}

/** A seeded random batch of the benchmark's shape on the device. */
export function randomBatch(rng: ReturnType<typeof createRng>): Batch {
  const x = new Float32Array(BENCH_BATCH * SIDE * SIDE * 3);
  for (let i = 0; i < x.length; i++) x[i] = rng.normal();
  const y = Int32Array.from({ length: BENCH_BATCH }, () => rng.int(CLASSES));
  return { x: tf.tensor4d(x, [BENCH_BATCH, SIDE, SIDE, 3]), y: tf.tensor1d(y, 'int32') };
}

/**
 * Builds the supernet (with `options`: PC-DARTS's partial channels and edge normalisation), its
 * trainer and two fixed batches (train, valid) on the active backend.
 */
export async function createBenchWorkload(options: SupernetOptions = {}): Promise<BenchWorkload> {
  await tf.ready();
  const rng = createRng(SEED);
  const net = buildSupernet(benchSpace(), INPUT, CLASSES, rng, options);
  const trainer = createDartsTrainer(net, BENCH_DARTS);
  const train = randomBatch(rng);
  const valid = randomBatch(rng);
  return {
    paramCount: net.paramCount,
    async step() {
      const started = performance.now();
      const stats = trainer.step(train, valid, BENCH_DARTS.weightLr);
      const values = await stats.data();
      stats.dispose();
      const ms = performance.now() - started;
      for (const v of values)
        if (!Number.isFinite(v)) throw new Error(`the step produced a non-finite value (${v})`);
      return ms;
    },
    tensors: () => tf.memory().numTensors,
    bytes: () => tf.memory().numBytes,
    async peakBytes() {
      let out: tf.Tensor | null = null;
      const info = await tf.profile(() => {
        out = trainer.step(train, valid, BENCH_DARTS.weightLr);
        return out;
      });
      tf.dispose(out ?? []);
      return info.peakBytes;
    },
    dispose() {
      trainer.dispose();
      net.dispose();
      tf.dispose([train.x, train.y, valid.x, valid.y]);
    },
  };
}
