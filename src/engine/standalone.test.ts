import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { subnetCost } from '../core/cost/network-cost';
import { loadDataset } from '../core/data/load';
import { browserMacro, defaultDataset } from '../core/experiment/defaults';
import { presetSpace } from '../core/search-space/presets';
import type { OpName } from '../core/search-space/ops';
import type { Genotype } from '../core/search-space/types';
import { initNodeBackend } from './node-backend';
import { randomImages, tinyDarts } from './spaces.testkit';
import {
  genotypeSpace,
  StandaloneStopped,
  trainStandalone,
  type KeptNetwork,
  type StandaloneOptions,
} from './standalone';

const noMnist = (): Promise<Uint8Array> => Promise.reject(new Error('MNIST is not needed here.'));

/** The teaching cell with dense_relu on every edge but h1 -> h2 (none) and x -> h3 (skip). */
function teachingGenotype(): Genotype {
  const cell = presetSpace('teaching').normal;
  return {
    normal: {
      edges: cell.edges.map((e) => ({
        from: e.from,
        to: e.to,
        op:
          e.from === 'h1' && e.to === 'h2'
            ? 'none'
            : e.from === 'x' && e.to === 'h3'
              ? 'skip_connect'
              : 'dense_relu',
      })),
      concat: ['h3'],
    },
    reduce: null,
  };
}

/** A NAS-Bench-201 genotype: nor_conv_3x3 and nor_conv_1x1 (affine BN), a pool, a skip, a none. */
function nb201Genotype(): Genotype {
  const cell = presetSpace('nb201').normal;
  const ops: OpName[] = [
    'nor_conv_3x3',
    'skip_connect',
    'nor_conv_1x1',
    'avg_pool_3x3',
    'none',
    'nor_conv_3x3',
  ];
  return {
    normal: {
      edges: cell.edges.map((e, i) => ({
        from: e.from,
        to: e.to,
        op: ops[i % ops.length] ?? 'none',
      })),
      concat: [cell.nodes[cell.nodes.length - 1] ?? ''],
    },
    reduce: null,
  };
}

/** A tinyDarts genotype with sep, dil and pool ops, and a stride-2 skip (FactorizedReduce) in the reduction cell. */
function dartsGenotype(): Genotype {
  const edges = (ops: OpName[]): Genotype['normal']['edges'] =>
    tinyDarts()
      .normal.edges.slice(0, 4)
      .map((e, i) => ({ from: e.from, to: e.to, op: ops[i] ?? 'none' }));
  return {
    normal: {
      edges: edges(['sep_conv_3x3', 'dil_conv_3x3', 'max_pool_3x3', 'sep_conv_5x5']),
      concat: ['n0', 'n1'],
    },
    reduce: {
      edges: edges(['skip_connect', 'sep_conv_3x3', 'avg_pool_3x3', 'dil_conv_5x5']),
      concat: ['n0', 'n1'],
    },
  };
}

const OPTIONS: StandaloneOptions = {
  epochs: 20,
  batchSize: 32,
  weightLr: 0.3,
  weightLrMin: 0.001,
  momentum: 0.9,
  weightDecay: 3e-4,
  gradClip: 5,
  seed: 11,
  calibrationBatches: 4,
};

