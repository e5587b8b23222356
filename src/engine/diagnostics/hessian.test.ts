import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../core/data/load';
import { defaultExperiment } from '../../core/experiment/defaults';
import { createRng } from '../../core/random';
import { toDevice } from '../batches';
import { createDartsTrainer, type Batch } from '../darts';
import { initNodeBackend } from '../node-backend';
import { buildSupernet, type Supernet } from '../supernet';
import { testStrategy } from '../spaces.testkit';
import {
  dominantAlphaEigen,
  hessianProduct,
  powerIteration,
  readAlphas,
  type HessianProduct,
} from './hessian';

/** Eigenvalues of a symmetric matrix (rows of equal length) by cyclic Jacobi rotations. */
function jacobiEigenvalues(m: number[][]): number[] {
  const n = m.length;
  const a = m.map((row) => [...row]);
  const at = (i: number, j: number): number => a[i]?.[j] ?? 0;
  const set = (i: number, j: number, v: number): void => {
    const row = a[i];
    if (row) row[j] = v;
  };
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += at(i, j) ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(at(p, q)) < 1e-300) continue;
        const theta = (at(q, q) - at(p, p)) / (2 * at(p, q));
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = at(k, p);
          const akq = at(k, q);
          set(k, p, c * akp - s * akq);
          set(k, q, s * akp + c * akq);
        }
        for (let k = 0; k < n; k++) {
          const apk = at(p, k);
          const aqk = at(q, k);
          set(p, k, c * apk - s * aqk);
          set(q, k, s * apk + c * aqk);
        }
      }
    }
  }
  return Array.from({ length: n }, (_, i) => at(i, i));
}

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
    const largest = Math.max(...jacobiEigenvalues(explicit));
    expect(largest).toBeGreaterThan(0);
    const before = tf.memory().numTensors;
    const found = await dominantAlphaEigen(net, batches, {
      maxIterations: 200,
      tolerance: 1e-5,
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
    const diag = [-5, 2, 1, 0.5];
    const product: HessianProduct = (v) => Promise.resolve(v.map((x, i) => (diag[i] ?? 0) * x));
    const plain = await powerIteration(product, 4, {
      maxIterations: 500,
      tolerance: 1e-9,
      rng: createRng(1),
    });
    expect(plain.value).toBeCloseTo(-5, 6);
    const shifted = await powerIteration(
      product,
      4,
      { maxIterations: 500, tolerance: 1e-9, rng: createRng(1) },
      plain.value,
    );
    expect(shifted.value).toBeCloseTo(2, 4);
  });

  it('starting from the eigenvector it converges at once', async () => {
    const diag = [3, 1, 0.5];
    const product: HessianProduct = (v) => Promise.resolve(v.map((x, i) => (diag[i] ?? 0) * x));
    const r = await powerIteration(product, 3, {
      maxIterations: 50,
      tolerance: 1e-6,
      start: Float64Array.from([1, 0, 0]),
      rng: createRng(1),
    });
    expect(r.value).toBeCloseTo(3, 9);
    expect(r.products).toBe(2);
  });
});
