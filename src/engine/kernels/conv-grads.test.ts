import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import {
  buildStepNet,
  errorsAgainst,
  lossAndGrads,
  randomStepBatch,
  relError,
  runDartsSteps,
} from '../fused-step.testkit';
import { initNodeBackend } from '../node-backend';

type Shape4 = [number, number, number, number];

function randomArray(size: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: size }, () => rng.normal());
}

/** Gradients of sum(conv2d(x, W) * R) w.r.t. x and W on `backend`, as plain arrays. */
async function convGrads(
  backend: 'cpu' | 'wasm',
  xShape: Shape4,
  fShape: Shape4,
  stride: number,
  pad: 'same' | 'valid' | number,
): Promise<Float32Array[]> {
  await initNodeBackend(backend);
  const x = tf.tensor4d(randomArray(tf.util.sizeFromShape(xShape), 11), xShape);
  const w = tf.tensor4d(randomArray(tf.util.sizeFromShape(fShape), 12), fShape);
  const outShape = tf.conv2d(x, w, stride, pad).shape;
  const r = tf.tensor(randomArray(tf.util.sizeFromShape(outShape), 13), outShape);
  const [gx, gw] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
    tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, stride, pad), r)),
  )([x, w]);
  const out = [(await gx!.data()) as Float32Array, (await gw!.data()) as Float32Array];
  tf.dispose([x, w, r, gx!, gw!]);
  return out;
}

describe('wasm convolution gradients at supernet widths agree with cpu within 1e-5', () => {
  // 1x1 stride 1 takes the matrix-product filter gradient; stride 1 takes the host-permuted
  // filter in the input gradient, stride 2 the residue classes (pad 1: NB201's residual block,
  // whose pad is not a multiple of the stride).
  for (const [k, stride, pad] of [
    [1, 1, 'same'],
    [1, 1, 'valid'],
    [3, 1, 'same'],
    [3, 2, 'same'],
    [1, 2, 'valid'],
    [3, 2, 'valid'],
    [3, 2, 1],
    [5, 2, 2],
  ] as const) {
    it(`k${k} s${stride} ${pad}, 16 -> 24 channels`, async () => {
      const xShape: Shape4 = [4, 9, 8, 16];
      const fShape: Shape4 = [k, k, 16, 24];
      const ref = await convGrads('cpu', xShape, fShape, stride, pad);
      const got = await convGrads('wasm', xShape, fShape, stride, pad);
      expect(relError(got[0]!, ref[0]!)).toBeLessThan(1e-5);
      expect(relError(got[1]!, ref[1]!)).toBeLessThan(1e-5);
    });
  }
});

describe('an NB201 supernet step on wasm', () => {
  it('gives cpu’s loss and gradients of weights and alphas within 1e-5', async () => {
    const run = async (backend: 'cpu' | 'wasm'): Promise<Float32Array[]> => {
      await initNodeBackend(backend);
      const net = buildStepNet('nb201');
      const b = randomStepBatch(4);
      const out = await lossAndGrads(net, b, true);
      net.dispose();
      tf.dispose([b.x, b.y]);
      return out;
    };
    const ref = await run('cpu');
    const got = await run('wasm');
    for (const e of errorsAgainst(got, ref)) expect(e).toBeLessThan(1e-5);
  }, 120_000);

  it('keeps the tensor count flat over DARTS steps', async () => {
    await initNodeBackend('wasm');
    const run = await runDartsSteps('nb201', true, 4);
    // Optimiser state appears at the first step; from then on the count stays flat.
    expect(run.counts[3]).toBe(run.counts[1]);
  }, 120_000);
});
