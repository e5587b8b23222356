import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from './node-backend';
import {
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
      x -= (0.1 * (m / (1 - 0.5 ** t))) / (Math.sqrt(v / (1 - 0.999 ** t)) + 1e-7);
    });
    expect((await a.data())[0]).toBeCloseTo(x, 5);
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
