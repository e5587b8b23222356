import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../core/random';
import type { OpName } from '../core/search-space/ops';
import { BN_EPSILON } from './batch-norm';
import { batchNormId } from './bn-recalibrate';
import { initNodeBackend } from './node-backend';
import { createParamStore } from './params';
import { buildOp } from './primitives';

/** The 3x3 image 1..9 (one channel), row by row. */
const GRID = (): tf.Tensor4D => tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);

/** Builds `op` at stride `stride`, runs it on GRID, and says how many BatchNorm layers and weights it made. */
async function runPool(
  op: OpName,
  stride: 1 | 2,
  affine: boolean,
): Promise<{ values: number[]; batchNorms: number; weights: number }> {
  const p = createParamStore(createRng(1));
  const first = batchNormId();
  const built = buildOp(p, op, { domain: 'image', channels: 1, stride, affine });
  const batchNorms = batchNormId() - first - 1;
  const y = tf.tidy(() => built.layer(GRID()));
  const values = Array.from(await y.data());
  y.dispose();
  const weights = p.weights.length;
  p.dispose();
  return { values, batchNorms, weights };
}

/** `values` normalised by their own mean and biased variance, as BatchNorm without affine in train mode. */
function normalised(values: readonly number[]): number[] {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  return values.map((v) => (v - mean) / Math.sqrt(variance + BN_EPSILON));
}

/** Max pool 3x3, padding 1, of GRID at stride 1 (PyTorch's MaxPool2d(3, 1, 1)). */
const MAX_POOL = [5, 6, 6, 8, 9, 9, 8, 9, 9];
/** Average pool 3x3, padding 1, padding not counted (AvgPool2d(3, 1, 1, count_include_pad=False)). */
const AVG_POOL = [3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5, 7];

describe('pooling ops: bare in derived networks, with BatchNorm in the supernet', () => {
  beforeAll(async () => {
    await initNodeBackend('cpu');
  });

  it.each([
    ['max_pool_3x3', MAX_POOL],
    ['avg_pool_3x3', AVG_POOL],
  ] as const)(
    '%s in a derived network is the bare pool of the evaluation cells',
    async (op, pooled) => {
      const r = await runPool(op, 1, true);
      expect(r.batchNorms).toBe(0);
      expect(r.weights).toBe(0);
      r.values.forEach((v, i) => expect(v).toBeCloseTo(pooled[i] ?? Number.NaN, 5));
    },
  );

  it('a strided pool in a derived network keeps every second row and column', async () => {
    const r = await runPool('max_pool_3x3', 2, true);
    expect(r.values).toEqual([5, 6, 8, 9]);
    const avg = await runPool('avg_pool_3x3', 2, true);
    [3, 4, 6, 7].forEach((v, i) => expect(avg.values[i]).toBeCloseTo(v, 5));
  });

  it.each([
    ['max_pool_3x3', MAX_POOL],
    ['avg_pool_3x3', AVG_POOL],
  ] as const)(
    '%s in the supernet is followed by BatchNorm without affine (DARTS search)',
    async (op, pooled) => {
      const r = await runPool(op, 1, false);
      expect(r.batchNorms).toBe(1);
      expect(r.weights).toBe(0);
      const expected = normalised(pooled);
      r.values.forEach((v, i) => expect(v).toBeCloseTo(expected[i] ?? Number.NaN, 4));
    },
  );
});
