import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../core/data/load';
import { defaultDataset } from '../../core/experiment/defaults';
import { createRng } from '../../core/random';
import { presetSpace } from '../../core/search-space/presets';
import type { SubnetPath } from '../../core/strategies/path';
import { createBatchStream, toDevice } from '../batches';
import { initNodeBackend } from '../node-backend';
import { microDarts, randomImages } from '../spaces.testkit';
import { createSposTrainer, trainSposSteps, type SposHyper } from './trainer';
import { buildSupernet } from '../supernet';

function hyper(totalSteps: number, weightLr = 0.05): SposHyper {
  return {
    weightLr,
    weightLrMin: 0.001,
    totalSteps,
    momentum: 0.9,
    weightDecay: 3e-4,
    gradClip: 5,
  };
}

const noMnist = (): Promise<Uint8Array> => Promise.reject(new Error('MNIST is not needed here.'));

describe('SPOS supernet training', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('keeps the tensor count flat over 50 sampled steps', async () => {
    const space = microDarts();
    const data = randomImages(6, 6, 1, 3, [32, 0, 0]);
    const net = buildSupernet(space, data.input, data.classes, createRng(1));
    const trainer = createSposTrainer(net, hyper(50));
    const stream = createBatchStream(data.train, data.input, 8, createRng(2));
    const rng = createRng(3);
    await trainSposSteps(trainer, space, stream, data.input, rng, 1);
    const after1 = tf.memory().numTensors;
    const reports = await trainSposSteps(trainer, space, stream, data.input, rng, 49);
    expect(tf.memory().numTensors).toBe(after1);
    expect(trainer.steps).toBe(50);
    expect(reports.every((r) => Number.isFinite(r.loss))).toBe(true);
    trainer.dispose();
    net.dispose();
  });

  it('updates only the weights on the path; the others keep their values and momentum', async () => {
    const space = microDarts();
    const data = randomImages(6, 6, 1, 3, [16, 0, 0]);
    const net = buildSupernet(space, data.input, data.classes, createRng(1));
    const trainer = createSposTrainer(net, hyper(10));
    const path: SubnetPath = { normal: [3, 1], reduce: [3, 3] };
    const own = net.opVariables('normal', 0, 3);
    const other = net.opVariables('normal', 1, 3);
    const snapshot = (vs: tf.Variable[]): Promise<Float32Array[]> =>
      Promise.all(vs.map(async (v) => (await v.data()) as Float32Array));
    const [ownBefore, otherBefore] = [await snapshot(own), await snapshot(other)];
    const batch = toDevice(
      { x: data.train.x, y: data.train.y, count: data.train.count },
      data.input,
    );
    for (let i = 0; i < 2; i++) trainer.step(batch, path).dispose();
    tf.dispose([batch.x, batch.y]);
    const [ownAfter, otherAfter] = [await snapshot(own), await snapshot(other)];
    expect(ownAfter.some((w, i) => w.some((v, j) => v !== ownBefore[i]?.[j]))).toBe(true);
    otherAfter.forEach((w, i) => expect(Array.from(w)).toEqual(Array.from(otherBefore[i] ?? [])));
    const velocity = net.weights.indexOf(other[0] as tf.Variable);
    const v = await (trainer.sgd.velocity[velocity] as tf.Variable).data();
    expect(Array.from(v).every((x) => x === 0)).toBe(true);
    trainer.dispose();
    net.dispose();
  });

  it('lowers the training loss of the teaching supernet on circles, the same at the same seed', async () => {
    const space = presetSpace('teaching');
    const data = await loadDataset({ ...defaultDataset('circles'), samples: 400 }, 1, noMnist);
    const run = async (): Promise<number[]> => {
      const net = buildSupernet(space, data.input, data.classes, createRng(7));
      const trainer = createSposTrainer(net, hyper(120, 0.1));
      const stream = createBatchStream(data.train, data.input, 32, createRng(8));
      const reports = await trainSposSteps(trainer, space, stream, data.input, createRng(9), 120);
      trainer.dispose();
      net.dispose();
      return reports.map((r) => r.loss);
    };
    const losses = await run();
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(losses.slice(-20))).toBeLessThan(mean(losses.slice(0, 20)) - 0.1);
    expect(await run()).toEqual(losses);
  });
});