describe('stand-alone training', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('restricts each edge to its genotype op (none where dropped) and refuses a genotype the space lacks', () => {
    const space = presetSpace('teaching');
    const { space: own, path } = genotypeSpace(space, teachingGenotype());
    expect(own.normal.edges.map((e) => e.ops.length)).toEqual(own.normal.edges.map(() => 1));
    expect(path.normal.every((op) => op === 0)).toBe(true);
    expect(own.normal.edges.find((e) => e.from === 'h1' && e.to === 'h2')?.ops).toEqual(['none']);
    const g = teachingGenotype();
    const foreign: Genotype = {
      ...g,
      normal: { ...g.normal, edges: [{ from: 'x', to: 'h1', op: 'sep_conv_3x3' }] },
    };
    expect(() => genotypeSpace(space, foreign)).toThrow(/sep_conv_3x3/);
  });

  it('improves on its initial accuracy on circles, the same at the same seed', async () => {
    const before = tf.memory().numTensors;
    const space = presetSpace('teaching');
    const data = await loadDataset({ ...defaultDataset('circles'), samples: 400 }, 1, noMnist);
    const genotype = teachingGenotype();
    const result = await trainStandalone(space, genotype, data, OPTIONS);
    expect(tf.memory().numTensors).toBe(before);
    expect(result.steps).toBe(OPTIONS.epochs * Math.ceil(data.train.count / OPTIONS.batchSize));
    expect(result.valid.accuracy).toBeGreaterThan(result.initialValid.accuracy + 0.3);
    expect(result.test.accuracy).toBeGreaterThan(0.85);
    expect(result.valid.loss).toBeLessThan(result.initialValid.loss);
    expect(result.paramCount).toBe(subnetCost(space, genotype, data.input, data.classes).params);
    expect(await trainStandalone(space, genotype, data, OPTIONS)).toEqual(result);
    const other = await trainStandalone(space, genotype, data, { ...OPTIONS, seed: 12 });
    expect(other.valid.loss).not.toBe(result.valid.loss);
  });

  it('counts exactly the params subnetCost prices (affine BatchNorm) for image genotypes', async () => {
    const before = tf.memory().numTensors;
    const data = randomImages(8, 8, 1, 3, [8, 4, 4]);
    const nb201 = { ...presetSpace('nb201'), macro: browserMacro('nb201', data.input) };
    const darts = tinyDarts();
    const quick = { ...OPTIONS, epochs: 1, batchSize: 8, calibrationBatches: 1 };
    for (const [space, genotype] of [
      [nb201, nb201Genotype()],
      [darts, dartsGenotype()],
    ] as const) {
      const result = await trainStandalone(space, genotype, data, quick);
      const cost = subnetCost(space, genotype, data.input, data.classes);
      expect(result.paramCount).toBe(cost.params);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('hands the trained network to `keep` instead of disposing it; a stopped or refused hand-over keeps nothing', async () => {
    const before = tf.memory().numTensors;
    const space = presetSpace('teaching');
    const data = await loadDataset({ ...defaultDataset('circles'), samples: 200 }, 1, noMnist);
    const genotype = teachingGenotype();
    const quick = { ...OPTIONS, epochs: 2, calibrationBatches: 2 };
    const handed: KeptNetwork[] = [];
    const result = await trainStandalone(space, genotype, data, quick, {
      keep: (k) => void handed.push(k),
    });
    expect(result).toEqual(await trainStandalone(space, genotype, data, quick));
    const [kept] = handed;
    if (kept === undefined) throw new Error('keep was not called');
    expect(handed).toHaveLength(1);
    expect(kept.net.paramCount).toBe(result.paramCount);
    expect(kept.path).toEqual(genotypeSpace(space, genotype).path);
    expect(kept.calibration).toHaveLength(quick.calibrationBatches);
    // The teaching cell's dense ops have no BatchNorm.
    expect(kept.batchNormIds).toEqual([]);
    expect(tf.memory().numTensors).toBeGreaterThan(before);
    const x = tf.zeros([3, 2]);
    const logits = tf.tidy(() => kept.net.forwardPath(x, kept.path));
    expect(logits.shape).toEqual([3, data.classes]);
    tf.dispose([x, logits]);
    kept.net.dispose();
    expect(tf.memory().numTensors).toBe(before);

    // A keep that throws refuses the network: the training disposes it and rejects with the error.
    const refuse = (): void => {
      throw new Error('The network is not wanted.');
    };
    await expect(
      trainStandalone(space, genotype, data, quick, { shouldStop: () => true, keep: refuse }),
    ).rejects.toBeInstanceOf(StandaloneStopped);
    await expect(trainStandalone(space, genotype, data, quick, { keep: refuse })).rejects.toThrow(
      'The network is not wanted.',
    );
    expect(tf.memory().numTensors).toBe(before);
  });

  it('names the kept network’s BatchNorm layers by consecutive ids, in creation order', async () => {
    const before = tf.memory().numTensors;
    const data = randomImages(8, 8, 1, 3, [8, 4, 4]);
    const space = { ...presetSpace('nb201'), macro: browserMacro('nb201', data.input) };
    const quick = { ...OPTIONS, epochs: 1, batchSize: 8, calibrationBatches: 1 };
    const ids: number[][] = [];
    for (let i = 0; i < 2; i++) {
      await trainStandalone(space, nb201Genotype(), data, quick, {
        keep: (k) => {
          ids.push([...k.batchNormIds]);
          k.net.dispose();
        },
      });
    }
    const [first = [], second = []] = ids;
    expect(first.length).toBeGreaterThan(0);
    expect(first).toEqual(first.map((_, i) => (first[0] ?? 0) + i));
    expect(second).toHaveLength(first.length);
    expect(second[0]).toBeGreaterThan(first.at(-1) ?? Infinity);
    expect(tf.memory().numTensors).toBe(before);
  });
});
