import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedDataset } from '../../core/experiment/spec';
import { createRng } from '../../core/random';
import { gather, toDevice, type HostBatch } from '../batches';
import { initNodeBackend } from '../node-backend';
import { buildSupernet } from '../supernet';
import { microDarts, randomImages, tinyDarts } from '../spaces.testkit';
import { testGdas } from './gdas.testkit';
import { hardWeights } from './hard-weights';
import { createGdasTrainer, sampledForward, type GdasSample } from './trainer';

const DATA = randomImages(8, 8, 3, 10, [16, 16, 0]);
const batchOf = (data: LoadedDataset, split: 'train' | 'valid', start: number): HostBatch =>
  gather(
    data[split],
    data.input,
    Array.from({ length: 8 }, (_, i) => (start + i) % data[split].count),
  );

/** softmax of `z`, in float64. */
const softmax = (z: readonly number[]): number[] => {
  const top = Math.max(...z);
  const e = z.map((v) => Math.exp(v - top));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
};

describe('GDAS on wasm', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('runs only the sampled op on each edge: the logits equal the sampled path’s exactly', async () => {
    const net = buildSupernet(tinyDarts(), DATA.input, DATA.classes, createRng(3));
    const trainer = createGdasTrainer(net, testGdas(), 17);
    const batch = toDevice(batchOf(DATA, 'train', 0), DATA.input);
    for (let step = 1; step <= 4; step++) {
      await trainer.prepare(step, 1);
      const sample = trainer.sample;
      if (sample === null) throw new Error('no sample');
      const path = {
        normal: sample.weights.normal?.chosen ?? [],
        reduce: sample.weights.reduce?.chosen ?? [],
      };
      const [gdas, single] = tf.tidy(() => [
        sampledForward(net, batch.x, sample.weights, sample.tau),
        net.forwardPath(batch.x, path),
      ]);
      expect(Array.from(await (gdas as tf.Tensor).data())).toEqual(
        Array.from(await (single as tf.Tensor).data()),
      );
      tf.dispose([gdas, single]);
    }
    tf.dispose([batch.x, batch.y]);
    trainer.dispose();
    net.dispose();
  });

  it('gives the logits the straight-through gradient on a hand-checked edge', async () => {
    // One edge of three ops whose outputs are the constants c; op 1 is sampled, so the edge gives
    // h1 * c1 and L = h1 * c1. With soft = softmax((log_softmax(a) + g) / tau), the estimator's
    // gradient is dL/da_i = c1 * soft_1 * ([i = 1] - soft_i) / tau (the log-softmax's own Jacobian
    // cancels because soft sums to 1).
    const a = [0.5, -0.2, 0.1];
    const g = [0.3, 1.2, -0.4];
    const tau = 2;
    const c = [4, -3, 7];
    const chosen = 1;
    const alphas = tf.variable(tf.tensor2d([a]), true, 'gdas_hand_alpha');
    const noise = tf.tensor2d([g]);
    const { value, grads } = tf.variableGrads(() => {
      const h = hardWeights(alphas, noise, [chosen], tau);
      const row = tf.reshape(h, [3]);
      expect(Array.from(row.dataSync())).toEqual([0, 1, 0]);
      // Only the sampled op is computed: the other ops contribute nothing (not even zeros times h).
      const onlySampled = c.map((v, i) => (i === chosen ? v : 0));
      return tf.sum(tf.mul(row, tf.tensor1d(onlySampled)));
    }, [alphas]);
    const logp = a.map((v) => v - Math.log(a.reduce((s, x) => s + Math.exp(x), 0)));
    const soft = softmax(logp.map((v, i) => (v + (g[i] ?? 0)) / tau));
    const s1 = soft[chosen] ?? 0;
    const expected = soft.map(
      (si, i) => ((c[chosen] ?? 0) * s1 * ((i === chosen ? 1 : 0) - si)) / tau,
    );
    expect(await value.data()).toEqual(new Float32Array([-3]));
    const got = Array.from(await (grads[alphas.name] as tf.Tensor).data());
    got.forEach((v, i) => expect(v).toBeCloseTo(expected[i] ?? Number.NaN, 6));
    // Worked by hand: log_softmax(a) = [-0.7733, -1.4733, -1.1733], soft = [0.3728, 0.4121,
    // 0.2151] (to 4 places), so with c1 = -3 the gradient is [0.230, -0.363, 0.133].
    expect(got.map((v) => Math.round(v * 1e3) / 1e3)).toEqual([0.23, -0.363, 0.133]);
    tf.dispose([alphas, noise, value, ...Object.values(grads)]);
  });

  it('moves the sampled paths’ alphas and leaves weights off the sampled path as they were', async () => {
    const net = buildSupernet(microDarts(), DATA.input, DATA.classes, createRng(3));
    const trainer = createGdasTrainer(net, testGdas(), 5);
    const before = await Promise.all(net.weights.map((w) => w.data()));
    const alphasBefore = await Promise.all(net.alphaVariables.map((a) => a.data()));
    await trainer.prepare(1, 1);
    const train = toDevice(batchOf(DATA, 'train', 0), DATA.input);
    const valid = toDevice(batchOf(DATA, 'valid', 0), DATA.input);
    const stats = trainer.step(train, valid, 0.025);
    const values = await stats.data();
    expect(values.every((v) => Number.isFinite(v))).toBe(true);
    const sample = trainer.sample as { weights: GdasSample };
    const after = await Promise.all(net.weights.map((w) => w.data()));
    // Weights of ops no edge sampled for the weight step: unchanged.
    const onPath = new Set<tf.Variable>();
    for (const role of ['normal', 'reduce'] as const)
      sample.weights[role]?.chosen.forEach((op, e) => {
        for (const v of net.opVariables(role, e, op)) onPath.add(v);
      });
    const offPath = new Set<tf.Variable>();
    for (const role of ['normal', 'reduce'] as const)
      for (let e = 0; e < 2; e++)
        for (let op = 0; op < 4; op++)
          for (const v of net.opVariables(role, e, op)) if (!onPath.has(v)) offPath.add(v);
    expect(offPath.size).toBeGreaterThan(0);
    net.weights.forEach((w, i) => {
      if (offPath.has(w)) expect(after[i]).toEqual(before[i]);
    });
    const alphasAfter = await Promise.all(net.alphaVariables.map((a) => a.data()));
    expect(alphasAfter).not.toEqual(alphasBefore);
    tf.dispose([stats, train.x, train.y, valid.x, valid.y]);
    trainer.dispose();
    net.dispose();
  });

  it('keeps the tensor count flat over 50 steps', async () => {
    const net = buildSupernet(microDarts(), DATA.input, DATA.classes, createRng(3));
    const trainer = createGdasTrainer(net, testGdas(), 9);
    const counts: number[] = [];
    for (let step = 1; step <= 50; step++) {
      await trainer.prepare(step, 1);
      const train = toDevice(batchOf(DATA, 'train', step * 8), DATA.input);
      const valid = toDevice(batchOf(DATA, 'valid', step * 8), DATA.input);
      const stats = trainer.step(train, valid, 0.025, step % 2 === 0);
      await stats.data();
      tf.dispose([stats, train.x, train.y, valid.x, valid.y]);
      counts.push(tf.memory().numTensors);
    }
    // Adam makes its moments on its first step (step 2 here): flat from then on.
    expect(new Set(counts.slice(1)).size).toBe(1);
    trainer.dispose();
    net.dispose();
  });
});
