import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import { BN_EPSILON, batchNormalise, composedBatchNormalise } from '../batch-norm';
import { useFusedPath } from '../fusion';
import { initNodeBackend } from '../node-backend';
import { fusedWeightedSum, hasFusedKernels } from './fused';

function randomTensor(shape: number[], seed: number, offset = 0): tf.Tensor {
  const rng = createRng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(
    Float32Array.from({ length: n }, () => rng.normal() * 2 + offset),
    shape,
  );
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

/** BatchNorm over the last axis in float64: the exact answer both paths are held to. */
function batchNormReference(x: Float32Array, c: number): Float64Array {
  const m = x.length / c;
  const y = new Float64Array(x.length);
  for (let ch = 0; ch < c; ch++) {
    let s = 0;
    for (let i = ch; i < x.length; i += c) s += x[i] as number;
    const mean = s / m;
    let q = 0;
    for (let i = ch; i < x.length; i += c) q += ((x[i] as number) - mean) ** 2;
    const r = 1 / Math.sqrt(q / m + BN_EPSILON);
    for (let i = ch; i < x.length; i += c) y[i] = ((x[i] as number) - mean) * r;
  }
  return y;
}

/** Value and gradient of sum(f(x) * r) with respect to x. */
async function valueAndGrad(
  f: (x: tf.Tensor) => tf.Tensor,
  x: tf.Tensor,
  r: tf.Tensor,
): Promise<[Float32Array, Float32Array]> {
  const y = tf.tidy(() => f(x));
  const g = tf.tidy(() => tf.grad((a: tf.Tensor) => tf.sum(tf.mul(f(a), r)))(x));
  const out: [Float32Array, Float32Array] = [
    (await y.data()) as Float32Array,
    (await g.data()) as Float32Array,
  ];
  tf.dispose([y, g]);
  return out;
}

const SHAPES: [string, number[], number][] = [
  ['NHWC feature maps', [4, 5, 5, 3], 0],
  ['NHWC with a large channel offset', [2, 6, 6, 8], 5],
  ['a [rows, features] matrix', [7, 4], -1],
  ['one example (a single row per batch)', [1, 3, 3, 2], 0],
];

for (const backend of ['cpu', 'wasm'] as const) {
  describe(`fused kernels on ${backend}`, () => {
    afterEach(() => useFusedPath(true));

    it('are registered for the backend', async () => {
      await initNodeBackend(backend);
      expect(hasFusedKernels()).toBe(true);
    });

    for (const [name, shape, offset] of SHAPES) {
      it(`BatchNorm of ${name} equals the float64 answer and the composed path, value and gradient`, async () => {
        await initNodeBackend(backend);
        const x = randomTensor(shape, 11, offset);
        const r = randomTensor(shape, 12);
        const before = tf.memory().numTensors;
        const [y, gx] = await valueAndGrad(batchNormalise, x, r);
        const [yRef, gRef] = await valueAndGrad(composedBatchNormalise, x, r);
        const exact = batchNormReference((await x.data()) as Float32Array, shape.at(-1) ?? 1);
        expect(relError(y, exact)).toBeLessThan(1e-5);
        expect(relError(y, yRef)).toBeLessThan(1e-5);
        expect(relError(gx, gRef)).toBeLessThan(1e-5);
        expect(tf.memory().numTensors).toBe(before);
        tf.dispose([x, r]);
      });
    }

    it('the weighted sum equals products and addN, value and gradients of terms and weights', async () => {
      await initNodeBackend(backend);
      const shape = [3, 4, 4, 5];
      const terms = [0, 1, 2, 3].map((i) => randomTensor(shape, 20 + i));
      const w = tf.tensor1d([0.1, 0.4, -0.3, 0.8]);
      const r = randomTensor(shape, 30);
      const before = tf.memory().numTensors;
      const composed = (ts: tf.Tensor[], v: tf.Tensor): tf.Tensor =>
        tf.addN(ts.map((t, i) => tf.mul(t, tf.slice(v, i, 1).reshape([]))));
      const run = async (
        f: (ts: tf.Tensor[], v: tf.Tensor) => tf.Tensor,
      ): Promise<Float32Array[]> => {
        const value = tf.tidy(() => f(terms, w));
        const grads = tf.tidy(() =>
          tf.grads((...args: tf.Tensor[]) => {
            const v = args[args.length - 1] as tf.Tensor;
            return tf.sum(tf.mul(f(args.slice(0, -1), v), r));
          })([...terms, w]),
        );
        const out = [(await value.data()) as Float32Array];
        for (const g of grads) out.push((await g.data()) as Float32Array);
        tf.dispose([value, ...grads]);
        return out;
      };
      const fused = await run((ts, v) => fusedWeightedSum(ts, v as tf.Tensor1D));
      const reference = await run(composed);
      expect(fused).toHaveLength(reference.length);
      fused.forEach((a, i) => expect(relError(a, reference[i] as Float32Array)).toBeLessThan(1e-5));
      expect(tf.memory().numTensors).toBe(before);
      tf.dispose([...terms, w, r]);
    });
  });
}
