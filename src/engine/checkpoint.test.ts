import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../core/random';
import { CHECKPOINT_VERSION, type RunCheckpoint } from '../core/run/checkpoint';
import { createBatchStream, toDevice } from './batches';
import {
  makeCheckpoint,
  readTensors,
  requireResumable,
  resumedStatus,
  writeTensors,
  type TrainedTensors,
} from './checkpoint';
import { createDartsTrainer, type DartsTrainer } from './darts/trainer';
import { initNodeBackend } from './node-backend';
import { createAdam } from './optimizers';
import { microDarts, randomImages, randomSplit, testStrategy } from './spaces.testkit';
import { buildSupernet, type Supernet } from './supernet';

const DATA = randomImages(4, 4, 1, 3, [16, 16, 0]);

/** A micro DARTS supernet and its trainer, initialised from `seed`, after `steps` search steps. */
async function trained(
  seed: number,
  steps: number,
): Promise<{ net: Supernet; trainer: DartsTrainer }> {
  const net = buildSupernet(microDarts(), DATA.input, DATA.classes, createRng(seed));
  const trainer = createDartsTrainer(net, testStrategy(1));
  const train = createBatchStream(DATA.train, DATA.input, 8, createRng(seed + 1));
  const valid = createBatchStream(DATA.valid, DATA.input, 8, createRng(seed + 2));
  for (let i = 0; i < steps; i++) {
    const t = toDevice(train.next(), DATA.input);
    const v = toDevice(valid.next(), DATA.input);
    const stats = trainer.step(t, v, 0.025);
    await stats.data();
    tf.dispose([stats, t.x, t.y, v.x, v.y]);
  }
  return { net, trainer };
}

const tensorsOf = ({ net, trainer }: { net: Supernet; trainer: DartsTrainer }): TrainedTensors => ({
  weights: net.weights,
  alphas: net.alphaVariables,
  velocity: trainer.sgd.velocity,
  adam: trainer.adam,
});

const dispose = (run: { net: Supernet; trainer: DartsTrainer }): void => {
  run.trainer.dispose();
  run.net.dispose();
};

