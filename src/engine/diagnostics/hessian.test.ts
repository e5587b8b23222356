import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../core/data/load';
import { defaultExperiment } from '../../core/experiment/defaults';
import { createRng } from '../../core/random';
import { toDevice } from '../batches';
import { createDartsTrainer, type Batch } from '../darts/trainer';
import { initNodeBackend } from '../node-backend';
import { buildSupernet, type Supernet } from '../supernet';
import { testStrategy } from '../spaces.testkit';
import {
  hessianProduct,
  lanczosLargest,
  largestAlphaEigen,
  readAlphas,
  symmetricEigenvalues,
  type HessianProduct,
} from './hessian';

/** The explicit finite-difference Hessian: column i is the product with the i-th unit vector; symmetrised. */
async function explicitHessian(product: HessianProduct, size: number): Promise<number[][]> {
  const cols: Float64Array[] = [];
  for (let i = 0; i < size; i++) {
    const e = new Float64Array(size);
    e[i] = 1;
    cols.push(await product(e));
  }
  return Array.from({ length: size }, (_, i) =>
    Array.from({ length: size }, (_, j) => ((cols[j]?.[i] ?? 0) + (cols[i]?.[j] ?? 0)) / 2),
  );
}

describe('dominant Hessian eigenvalue of the validation loss in the alphas', () => {
  let net: Supernet;
  let batches: Batch[];

  beforeAll(async () => {
    await initNodeBackend('cpu');
    const spec = defaultExperiment('teaching', 'xor', 3);
    const data = await loadDataset({ ...spec.dataset, samples: 120 }, 3, () =>
      Promise.reject(new Error('no MNIST')),
    );
    net = buildSupernet(spec.space, data.input, data.classes, createRng(3));
    const trainer = createDartsTrainer(net, { ...testStrategy(1), alphaLr: 0.1, weightLr: 0.3 });
    const train = toDevice(
      { x: data.train.x, y: data.train.y, count: data.train.count },
      data.input,
    );
    const valid = toDevice(
      { x: data.valid.x, y: data.valid.y, count: data.valid.count },
      data.input,
    );
    // Train a little so the alphas sit away from their near-zero start and the Hessian has shape.
    for (let i = 0; i < 30; i++) trainer.step(train, valid, 0.3).dispose();
    trainer.dispose();
    tf.dispose([train.x, train.y]);
    batches = [valid];
  });

  it('equals the largest eigenvalue of the explicit finite-difference Hessian within 2%', async () => {
    const alphas = await readAlphas(net);
    const product = hessianProduct(net, alphas, batches, 1e-3);
    const explicit = await explicitHessian(product, alphas.length);
    const largest = Math.max(...symmetricEigenvalues(explicit));
    expect(largest).toBeGreaterThan(0);
    const before = tf.memory().numTensors;
    const found = await largestAlphaEigen(net, batches, {
      maxIterations: alphas.length,
      tolerance: 1e-6,
      epsilon: 1e-3,
      rng: createRng(9),
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(Math.abs(found.value - largest) / largest).toBeLessThan(0.02);
    expect(found.converged).toBe(true);
    // The alphas are back exactly as they were.
    expect(Array.from(await readAlphas(net))).toEqual(Array.from(alphas));
  });

  it('finds the largest eigenvalue, not the largest in magnitude, of an operator with a negative one', async () => {
    const diag = [-5, 2, 1, 0.5, -4.5];
    const product: HessianProduct = (v) => Promise.resolve(v.map((x, i) => (diag[i] ?? 0) * x));
    const r = await lanczosLargest(product, 5, {
      maxIterations: 5,
      tolerance: 0,
      rng: createRng(1),
    });
    expect(r.value).toBeCloseTo(2, 9);
    expect(Math.abs(r.vector[1] ?? 0)).toBeCloseTo(1, 6);
  });

  it('matches the dense eigenvalues of a random symmetric operator, and converges at once from its eigenvector', async () => {
    const rng = createRng(5);
    const n = 24;
    const a = Array.from({ length: n }, () => Array.from({ length: n }, () => rng.normal()));
    const m = a.map((row, i) => row.map((x, j) => (x + (a[j]?.[i] ?? 0)) / 2));
    const product: HessianProduct = (v) =>
      Promise.resolve(
        Float64Array.from(m, (row) => row.reduce((s, x, j) => s + x * (v[j] ?? 0), 0)),
      );
    const largest = Math.max(...symmetricEigenvalues(m));
    const cold = await lanczosLargest(product, n, {
      maxIterations: n,
      tolerance: 0,
      rng: createRng(2),
    });
    expect(cold.value).toBeCloseTo(largest, 8);
    const warm = await lanczosLargest(product, n, {
      maxIterations: n,
      tolerance: 1e-9,
      start: cold.vector,
      rng: createRng(2),
    });
    expect(warm.value).toBeCloseTo(largest, 8);
    expect(warm.products).toBeLessThanOrEqual(3);
  });
});
