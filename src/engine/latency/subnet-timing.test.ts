import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { InputShape } from '../../core/experiment/spec';
import { createRng } from '../../core/random';
import { sampleGenotype } from '../../core/strategies/sample';
import type { Genotype } from '../../core/search-space/types';
import { initNodeBackend } from '../node-backend';
import { microDarts, tinyNb201 } from '../spaces.testkit';
import { timeSubnet } from './subnet-timing';

const IMG5: InputShape = { kind: 'image', height: 5, width: 5, channels: 1 };
const FAST = { warmup: 1, repeats: 3, batch: 2, seed: 1 };

describe('timeSubnet (wasm)', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('times sampled subnets end to end to a positive finite ms, leaving no tensor behind', async () => {
    const rng = createRng(3);
    for (const space of [microDarts(), tinyNb201()]) {
      for (let i = 0; i < 3; i++) {
        const before = tf.memory().numTensors;
        const ms = await timeSubnet(space, sampleGenotype(space, rng), IMG5, 3, FAST);
        expect(Number.isFinite(ms) && ms > 0).toBe(true);
        expect(tf.memory().numTensors).toBe(before);
      }
    }
  });

  it('refuses a genotype that does not fit the space, leaving no tensor behind', async () => {
    const before = tf.memory().numTensors;
    const wrong: Genotype = {
      normal: { edges: [{ from: 'c0', to: 'n0', op: 'nor_conv_3x3' }], concat: ['n0'] },
      reduce: { edges: [{ from: 'c0', to: 'n0', op: 'max_pool_3x3' }], concat: ['n0'] },
    };
    await expect(timeSubnet(microDarts(), wrong, IMG5, 3, FAST)).rejects.toThrow(/nor_conv_3x3/);
    expect(tf.memory().numTensors).toBe(before);
  });
});
