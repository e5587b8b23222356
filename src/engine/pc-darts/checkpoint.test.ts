import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PcDartsStrategySpec } from '../../core/experiment/spec';
import { createRng } from '../../core/random';
import type { RunCheckpoint } from '../../core/run/checkpoint';
import { gather, toDevice } from '../batches';
import {
  checkpointsOf,
  expectIdenticalRuns,
  expectSameContinuation,
  failure,
  microData,
  microSpec,
  runAll,
} from '../checkpoint-runs.testkit';
import { createDartsTrainer } from '../darts/trainer';
import { initNodeBackend } from '../node-backend';
import { microDarts, randomImages, testStrategy } from '../spaces.testkit';
import { buildSupernet } from '../supernet';

/** PC-DARTS at K = 2 (the micro space has 2 channels) for 3 epochs of 3 steps, the first a warm-up. */
function pcDarts(order: 1 | 2 = 1): PcDartsStrategySpec {
  const { kind: _kind, ...darts } = testStrategy(order, 3, 8);
  return { ...darts, kind: 'pc-darts', warmupEpochs: 1, partialK: 2 };
}

const data = microData();

describe('PC-DARTS runs, checkpoints and resume', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('two runs of one spec give identical events, genotypes and metrics', async () => {
    await expectIdenticalRuns(microSpec(pcDarts()), data);
  });

  it('saves the betas after the alphas, trains them only after the warm-up, and ends with edge weights', async () => {
    const { status, events } = await runAll(microSpec(pcDarts()), data);
    expect(status).toBe('finished');
    const marks = checkpointsOf(events);
    expect(marks.map(({ c }) => [c.strategy, c.epoch, c.step])).toEqual([
      ['pc-darts', 1, 3],
      ['pc-darts', 2, 6],
    ]);
    for (const { c } of marks) {
      // Alphas of the normal and the reduction cell, then one beta per edge of each.
      expect(c.alphas.map((a) => a.shape)).toEqual([[2, 4], [2, 4], [2], [2]]);
      expect(c.adamM.map((m) => m.shape)).toEqual(c.alphas.map((a) => a.shape));
    }
    const [warm, searched] = marks.map(({ c }) => c) as [RunCheckpoint, RunCheckpoint];
    expect(warm.adamT).toBe(0);
    expect(warm.adamM.every((m) => m.values.every((v) => v === 0))).toBe(true);
    expect(searched.adamT).toBe(3);
    expect(searched.adamM.slice(2).some((m) => m.values.some((v) => v !== 0))).toBe(true);
    expect(searched.alphas.slice(2)).not.toEqual(warm.alphas.slice(2));
    const end = events[events.length - 1];
    if (end?.type !== 'finished') throw new Error('the run did not finish');
    // One node per cell with two incoming edges: its edge weights are a softmax.
    for (const role of ['normal', 'reduce'] as const) {
      const w = end.edgeWeights?.[role];
      expect(w?.length).toBe(2);
      expect((w?.[0] ?? 0) + (w?.[1] ?? 0)).toBeCloseTo(1, 6);
    }
  });

  for (const order of [1, 2] as const) {
    it(`order ${order}: a run resumed from every checkpoint continues the same trajectory bit for bit`, async () => {
      const spec = microSpec(pcDarts(order));
      const full = await runAll(spec, data);
      expect(full.status).toBe('finished');
      const marks = checkpointsOf(full.events);
      expect(marks).toHaveLength(2);
      for (const { at, c } of marks) {
        const resumed = await runAll(spec, data, c);
        expectSameContinuation(full, at, resumed);
      }
    });
  }

  it('refuses a DARTS checkpoint and a K that changes the weights, freeing every tensor', async () => {
    const spec = microSpec(pcDarts());
    const mark = checkpointsOf((await runAll(spec, data)).events)[0];
    if (!mark) throw new Error('no checkpoint');
    const darts: RunCheckpoint = { ...mark.c, strategy: 'darts' };
    expect(failure(await runAll(spec, data, darts))).toMatch(
      /it was saved by a DARTS \(differentiable\) run, and this experiment runs PC-DARTS \(partial channels\)/,
    );
    const whole = { ...spec, strategy: { ...pcDarts(), partialK: 1 } };
    expect(failure(await runAll(whole, data, mark.c))).toMatch(
      /The checkpoint does not fit this experiment: weight tensor \d+ has shape/,
    );
  });
});

describe('PC-DARTS memory', () => {
  it('keeps the tensor count flat over 50 steps (wasm)', async () => {
    await initNodeBackend('wasm');
    const images = randomImages(4, 4, 1, 3, [8, 8, 0]);
    const net = buildSupernet(microDarts(), images.input, images.classes, createRng(5), {
      partialK: 2,
      edgeNormalisation: true,
    });
    const trainer = createDartsTrainer(net, pcDarts());
    const counts: number[] = [];
    for (let step = 0; step < 51; step++) {
      const train = toDevice(gather(images.train, images.input, [0, 1, 2, 3]), images.input);
      const valid = toDevice(gather(images.valid, images.input, [4, 5, 6, 7]), images.input);
      const stats = trainer.step(train, valid, 0.01);
      await stats.data();
      tf.dispose([stats, train.x, train.y, valid.x, valid.y]);
      counts.push(tf.memory().numTensors);
    }
    expect(new Set(counts.slice(1)).size).toBe(1);
    trainer.dispose();
    net.dispose();
  });
});