describe('engine checkpoints', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('skipping batches draws the same shuffles as taking them, across passes and short last batches', () => {
    const split = randomSplit(12, 2, 3, 9);
    const input = { kind: 'vector', features: 2 } as const;
    for (let n = 0; n <= 7; n++) {
      const taken = createBatchStream(split, input, 5, createRng(4));
      const skipped = createBatchStream(split, input, 5, createRng(4));
      for (let i = 0; i < n; i++) taken.next();
      skipped.skip(n);
      for (let i = 0; i < 4; i++) expect(skipped.next()).toEqual(taken.next());
    }
  });

  it('writes a trained state into a fresh supernet and optimiser exactly, without new tensors', async () => {
    const source = await trained(1, 2);
    const saved = await readTensors(tensorsOf(source));
    expect(saved.adamT).toBe(2);
    expect(saved.weights).toHaveLength(source.net.weights.length);
    const buffers = new Set<ArrayBufferLike>();
    for (const r of [...saved.weights, ...saved.alphas, ...saved.velocity, ...saved.adamM]) {
      // Each record owns its whole buffer, so it can be transferred alone.
      expect(r.values.byteLength).toBe(r.values.buffer.byteLength);
      buffers.add(r.values.buffer);
    }
    expect(buffers.size).toBe(
      saved.weights.length + saved.alphas.length + saved.velocity.length + saved.adamM.length,
    );
    const target = await trained(7, 0);
    const before = tf.memory().numTensors;
    writeTensors(tensorsOf(target), saved);
    expect(tf.memory().numTensors).toBe(before);
    expect(await readTensors(tensorsOf(target))).toEqual(saved);
    // Both carry on identically from there.
    const next = async (run: { net: Supernet; trainer: DartsTrainer }): Promise<Float32Array> => {
      const first = (split: typeof DATA.train) =>
        toDevice(createBatchStream(split, DATA.input, 8, createRng(3)).next(), DATA.input);
      const t = first(DATA.train);
      const v = first(DATA.valid);
      const stats = run.trainer.step(t, v, 0.02);
      const values = await stats.data<'float32'>();
      tf.dispose([stats, t.x, t.y, v.x, v.y]);
      return values;
    };
    expect(await next(target)).toEqual(await next(source));
    expect(await readTensors(tensorsOf(target))).toEqual(await readTensors(tensorsOf(source)));
    dispose(source);
    dispose(target);
  });

  it('refuses a state that does not fit, naming the first difference and changing nothing', async () => {
    const source = await trained(1, 1);
    const saved = await readTensors(tensorsOf(source));
    const target = await trained(2, 0);
    const untouched = await readTensors(tensorsOf(target));
    const t = tensorsOf(target);
    expect(() => writeTensors(t, { ...saved, weights: saved.weights.slice(1) })).toThrow(
      `The checkpoint does not fit this experiment: it holds ${saved.weights.length - 1} weight tensor(s), and this run has ${saved.weights.length}.`,
    );
    const [first, ...rest] = saved.alphas;
    if (!first) throw new Error('no alphas');
    const reshaped = { shape: [first.values.length, 1], values: first.values };
    expect(() => writeTensors(t, { ...saved, alphas: [reshaped, ...rest] })).toThrow(
      /^The checkpoint does not fit this experiment: alpha tensor 1 has shape \[\d+, 1\] in the checkpoint and \[\d+, \d+\] in this run\.$/,
    );
    const short = { shape: first.shape, values: first.values.subarray(1) };
    expect(() => writeTensors(t, { ...saved, adamM: [short, ...saved.adamM.slice(1)] })).toThrow(
      /Adam first-moment tensor 1 holds \d+ value\(s\) where its shape needs \d+\./,
    );
    expect(() => writeTensors(t, { ...saved, adamT: 1.5 })).toThrow(/Adam step count 1.5/);
    expect(await readTensors(t)).toEqual(untouched);
    dispose(source);
    dispose(target);
  });

  it("restores Adam's moments and step count, so its next step matches an uninterrupted one", async () => {
    const o = { lr: 0.1, beta1: 0.5, beta2: 0.999, weightDecay: 0.01 };
    const grads = [0.3, -1.2, 0.7].map((g) => tf.tensor1d([g, g / 2]));
    const a = tf.variable(tf.tensor1d([1, 2]));
    const b = tf.variable(tf.tensor1d([0, 0]));
    const adamA = createAdam([a], o);
    const adamB = createAdam([b], o);
    const stepA = (g: tf.Tensor): void => tf.tidy(() => adamA.step([g]));
    stepA(grads[0] as tf.Tensor);
    stepA(grads[1] as tf.Tensor);
    b.assign(a);
    adamB.restore(adamA.m, adamA.s, adamA.t);
    expect(adamB.t).toBe(2);
    stepA(grads[2] as tf.Tensor);
    tf.tidy(() => adamB.step([grads[2] as tf.Tensor]));
    expect(await b.data()).toEqual(await a.data());
    expect(await adamB.s[0]?.data()).toEqual(await adamA.s[0]?.data());
    expect(() => adamB.restore([], [], 1)).toThrow('Adam has 1 first moment(s), got 0.');
    for (const x of [adamA, adamB]) x.dispose();
    tf.dispose([...grads, a, b]);
  });

  it('accepts only a checkpoint of its own layout and strategy, at a valid position', () => {
    const c: RunCheckpoint = makeCheckpoint('spos', { step: 6, epoch: 2, activeMs: 12.5 });
    expect(c.version).toBe(CHECKPOINT_VERSION);
    expect(() => requireResumable(c, 'spos')).not.toThrow();
    expect(() => requireResumable(c, 'multi-trial')).toThrow(
      'The checkpoint does not fit this experiment: it was saved by a Single Path One-Shot run, and this experiment runs Multi-trial (stand-alone training).',
    );
    expect(() => requireResumable({ ...c, version: 0 }, 'spos')).toThrow(
      `The checkpoint does not fit this experiment: it was saved in checkpoint layout 0, and this version of the studio reads layout ${CHECKPOINT_VERSION}. Start the run afresh.`,
    );
    expect(() => requireResumable({ ...c, step: -1 }, 'spos')).toThrow(/is not a valid one/);
    expect(() => requireResumable({ ...c, activeMs: Number.NaN }, 'spos')).toThrow(
      /is not a valid one/,
    );
    expect(resumedStatus(c)).toEqual({
      type: 'status',
      status: 'running',
      step: 6,
      message: 'Resumed from the checkpoint at step 6.',
    });
  });
});
