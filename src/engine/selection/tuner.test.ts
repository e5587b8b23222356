import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../core/random';
import { initNodeBackend } from '../node-backend';
import { testStrategy } from '../spaces.testkit';
import { buildSupernet } from '../supernet';
import { emptyState } from './plan';
import { diagonalData, HAND_OPS, handSpace, topOneCell } from './selection.testkit';
import { createSelectionTuner, tuningLr } from './tuner';

const DATA = diagonalData(16);
const space = handSpace(topOneCell());
const DENSE = HAND_OPS.indexOf('dense_relu');
const SKIP = HAND_OPS.indexOf('skip_connect');

const values = async (vs: readonly tf.Tensor[]): Promise<number[][]> =>
  Promise.all(vs.map(async (v) => Array.from(await v.data())));

describe('createSelectionTuner', () => {
  beforeAll(async () => {
    await initNodeBackend('cpu');
  });

  it('trains with decisions applied: unchosen ops of a fixed edge and its alphas stay, the rest move', async () => {
    const net = buildSupernet(space, DATA.input, DATA.classes, createRng(3));
    const a = net.alphas.normal;
    if (!a) throw new Error('no alphas');
    // Without weight decay, a weight without gradient stays exactly where it is.
    const s = { ...testStrategy(1), weightDecay: 0, alphaWeightDecay: 0, batchSize: 8 };
    const state = emptyState(space);
    if (!state.normal) throw new Error('no normal state');
    state.normal.ops[0] = SKIP; // e0 fixed to skip_connect: its dense op is off the path
    state.normal.ops[2] = DENSE; // e2 fixed to dense_relu: that op trains
    const offPath = net.opVariables('normal', 0, DENSE);
    const onPath = net.opVariables('normal', 2, DENSE);
    const before = tf.memory().numTensors;
    const [off0, on0, alpha0] = await Promise.all([
      values(offPath),
      values(onPath),
      values([a.variable]),
    ]);
    const tuner = createSelectionTuner(net, s, DATA, createRng(4), 4);
    for (let i = 0; i < 4; i++) expect(Number.isFinite(await tuner.step(state, true))).toBe(true);
    tuner.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(await values(offPath)).toEqual(off0);
    expect(await values(onPath)).not.toEqual(on0);
    const [alpha] = await values([a.variable]);
    const row = (xs: number[] | undefined, e: number) => xs?.slice(3 * e, 3 * e + 3);
    expect(row(alpha, 0)).toEqual(row(alpha0[0], 0));
    expect(row(alpha, 2)).toEqual(row(alpha0[0], 2));
    expect(row(alpha, 1)).not.toEqual(row(alpha0[0], 1));
    net.dispose();
  });

  it('leaves every alpha alone without the alpha step, and repeats its losses for a seed', async () => {
    const losses = async (): Promise<number[]> => {
      const net = buildSupernet(space, DATA.input, DATA.classes, createRng(3));
      const alpha0 = await values(net.alphaVariables);
      const tuner = createSelectionTuner(net, testStrategy(1, 1, 8), DATA, createRng(9), 3);
      const out: number[] = [];
      for (let i = 0; i < 3; i++) out.push(await tuner.step(emptyState(space), false));
      tuner.dispose();
      expect(await values(net.alphaVariables)).toEqual(alpha0);
      net.dispose();
      return out;
    };
    const first = await losses();
    expect(first.every(Number.isFinite)).toBe(true);
    expect(await losses()).toEqual(first);
  });
});

describe('tuningLr', () => {
  it('starts at a tenth of the search rate and anneals to its minimum, never upwards', () => {
    const s = testStrategy(1); // weight lr 0.025, minimum 0.001
    expect(tuningLr(s, 0, 10)).toBeCloseTo(0.0025, 12);
    expect(tuningLr(s, 5, 10)).toBeCloseTo((0.0025 + 0.001) / 2, 12);
    expect(tuningLr(s, 10, 10)).toBeCloseTo(0.001, 12);
    const low = { ...s, weightLr: 0.005 };
    expect(tuningLr(low, 0, 10)).toBeCloseTo(0.0005, 12);
    expect(tuningLr(low, 7, 10)).toBeCloseTo(0.0005, 12);
  });
});
