import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../core/random';
import type { CellRole, SearchSpaceSpec } from '../core/search-space/types';
import type { SubnetPath } from '../core/strategies/path';
import { calibrationBatches } from './bn-recalibrate';
import { initNodeBackend } from './node-backend';
import { microDarts, randomImages, tinyNb201 } from './spaces.testkit';
import { evaluateSubnet, type SubnetEvalOptions } from './subnet-eval';
import { buildSupernet, type Supernet } from './supernet';

const data = randomImages(6, 6, 1, 3, [48, 40, 0]);

function options(batchSize = 16): SubnetEvalOptions {
  return {
    input: data.input,
    batchSize,
    calibration: calibrationBatches(data.train, data.input, 16, 2, createRng(3)),
  };
}

/** Every op weight of `net` that `path` does not run (other ops of its edges, every op of dropped edges). */
function offPath(net: Supernet, space: SearchSpaceSpec, path: SubnetPath): tf.Variable[] {
  const out: tf.Variable[] = [];
  for (const role of ['normal', 'reduce'] as CellRole[]) {
    const cell = role === 'normal' ? space.normal : space.reduce;
    const choices = role === 'normal' ? path.normal : path.reduce;
    if (!cell || !choices) continue;
    cell.edges.forEach((e, i) => {
      e.ops.forEach((_, o) => {
        if (choices[i] !== o) out.push(...net.opVariables(role, i, o));
      });
    });
  }
  return out;
}

function onPath(net: Supernet, path: SubnetPath): tf.Variable[] {
  const out: tf.Variable[] = [];
  path.normal.forEach((o, i) => o !== null && out.push(...net.opVariables('normal', i, o)));
  path.reduce?.forEach((o, i) => o !== null && out.push(...net.opVariables('reduce', i, o)));
  return out;
}

describe('evaluateSubnet with inherited weights', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  const cases: [string, SearchSpaceSpec, SubnetPath][] = [
    // sep_conv_3x3 and max_pool_3x3 on the normal cell, skip (a factorized reduce) and sep_conv on the reduce cell.
    ['micro DARTS', microDarts(), { normal: [3, 1], reduce: [2, 3] }],
    // NB201: conv3x3, conv1x1, a dropped edge, avg pool, skip, conv3x3.
    ['tiny NB201', tinyNb201(), { normal: [3, 2, null, 4, 1, 3], reduce: null }],
  ];
  for (const [name, space, path] of cases) {
    it(`uses only its own path on ${name}: zeroing every other op changes nothing, changing its own op does`, async () => {
      const before = tf.memory().numTensors;
      const net = buildSupernet(space, data.input, data.classes, createRng(2));
      const o = options();
      const base = await evaluateSubnet(net, path, data.valid, o);
      expect(Number.isFinite(base.loss)).toBe(true);
      const others = offPath(net, space, path);
      expect(others.length).toBeGreaterThan(0);
      tf.tidy(() => others.forEach((v) => v.assign(tf.zerosLike(v))));
      const zeroed = await evaluateSubnet(net, path, data.valid, o);
      expect(zeroed.loss).toBe(base.loss);
      expect(zeroed.accuracy).toBe(base.accuracy);
      const own = onPath(net, path)[0];
      if (!own) throw new Error('The path has no weighted op.');
      tf.tidy(() => own.assign(tf.mul(own, -3)));
      const changed = await evaluateSubnet(net, path, data.valid, o);
      expect(changed.loss).not.toBe(base.loss);
      net.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  it('does not depend on the evaluation batch size, since the statistics are recalibrated and fixed', async () => {
    const net = buildSupernet(tinyNb201(), data.input, data.classes, createRng(5));
    const path: SubnetPath = { normal: [3, 3, 2, 4, 1, 3], reduce: null };
    const big = await evaluateSubnet(net, path, data.valid, options(40));
    const small = await evaluateSubnet(net, path, data.valid, options(7));
    expect(small.loss).toBeCloseTo(big.loss, 5);
    expect(small.accuracy).toBe(big.accuracy);
    net.dispose();
  });

  it('scores an empty split as NaN', async () => {
    const net = buildSupernet(microDarts(), data.input, data.classes, createRng(5));
    const s = await evaluateSubnet(net, { normal: [1, 1], reduce: [1, 1] }, data.test, options());
    expect(s.accuracy).toBeNaN();
    net.dispose();
  });
});
