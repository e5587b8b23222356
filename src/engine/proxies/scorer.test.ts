/** The proxies on the studio's spaces: invariances, the all-`none` cell, the cost baselines and memory. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { subnetCost } from '../../core/cost/network-cost';
import { PROXY_NAMES, TRAINABILITY_PROXIES } from '../../core/proxies/names';
import { createRng } from '../../core/random';
import { parseGenotype } from '../../core/search-space/genotype-parse';
import { presetSpace } from '../../core/search-space/presets';
import type { Genotype, SearchSpaceSpec } from '../../core/search-space/types';
import { sampleGenotype } from '../../core/strategies/sample';
import { initNodeBackend } from '../node-backend';
import { microDarts, randomImages, randomSplit, tinyNb201 } from '../spaces.testkit';
import type { LoadedDataset } from '../../core/experiment/spec';
import { buildProxyNetwork, createProxyScorer, runProxy } from './scorer';
import type { ProxyBatch } from './network';

const data = randomImages(8, 8, 1, 3, [24, 4, 4]);

/** A parsed genotype, failing the test when it does not fit. */
function genotype(space: SearchSpaceSpec, text: string): Genotype {
  const g = parseGenotype(space, text);
  if (!g.ok) throw new Error(g.error);
  return g.value;
}

/** A batch of `n` examples of `data.train` from `offset`, with `labels` (or the split's own). */
function batchOf(d: LoadedDataset, offset: number, n: number, labels?: number[]): ProxyBatch {
  const size = d.train.x.length / d.train.count;
  const shape =
    d.input.kind === 'image'
      ? [n, d.input.height, d.input.width, d.input.channels]
      : [n, d.input.features];
  return {
    x: tf.tensor(d.train.x.slice(offset * size, (offset + n) * size), shape),
    y: tf.tensor1d(labels ?? Array.from(d.train.y.slice(offset, offset + n)), 'int32'),
  };
}

const CONV =
  '|nor_conv_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|avg_pool_3x3~0|nor_conv_3x3~1|skip_connect~2|';
const NONE = '|none~0|+|none~0|none~1|+|none~0|none~1|none~2|';

beforeAll(async () => {
  await initNodeBackend('cpu');
});

describe('invariances', () => {
  it('synflow depends on neither the input data nor the labels', async () => {
    const space = tinyNb201();
    const { net, dispose } = buildProxyNetwork(space, genotype(space, CONV), data, 5);
    const a = batchOf(data, 0, 8);
    const b = batchOf(data, 8, 8, [2, 2, 1, 0, 0, 1, 2, 1]);
    const sa = await runProxy('synflow', net, a, data.input);
    const sb = await runProxy('synflow', net, b, data.input);
    expect(sa).toBeGreaterThan(0);
    expect(sb).toBe(sa);
    tf.dispose([a.x, a.y, b.x, b.y]);
    dispose();
  });

  it('NASWOT and jacob_cov do not depend on the labels; snip does', async () => {
    const space = tinyNb201();
    const { net, dispose } = buildProxyNetwork(space, genotype(space, CONV), data, 5);
    const a = batchOf(data, 0, 8);
    const b = batchOf(data, 0, 8, [2, 2, 1, 0, 0, 1, 2, 1]);
    for (const p of ['naswot', 'jacob_cov'] as const)
      expect(await runProxy(p, net, b, data.input)).toBe(await runProxy(p, net, a, data.input));
    expect(await runProxy('snip', net, b, data.input)).not.toBe(
      await runProxy('snip', net, a, data.input),
    );
    tf.dispose([a.x, a.y, b.x, b.y]);
    dispose();
  });

  it("params and FLOPs are the cost model's, and params the built network's weight count", async () => {
    const scorer = createProxyScorer(data, { seed: 2, batchSize: 8 });
    const rng = createRng(4);
    for (const space of [tinyNb201(), microDarts()]) {
      for (let i = 0; i < 3; i++) {
        const g = sampleGenotype(space, rng);
        const s = await scorer.score(space, g, []);
        const cost = subnetCost(space, g, data.input, data.classes);
        expect([s.params, s.flops]).toEqual([cost.params, cost.flops]);
        const { net, dispose } = buildProxyNetwork(space, g, data, 2);
        expect(net.variables.reduce((n, v) => n + v.size, 0)).toBe(s.params);
        dispose();
      }
    }
    scorer.dispose();
  });
});

describe("scoring the studio's spaces", () => {
  it('a cell whose every edge is none scores lowest on the trainability proxies', async () => {
    const space = tinyNb201();
    const scorer = createProxyScorer(data, { seed: 1, batchSize: 8 });
    const rng = createRng(9);
    const others = [
      genotype(space, CONV),
      ...Array.from({ length: 4 }, () => sampleGenotype(space, rng)),
    ];
    const none = await scorer.score(space, genotype(space, NONE), TRAINABILITY_PROXIES);
    for (const g of others) {
      const s = await scorer.score(space, g, TRAINABILITY_PROXIES);
      for (const p of TRAINABILITY_PROXIES)
        expect(s.proxies[p] ?? NaN).toBeGreaterThan(none.proxies[p] ?? NaN);
    }
    scorer.dispose();
  });

  it('scores NAS-Bench-201, DARTS and teaching cells with every proxy, leaking no tensor', async () => {
    const points: LoadedDataset = {
      id: 'spiral',
      input: { kind: 'vector', features: 2 },
      classes: 3,
      train: randomSplit(40, 2, 3, 1),
      valid: randomSplit(4, 2, 3, 2),
      test: randomSplit(4, 2, 3, 3),
    };
    const cases: [SearchSpaceSpec, LoadedDataset][] = [
      [tinyNb201(), data],
      [microDarts(), data],
      [
        { ...presetSpace('teaching'), macro: { ...presetSpace('teaching').macro, channels: 4 } },
        points,
      ],
    ];
    for (const [space, d] of cases) {
      const scorer = createProxyScorer(d, { seed: 3, batchSize: 8 });
      const rng = createRng(1);
      const before = tf.memory().numTensors;
      for (let i = 0; i < 4; i++) {
        const s = await scorer.score(space, sampleGenotype(space, rng), PROXY_NAMES);
        for (const p of ['synflow', 'snip', 'grad_norm', 'fisher'] as const)
          expect(Number.isFinite(s.proxies[p])).toBe(true);
        expect(tf.memory().numTensors).toBe(before);
      }
      scorer.dispose();
    }
  });

  it('the same seed gives the same scores', async () => {
    const space = microDarts();
    const g = sampleGenotype(space, createRng(2));
    const run = async () => {
      const scorer = createProxyScorer(data, { seed: 7, batchSize: 8 });
      const s = await scorer.score(space, g, PROXY_NAMES);
      scorer.dispose();
      return s;
    };
    expect(await run()).toEqual(await run());
  });
});
