import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it } from 'vitest';
import { DARTS_OPTIONS } from '../core/experiment/defaults';
import type { DartsStrategySpec, InputShape } from '../core/experiment/spec';
import { createRng } from '../core/random';
import { presetSpace, type PresetName } from '../core/search-space/presets';
import type { MacroSpec, SearchSpaceSpec } from '../core/search-space/types';
import { createDartsTrainer, type Batch } from './darts/trainer';
import { useFusedPath } from './fusion';
import { crossEntropy } from './loss';
import { initNodeBackend } from './node-backend';
import { buildSupernet, type Supernet } from './supernet';

const INPUT: InputShape = { kind: 'image', height: 8, width: 8, channels: 3 };
const CLASSES = 4;

/** Small skeletons; the DARTS one preprocesses every cell input (stem multiplier 2), as DARTS's skeleton does. */
const MACROS: Record<'nb201' | 'darts', MacroSpec> = {
  nb201: { channels: 4, stemMultiplier: 1, stages: 3, cellsPerStage: 1, reduction: 'residual' },
  darts: { channels: 4, stemMultiplier: 2, stages: 2, cellsPerStage: 1, reduction: 'cell' },
};

const STRATEGY: DartsStrategySpec = {
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

function space(preset: 'nb201' | 'darts'): SearchSpaceSpec {
  return { ...presetSpace(preset as PresetName), macro: MACROS[preset] };
}

function randomBatch(seed: number): Batch {
  const rng = createRng(seed);
  const n = STRATEGY.batchSize;
  const x = Float32Array.from({ length: n * 8 * 8 * 3 }, () => rng.normal());
  const y = Int32Array.from({ length: n }, () => rng.int(CLASSES));
  return { x: tf.tensor4d(x, [n, 8, 8, 3]), y: tf.tensor1d(y, 'int32') };
}

/** max |a - b| / max |b|. */
function relError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < b.length; i++) {
    num = Math.max(num, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
    den = Math.max(den, Math.abs(b[i] ?? 0));
  }
  return num / Math.max(den, 1e-12);
}

/** Loss and the gradient of every weight and alpha, on the fused or the reference path. */
async function lossAndGrads(net: Supernet, b: Batch, fused: boolean): Promise<Float32Array[]> {
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

/** Every variable's values, in order. */
async function values(net: Supernet): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  for (const v of [...net.weights, ...net.alphaVariables])
    out.push((await v.data()) as Float32Array);
  return out;
}

for (const backend of ['cpu', 'wasm'] as const) {
  for (const preset of ['nb201', 'darts'] as const) {
    describe(`the fused path on ${backend}, ${preset} supernet`, () => {
      afterEach(() => useFusedPath(true));

      it('gives the reference path’s loss and gradients of weights and alphas', async () => {
        await initNodeBackend(backend);
        const net = buildSupernet(space(preset), INPUT, CLASSES, createRng(3));
        const b = randomBatch(4);
        const fused = await lossAndGrads(net, b, true);
        const reference = await lossAndGrads(net, b, false);
        expect(fused).toHaveLength(reference.length);
        fused.forEach((a, i) => {
          const ref = reference[i] as Float32Array;
          if (ref.every((v) => v === 0)) expect(a.every((v) => v === 0)).toBe(true);
          else expect(relError(a, ref)).toBeLessThan(1e-5);
        });
        net.dispose();
        tf.dispose([b.x, b.y]);
      }, 120_000);

      it('takes the reference path’s DARTS steps without leaking tensors', async () => {
        await initNodeBackend(backend);
        const train = randomBatch(5);
        const valid = randomBatch(6);
        const runSteps = async (
          fused: boolean,
        ): Promise<{ stats: Float32Array[]; after: Float32Array[]; counts: number[] }> => {
          useFusedPath(fused);
          const net = buildSupernet(space(preset), INPUT, CLASSES, createRng(3));
          const trainer = createDartsTrainer(net, STRATEGY);
          const stats: Float32Array[] = [];
          const counts: number[] = [];
          for (let i = 0; i < 3; i++) {
            const s = trainer.step(train, valid, STRATEGY.weightLr);
            stats.push((await s.data()) as Float32Array);
            s.dispose();
            counts.push(tf.memory().numTensors);
          }
          const after = await values(net);
          trainer.dispose();
          net.dispose();
          return { stats, after, counts };
        };
        const fused = await runSteps(true);
        const reference = await runSteps(false);
        // Optimiser state appears at the first step; from then on the count stays flat.
        expect(fused.counts[2]).toBe(fused.counts[1]);
        fused.stats.forEach((s, i) => {
          const ref = reference.stats[i] as Float32Array;
          expect(relError(s.subarray(0, 1), ref.subarray(0, 1))).toBeLessThan(1e-5);
          expect(relError(s.subarray(2, 3), ref.subarray(2, 3))).toBeLessThan(1e-5);
        });
        fused.after.forEach((a, i) => {
          expect(relError(a, reference.after[i] as Float32Array)).toBeLessThan(1e-5);
        });
        tf.dispose([train.x, train.y, valid.x, valid.y]);
      }, 300_000);
    });
  }
}
