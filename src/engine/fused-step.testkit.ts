/**
 * The fused path against the reference path on whole steps, for any backend: small supernets, a
 * seeded batch, the loss and every gradient of one forward pass, and a few DARTS steps. Shared by
 * the unit tests (cpu, wasm in Node) and the webgpu check in Chromium (e2e/webgpu-kernels).
 */
import * as tf from '@tensorflow/tfjs';
import { DARTS_OPTIONS } from '../core/experiment/defaults';
import type { DartsStrategySpec, InputShape } from '../core/experiment/spec';
import { createRng } from '../core/random';
import { presetSpace, type PresetName } from '../core/search-space/presets';
import type { MacroSpec, SearchSpaceSpec } from '../core/search-space/types';
import { createDartsTrainer, type Batch } from './darts/trainer';
import { useFusedPath } from './fusion';
import { crossEntropy } from './loss';
import { buildSupernet, type Supernet } from './supernet';

/** The supernets the step checks run: NAS-Bench-201's cell (4 candidates) and DARTS's (7 computed). */
export type StepPreset = 'nb201' | 'darts';

const INPUT: InputShape = { kind: 'image', height: 8, width: 8, channels: 3 };
const CLASSES = 4;

/** Small skeletons; the DARTS one preprocesses every cell input (stem multiplier 2), as DARTS's skeleton does. */
const MACROS: Record<StepPreset, MacroSpec> = {
  nb201: { channels: 4, stemMultiplier: 1, stages: 3, cellsPerStage: 1, reduction: 'residual' },
  darts: { channels: 4, stemMultiplier: 2, stages: 2, cellsPerStage: 1, reduction: 'cell' },
};

/** First-order DARTS with the paper's hyper-parameters, batch 6. */
export const STEP_STRATEGY: DartsStrategySpec = {
  kind: 'darts',
  order: 1,
  epochs: 1,
  batchSize: 6,
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

function space(preset: StepPreset): SearchSpaceSpec {
  return { ...presetSpace(preset as PresetName), macro: MACROS[preset] };
}

/** The preset's small supernet, always from the same seed. */
export function buildStepNet(preset: StepPreset): Supernet {
  return buildSupernet(space(preset), INPUT, CLASSES, createRng(3));
}

/** A seeded batch of STEP_STRATEGY.batchSize 8x8x3 inputs and labels. */
export function randomStepBatch(seed: number): Batch {
  const rng = createRng(seed);
  const n = STEP_STRATEGY.batchSize;
  const x = Float32Array.from({ length: n * 8 * 8 * 3 }, () => rng.normal());
  const y = Int32Array.from({ length: n }, () => rng.int(CLASSES));
  return { x: tf.tensor4d(x, [n, 8, 8, 3]), y: tf.tensor1d(y, 'int32') };
}

/** max |a - b| / max |b|. */
export function relError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < b.length; i++) {
    num = Math.max(num, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
    den = Math.max(den, Math.abs(b[i] ?? 0));
  }
  return num / Math.max(den, 1e-12);
}

/** Loss and the gradient of every weight and alpha, on the fused or the reference path. */
export async function lossAndGrads(
  net: Supernet,
  b: Batch,
  fused: boolean,
): Promise<Float32Array[]> {
  useFusedPath(fused);
  const vars = [...net.weights, ...net.alphaVariables];
  const { value, grads } = tf.tidy(() =>
    tf.variableGrads(() => crossEntropy(net.forward(b.x), b.y), vars),
  );
  const out = [(await value.data()) as Float32Array];
  for (const v of vars) {
    const g = grads[v.name];
    if (g === undefined) throw new Error(`No gradient for ${v.name}.`);
    out.push((await g.data()) as Float32Array);
  }
  tf.dispose([value, ...Object.values(grads)]);
  return out;
}

/**
 * Per array, the relative error of `a` against `reference`; an all-zero reference gives 0 when
 * `a` is all zero too, and Infinity otherwise.
 */
export function errorsAgainst(
  a: readonly Float32Array[],
  reference: readonly Float32Array[],
): number[] {
  if (a.length !== reference.length)
    throw new Error('The two paths gave different numbers of arrays.');
  return a.map((x, i) => {
    const ref = reference[i] as Float32Array;
    if (ref.every((v) => v === 0)) return x.every((v) => v === 0) ? 0 : Infinity;
    return relError(x, ref);
  });
}

/** What a few DARTS steps gave: each step's stats, every variable after the last, the tensor count after each. */
export interface StepRun {
  readonly stats: Float32Array[];
  readonly after: Float32Array[];
  readonly counts: number[];
}

/** Runs `steps` first-order DARTS steps of a fresh supernet on fixed batches, on the fused or the reference path. */
export async function runDartsSteps(
  preset: StepPreset,
  fused: boolean,
  steps: number,
): Promise<StepRun> {
  useFusedPath(fused);
  const train = randomStepBatch(5);
  const valid = randomStepBatch(6);
  const net = buildStepNet(preset);
  const trainer = createDartsTrainer(net, STEP_STRATEGY);
  const stats: Float32Array[] = [];
  const counts: number[] = [];
  for (let i = 0; i < steps; i++) {
    const s = trainer.step(train, valid, STEP_STRATEGY.weightLr);
    stats.push((await s.data()) as Float32Array);
    s.dispose();
    counts.push(tf.memory().numTensors);
  }
  const after: Float32Array[] = [];
  for (const v of [...net.weights, ...net.alphaVariables])
    after.push((await v.data()) as Float32Array);
  trainer.dispose();
  net.dispose();
  tf.dispose([train.x, train.y, valid.x, valid.y]);
  return { stats, after, counts };
}
