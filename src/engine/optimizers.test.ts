import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from './node-backend';
import {
  ADAM_EPSILON,
  clipByGlobalNorm,
  cosineLr,
  createAdam,
  createMomentumSgd,
  globalNorm,
} from './optimizers';

describe('optimisers (PyTorch semantics)', () => {
  beforeAll(async () => {
    await initNodeBackend('cpu');
  });

  it('SGD: v = mu*v + g + wd*w; w -= lr*v', async () => {
    const w = tf.variable(tf.tensor1d([1, -2]));
    const sgd = createMomentumSgd([w], 0.9, 0.1);
    let ew = [1, -2];
    let ev = [0, 0];
    for (const g of [
      [0.5, 1],
      [-1, 2],
    ]) {
      tf.tidy(() => sgd.step([tf.tensor1d(g)], 0.2));
      ev = ev.map((v, i) => 0.9 * v + (g[i] ?? 0) + 0.1 * (ew[i] ?? 0));
      ew = ew.map((x, i) => x - 0.2 * (ev[i] ?? 0));
    }
    const got = Array.from(await w.data());
    ew.forEach((x, i) => expect(got[i]).toBeCloseTo(x, 6));
    sgd.dispose();
    w.dispose();
  });

  it('Adam with L2 weight decay and bias correction', async () => {
    const a = tf.variable(tf.tensor1d([0.5]));
    const adam = createAdam([a], { lr: 0.1, beta1: 0.5, beta2: 0.999, weightDecay: 0.01 });
    let x = 0.5;
    let m = 0;
    let v = 0;
    const grads = [0.3, -0.2, 0.05];
    grads.forEach((g0, k) => {
      tf.tidy(() => adam.step([tf.tensor1d([g0])]));
      const t = k + 1;
      const g = g0 + 0.01 * x;
      m = 0.5 * m + 0.5 * g;
      v = 0.999 * v + 0.001 * g * g;
      x -= (0.1 * (m / (1 - 0.5 ** t))) / (Math.sqrt(v / (1 - 0.999 ** t)) + 1e-8);
    });
    expect((await a.data())[0]).toBeCloseTo(x, 5);
    adam.dispose();
    a.dispose();
  });

  it("Adam's epsilon is PyTorch's 1e-8: a small gradient takes DARTS's architect step", async () => {
    expect(ADAM_EPSILON).toBe(1e-8);
    // DARTS's alpha optimiser: lr 3e-4, betas (0.5, 0.999), weight decay 1e-3, from alpha = 0.
    // PyTorch: p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps).
    // Step 1, g = 1e-6: m / (1 - b1) = 1e-6, sqrt(v / (1 - b2)) = 1e-6, so
    //   p = -3e-4 * 1e-6 / (1e-6 + 1e-8) = -2.97029703e-4 (eps 1e-7 would give -2.72727273e-4).
    // Step 2, g = -2e-6 + 1e-3 * p = -2.29702970e-6: m = -8.98514851e-7, v = 6.27534556e-15,
    //   p += 3e-4 / 0.75 * 8.98514851e-7 / (sqrt(v / 0.001999) + 1e-8) = -9.53191783e-5, as
    //   torch.optim.Adam(eps=1e-8) gives in float64 (eps 1e-7: -8.17050366e-5).
    const a = tf.variable(tf.tensor1d([0]));
    const adam = createAdam([a], { lr: 3e-4, beta1: 0.5, beta2: 0.999, weightDecay: 1e-3 });
    const after: number[] = [];
    for (const g of [1e-6, -2e-6]) {
      tf.tidy(() => adam.step([tf.tensor1d([g])]));
      after.push((await a.data())[0] ?? Number.NaN);
    }
    const [one = Number.NaN, two = Number.NaN] = after;
    expect(Math.abs(one - -2.97029703e-4)).toBeLessThan(1e-6 * 2.97e-4);
    expect(Math.abs(two - -9.53191783e-5)).toBeLessThan(1e-5 * 9.53e-5);
    adam.dispose();
    a.dispose();
  });

  it('clips by global norm only when the norm exceeds the limit', async () => {
    const out = tf.tidy(() => {
      const g = [tf.tensor1d([3, 0]), tf.tensor1d([0, 4])];
      return [globalNorm(g), ...clipByGlobalNorm(g, 1), ...clipByGlobalNorm(g, 10)];
    });
    const [norm, c1, c2, k1, k2] = await Promise.all(out.map((t) => t.data()));
    expect(norm?.[0]).toBeCloseTo(5, 5);
    expect(Array.from(c1 ?? [])[0]).toBeCloseTo(0.6, 5);
    expect(Array.from(c2 ?? [])[1]).toBeCloseTo(0.8, 5);
    expect(Array.from(k1 ?? [])).toEqual([3, 0]);
    expect(Array.from(k2 ?? [])).toEqual([0, 4]);
    tf.dispose(out);
  });

  it('anneals the learning rate on a cosine from max to min', () => {
    expect(cosineLr(0, 100, 0.025, 0.001)).toBeCloseTo(0.025, 10);
    expect(cosineLr(50, 100, 0.025, 0.001)).toBeCloseTo(0.013, 10);
    expect(cosineLr(99, 100, 0.025, 0.001)).toBeGreaterThan(0.001);
    expect(cosineLr(99, 100, 0.025, 0.001)).toBeLessThan(0.0011);
  });
});
