import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../core/random';
import { BN_EPSILON } from './batch-norm';
import { calibrationBatches, recalibrate, withStatistics } from './bn-recalibrate';
import type { HostBatch } from './batches';
import { batchNormLayer } from './layers';
import { initNodeBackend } from './node-backend';
import { createParamStore } from './params';

const INPUT = { kind: 'vector', features: 2 } as const;

function host(rows: number[][]): HostBatch {
  return { x: Float32Array.from(rows.flat()), y: new Int32Array(rows.length), count: rows.length };
}

describe('BatchNorm recalibration', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('averages batch means and unbiased variances, then normalises with them', async () => {
    const before = tf.memory().numTensors;
    const p = createParamStore(createRng(1));
    const bn = batchNormLayer(p, 2, false);
    // Batch 1: channel 0 = 1, 3 (mean 2, unbiased var 2); channel 1 = 0, 0 (mean 0, var 0).
    // Batch 2: channel 0 = 4, 6, 8 (mean 6, var 4); channel 1 = 1, 2, 3 (mean 2, var 1).
    const stats = recalibrate(
      bn,
      [
        host([
          [1, 0],
          [3, 0],
        ]),
        host([
          [4, 1],
          [6, 2],
          [8, 3],
        ]),
      ],
      INPUT,
    );
    expect(stats.layers).toBe(1);
    expect(stats.batches).toBe(2);
    const x = tf.tensor2d([
      [4, 1],
      [10, 3],
    ]);
    const y = tf.tidy(() => withStatistics(stats, () => bn(x)));
    const got = await y.data();
    const mean = [4, 1];
    const variance = [3, 0.5];
    const want = [4, 1, 10, 3].map(
      (v, i) => (v - (mean[i % 2] ?? 0)) / Math.sqrt((variance[i % 2] ?? 0) + BN_EPSILON),
    );
    got.forEach((v, i) => expect(v).toBeCloseTo(want[i] ?? Number.NaN, 4));
    // Outside the scope the layer is back to batch statistics: the batch is centred on itself.
    const batchStat = tf.tidy(() => bn(x));
    const plain = await batchStat.data();
    expect((plain[0] ?? 0) + (plain[2] ?? 0)).toBeCloseTo(0, 5);
    tf.dispose([x, y, batchStat]);
    stats.dispose();
    p.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a layer that did not run while recalibrating, and an empty calibration set', () => {
    const p = createParamStore(createRng(1));
    const a = batchNormLayer(p, 2, false);
    const b = batchNormLayer(p, 2, false);
    const stats = recalibrate(
      a,
      [
        host([
          [1, 2],
          [3, 4],
        ]),
      ],
      INPUT,
    );
    const x = tf.ones([2, 2]);
    expect(() => tf.tidy(() => withStatistics(stats, () => b(x)))).toThrow(
      /not on the recalibrated path/,
    );
    expect(() => recalibrate(a, [], INPUT)).toThrow(/at least one batch/);
    tf.dispose(x);
    stats.dispose();
    p.dispose();
  });

  it('draws at most one pass of seeded calibration batches', () => {
    const split = { x: new Float32Array(20), y: new Int32Array(10), count: 10 };
    expect(calibrationBatches(split, INPUT, 4, 10, createRng(1))).toHaveLength(3);
    expect(calibrationBatches(split, INPUT, 4, 2, createRng(1))).toHaveLength(2);
  });
});
