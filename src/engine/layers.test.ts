import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchNormalise, BN_EPSILON } from './batch-norm';
import { dilatedDepthwise } from './dilated';
import { initNodeBackend } from './node-backend';
import { avgPool } from './pooling';
import { factorizedReduce } from './image-ops';
import { createParamStore } from './params';
import { createRng } from '../core/random';

function random(shape: number[], seed: number): tf.Tensor {
  const rng = createRng(seed);
  return tf.tensor(
    Float32Array.from({ length: tf.util.sizeFromShape(shape) }, () => rng.normal() * 2 + 0.5),
    shape,
  );
}

function maxDiff(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).arraySync() as number);
}

describe('engine building blocks (cpu)', () => {
  beforeAll(async () => {
    await initNodeBackend('cpu');
  });

  it('BatchNorm matches tf.moments in value and gradient', () => {
    const x = random([3, 4, 5, 6], 1);
    const r = random([3, 4, 5, 6], 2);
    const reference = (t: tf.Tensor): tf.Tensor => {
      const { mean, variance } = tf.moments(t, [0, 1, 2]);
      return tf.mul(tf.sub(t, mean), tf.rsqrt(tf.add(variance, BN_EPSILON)));
    };
    expect(maxDiff(batchNormalise(x), reference(x))).toBeLessThan(1e-5);
    const g1 = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(batchNormalise(t), r)))(x);
    const g2 = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(reference(t), r)))(x);
    expect(maxDiff(g1, g2)).toBeLessThan(1e-5);
    const v = random([7, 3], 3);
    expect(maxDiff(batchNormalise(v), reference2d(v))).toBeLessThan(1e-5);
  });

  it('average pooling leaves padding out of the count, in value and gradient', async () => {
    const x = random([2, 5, 6, 3], 4);
    for (const stride of [1, 2]) {
      for (const pad of [1, 'same'] as const) {
        expect(
          maxDiff(
            avgPool(x as tf.Tensor4D, 3, stride, pad),
            tf.avgPool(x as tf.Tensor4D, 3, stride, pad),
          ),
        ).toBeLessThan(1e-5);
      }
    }
    const g = tf.grad((t: tf.Tensor) => tf.sum(avgPool(t as tf.Tensor4D, 3, 1, 1)))(
      tf.ones([1, 4, 4, 1]),
    );
    const values = await g.data();
    // Corner: windows centred on (0,0), (0,1), (1,0), (1,1) hold 4, 6, 6 and 9 real cells.
    expect(values[0]).toBeCloseTo(1 / 4 + 1 / 6 + 1 / 6 + 1 / 9, 5);
    expect(values[5]).toBeCloseTo(1 / 4 + 2 / 6 + 2 / 6 + 4 / 9, 5);
  });

  it('FactorizedReduce equals two 1x1 stride-2 convolutions on the input and its one-pixel shift', () => {
    for (const size of [8, 7]) {
      const params = createParamStore(createRng(3));
      const fr = factorizedReduce(params, 3, 5, false);
      const [a, b] = params.weights as [tf.Variable, tf.Variable];
      const x = random([2, size, size, 3], 8) as tf.Tensor4D;
      const r = tf.relu(x) as tf.Tensor4D;
      const shifted = tf.pad(tf.slice(r, [0, 1, 1, 0], [2, size - 1, size - 1, 3]), [
        [0, 0],
        [0, 1],
        [0, 1],
        [0, 0],
      ]);
      const reference = batchNormalise(
        tf.concat(
          [
            tf.conv2d(r, a as tf.Tensor4D, 2, 0),
            tf.conv2d(shifted as tf.Tensor4D, b as tf.Tensor4D, 2, 0),
          ],
          3,
        ),
      );
      const got = fr(x);
      expect(got.shape).toEqual([2, Math.ceil(size / 2), Math.ceil(size / 2), 5]);
      expect(maxDiff(got, reference)).toBeLessThan(1e-5);
      params.dispose();
    }
  });

  it('dilated depthwise convolution equals tfjs forward dilation, sampled at even positions for stride 2', () => {
    for (const [h, w] of [
      [8, 8],
      [7, 9],
    ] as const) {
      const x = random([2, h, w, 3], 5) as tf.Tensor4D;
      for (const k of [3, 5]) {
        const f = random([k, k, 3, 1], 6) as tf.Tensor4D;
        const expected = tf.depthwiseConv2d(x, f, 1, 'same', 'NHWC', 2);
        expect(maxDiff(dilatedDepthwise(x, f, 2, 1), expected)).toBeLessThan(1e-4);
        // Symmetric padding: the stride-2 result is the stride-1 one at even positions, ceil(H/2) of them.
        const even = tf.stridedSlice(expected, [0, 0, 0, 0], [2, h, w, 3], [1, 2, 2, 1]);
        expect(even.shape).toEqual([2, Math.ceil(h / 2), Math.ceil(w / 2), 3]);
        expect(maxDiff(dilatedDepthwise(x, f, 2, 2), even)).toBeLessThan(1e-4);
      }
    }
  });
});

function reference2d(t: tf.Tensor): tf.Tensor {
  const { mean, variance } = tf.moments(t, [0]);
  return tf.mul(tf.sub(t, mean), tf.rsqrt(tf.add(variance, BN_EPSILON)));
}
