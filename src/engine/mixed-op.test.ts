import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../core/random';
import type { OpName } from '../core/search-space/ops';
import { buildMixedOp } from './mixed-op';
import { initNodeBackend } from './node-backend';
import { createParamStore } from './params';

const OPS: OpName[] = [
  'none',
  'skip_connect',
  'nor_conv_3x3',
  'avg_pool_3x3',
  'sep_conv_3x3',
  'dil_conv_3x3',
];

describe('mixed op', () => {
  beforeAll(async () => {
    await initNodeBackend('cpu');
  });

  it('has an alpha gradient equal to a central finite difference (cpu, float32)', async () => {
    const rng = createRng(7);
    const params = createParamStore(rng);
    const op = buildMixedOp(params, OPS, { domain: 'image', channels: 3, stride: 1 });
    const x = tf.tensor4d(
      Float32Array.from({ length: 2 * 5 * 5 * 3 }, () => rng.normal()),
      [2, 5, 5, 3],
    );
    const r = tf.tensor4d(
      Float32Array.from({ length: 2 * 5 * 5 * 3 }, () => rng.normal()),
      [2, 5, 5, 3],
    );
    const alpha0 = [0.3, -0.2, 0.5, 0.1, -0.4, 0.2];
    const loss = (alpha: tf.Tensor): tf.Scalar =>
      tf.sum(tf.mul(op.forward(x, tf.unstack(tf.softmax(alpha)) as tf.Scalar[]), r));
    const grad = tf.grad(loss)(tf.tensor1d(alpha0));
    const analytic = Array.from(await grad.data());
    const eps = 1e-2;
    const numeric: number[] = [];
    for (let i = 0; i < alpha0.length; i++) {
      const shifted = (d: number): number =>
        tf.tidy(
          () =>
            loss(tf.tensor1d(alpha0.map((a, j) => (j === i ? a + d : a)))).arraySync() as number,
        );
      numeric.push((shifted(eps) - shifted(-eps)) / (2 * eps));
    }
    const scale = Math.max(...numeric.map(Math.abs));
    expect(scale).toBeGreaterThan(0.1);
    for (let i = 0; i < alpha0.length; i++) {
      expect(Math.abs((analytic[i] ?? 0) - (numeric[i] ?? 0)) / scale).toBeLessThan(1e-3);
    }
    // The softmax weights sum to one, so the alpha gradient sums to zero.
    expect(Math.abs(analytic.reduce((a, b) => a + b, 0)) / scale).toBeLessThan(1e-5);
    tf.dispose([x, r, grad]);
    params.dispose();
  });

  it('outputs the weighted sum of its ops and skips the zero op', () => {
    const params = createParamStore(createRng(1));
    const op = buildMixedOp(params, ['none', 'skip_connect'], {
      domain: 'vector',
      channels: 2,
      stride: 1,
    });
    const out = tf.tidy(() =>
      op.forward(tf.tensor2d([[1, -2]]), [tf.scalar(0.75), tf.scalar(0.25)]).arraySync(),
    );
    expect(out).toEqual([[0.25, -0.5]]);
    const none = buildMixedOp(params, ['none'], { domain: 'image', channels: 2, stride: 2 });
    const zeros = tf.tidy(() => none.forward(tf.ones([1, 5, 5, 2]), [tf.scalar(1)]).shape);
    expect(zeros).toEqual([1, 3, 3, 2]);
    params.dispose();
  });

  it('rejects an op from the other domain', () => {
    const params = createParamStore(createRng(1));
    expect(() =>
      buildMixedOp(params, ['dense_relu'], { domain: 'image', channels: 2, stride: 1 }),
    ).toThrow(/vector inputs/);
    params.dispose();
  });
});
