import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import { initNodeBackend } from '../node-backend';
import { createParamStore } from '../params';
import { buildPartialMixedOp, channelShuffle, shufflePermutation } from './partial-op';

/** A seeded [1, 4, 4, channels] input. */
function input(channels: number, seed: number): tf.Tensor4D {
  const rng = createRng(seed);
  const values = Float32Array.from({ length: 16 * channels }, () => rng.normal());
  return tf.tensor4d(values, [1, 4, 4, channels]);
}

/** Channel `c` of a [1, h, w, C] tensor as a flat array. */
async function channel(x: tf.Tensor, c: number): Promise<Float32Array> {
  const [, h, w] = x.shape as number[];
  const s = tf.slice(x, [0, 0, 0, c], [1, h ?? 0, w ?? 0, 1]);
  const out = await s.data<'float32'>();
  s.dispose();
  return out;
}

describe('PC-DARTS partial channels', () => {
  beforeAll(async () => {
    await initNodeBackend('cpu');
  });

  it('the channel shuffle is a permutation in K groups', () => {
    const perm = shufflePermutation(8, 4);
    expect(perm).toEqual([0, 2, 4, 6, 1, 3, 5, 7]);
    expect([...perm].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    for (const [c, k] of [
      [12, 4],
      [16, 2],
      [6, 3],
      [5, 1],
    ] as const) {
      const p = shufflePermutation(c, k);
      expect(new Set(p).size).toBe(c);
      expect(Math.min(...p)).toBe(0);
      expect(Math.max(...p)).toBe(c - 1);
    }
    expect(() => shufflePermutation(6, 4)).toThrow('6 channels cannot be shuffled in 4 groups.');
  });

  it('channelShuffle moves each channel where the permutation says, on images and vectors', async () => {
    const x = input(8, 1);
    const y = channelShuffle(x, 4);
    const perm = shufflePermutation(8, 4);
    for (let j = 0; j < 8; j++)
      expect(await channel(y, j)).toEqual(await channel(x, perm[j] ?? -1));
    const v = tf.tensor2d([[0, 1, 2, 3, 4, 5]]);
    const w = channelShuffle(v, 2);
    expect(await w.data()).toEqual(Float32Array.from(shufflePermutation(6, 2)));
    tf.dispose([x, y, v, w]);
  });

  it('sends C/K channels through the ops and the rest around them, then shuffles', async () => {
    const p = createParamStore(createRng(2));
    const op = buildPartialMixedOp(
      p,
      ['sep_conv_3x3', 'skip_connect'],
      { domain: 'image', channels: 8, stride: 1 },
      4,
    );
    // Every conv weight of the op sees 8 / 4 = 2 channels.
    for (const v of op.opVariables[0] ?? [])
      expect(v.shape.slice(-2).every((n) => n <= 2)).toBe(true);
    expect((op.opVariables[0] ?? []).some((v) => v.shape[v.shape.length - 2] === 2)).toBe(true);
    const x = input(8, 3);
    const w = [tf.scalar(0.7), tf.scalar(0.3)];
    const y = op.forward(x, w);
    expect(y.shape).toEqual([1, 4, 4, 8]);
    const perm = shufflePermutation(8, 4);
    // The bypassed channels 2..7 arrive untouched where the shuffle puts them.
    for (let j = 0; j < 8; j++) {
      const from = perm[j] ?? -1;
      if (from >= 2) expect(await channel(y, j)).toEqual(await channel(x, from));
    }
    // Changing the bypassed channels leaves the ops' channels as they were.
    const x2 = tf.concat([tf.slice(x, [0, 0, 0, 0], [1, 4, 4, 2]), input(6, 9)], 3);
    const y2 = op.forward(x2, w);
    for (let j = 0; j < 8; j++) {
      if ((perm[j] ?? -1) < 2) expect(await channel(y2, j)).toEqual(await channel(y, j));
    }
    // A single path runs one op on the same slice; `none` contributes nothing.
    const one = op.forwardOne(x, 1);
    expect(one?.shape).toEqual([1, 4, 4, 8]);
    tf.dispose([x, y, x2, y2, ...w, ...(one ? [one] : [])]);
    p.dispose();
  });

  it('max-pools the bypass on a reducing edge and refuses a K that does not divide C', () => {
    const p = createParamStore(createRng(4));
    const op = buildPartialMixedOp(
      p,
      ['none', 'max_pool_3x3'],
      { domain: 'image', channels: 8, stride: 2 },
      4,
    );
    const x = tf.tensor4d(
      Float32Array.from({ length: 7 * 7 * 8 }, (_, i) => i),
      [1, 7, 7, 8],
    );
    const w = [tf.scalar(0.5), tf.scalar(0.5)];
    const y = op.forward(x, w);
    expect(y.shape).toEqual([1, 4, 4, 8]);
    expect(op.forwardOne(x, 0)).toBeNull();
    tf.dispose([x, y, ...w]);
    expect(() =>
      buildPartialMixedOp(p, ['skip_connect'], { domain: 'image', channels: 6, stride: 1 }, 4),
    ).toThrow("PC-DARTS's K = 4 does not divide the cell's 6 channels");
    p.dispose();
  });
});
