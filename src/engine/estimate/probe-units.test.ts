import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { latencyKeys } from '../../core/cost/latency';
import { selectionCount } from '../../core/cost/selection-count';
import { WORK_UNIT_NAMES } from '../../core/cost/work-units';
import { DARTS_OPTIONS, SPOS_OPTIONS } from '../../core/experiment/defaults';
import type { ExperimentSpec, SposStrategySpec } from '../../core/experiment/spec';
import { createRng } from '../../core/random';
import { presetSpace } from '../../core/search-space/presets';
import type { SearchSpaceSpec } from '../../core/search-space/types';
import { initNodeBackend } from '../node-backend';
import { selectionRounds } from '../selection/plan';
import { randomImages, testStrategy, tinyDarts, tinyNb201 } from '../spaces.testkit';
import { probeUnits } from './probe-units';
import { ProbeStopped, type ProbeTiming } from './time-unit';

/** Short timing for tests: one warm-up, two timed runs. */
const QUICK: ProbeTiming = {
  lead: { minWarmups: 1, maxWarmups: 1, warmupMs: 0, maxRepeats: 0, budgetMs: 0 },
  sameShape: { minWarmups: 0, maxWarmups: 0, warmupMs: 0, maxRepeats: 2, budgetMs: 1e9 },
  newShape: { minWarmups: 1, maxWarmups: 1, warmupMs: 0, maxRepeats: 2, budgetMs: 1e9 },
  leadTimed: { minWarmups: 0, maxWarmups: 0, warmupMs: 0, maxRepeats: 2, budgetMs: 1e9 },
};

const DATA = randomImages(8, 8, 1, 10, [24, 20, 8]);

/** An experiment of `space` on DATA with the test DARTS settings at batch 8. */
function dartsSpec(space: SearchSpaceSpec): ExperimentSpec {
  return {
    version: 1,
    name: 'probe',
    seed: 3,
    space,
    dataset: {
      id: 'mnist',
      samples: 52,
      noise: 0,
      imageSize: 8,
      trainFraction: 0.5,
      validFraction: 0.4,
    },
    strategy: { ...testStrategy(1, 1, 8), ...DARTS_OPTIONS },
  };
}

/** The same experiment with SPOS at batch 8. */
function sposSpec(space: SearchSpaceSpec): ExperimentSpec {
  const s: SposStrategySpec = {
    kind: 'spos',
    epochs: 1,
    batchSize: 8,
    weightLr: 0.025,
    weightLrMin: 0.001,
    momentum: 0.9,
    weightDecay: 3e-4,
    gradClip: 5,
    search: 'random',
    generations: 1,
    population: 2,
    topK: 1,
    mutations: 0,
    crossovers: 0,
    mutationProb: 0.1,
    samples: 2,
    calibrationBatches: 1,
    constraints: { maxParams: null, maxFlops: null, maxLatencyMs: null },
    ...SPOS_OPTIONS,
  };
  return { ...dartsSpec(space), strategy: s };
}

describe('probeUnits', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  it('times every DARTS unit with the engine code and frees every tensor', async () => {
    const before = tf.memory().numTensors;
    const t = await probeUnits(
      dartsSpec(tinyDarts()),
      DATA,
      ['alphaPass', 'weightStep', 'searchStep', 'supernetExample', 'subnetExample'],
      { timing: QUICK },
    );
    expect(Object.keys(t).sort()).toEqual(
      ['alphaPass', 'searchStep', 'subnetExample', 'supernetExample', 'weightStep'].sort(),
    );
    for (const ms of Object.values(t)) expect(ms).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('times the SPOS and multi-trial units, the latency entries it is given and a subnet timing', async () => {
    const spec = sposSpec(tinyNb201());
    const keys = latencyKeys(spec.space, DATA.input, DATA.classes);
    const before = tf.memory().numTensors;
    const t = await probeUnits(
      spec,
      DATA,
      ['pathStep', 'subnetStep', 'subnetExample', 'latencyEntry', 'subnetTiming'],
      { timing: QUICK, latencyKeys: keys },
    );
    for (const u of ['pathStep', 'subnetStep', 'subnetExample', 'latencyEntry', 'subnetTiming'])
      expect(t[u as keyof typeof t]).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(before);
    await expect(
      probeUnits(spec, DATA, ['latencyEntry'], { timing: QUICK, latencyKeys: [] }),
    ).rejects.toThrow(/no latency-table entry/);
  });

  it('refuses a supernet search step for a strategy that takes none', async () => {
    await expect(
      probeUnits(sposSpec(tinyNb201()), DATA, ['searchStep'], { timing: QUICK }),
    ).rejects.toThrow(/Only a DARTS run/);
  });

  it('stops when asked, leaving nothing allocated', async () => {
    const before = tf.memory().numTensors;
    let asked = 0;
    await expect(
      probeUnits(dartsSpec(tinyDarts()), DATA, WORK_UNIT_NAMES.slice(0, 3), {
        timing: QUICK,
        shouldStop: () => ++asked > 2,
      }),
    ).rejects.toBeInstanceOf(ProbeStopped);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses data without training or validation examples', async () => {
    const empty = { ...DATA, valid: { x: new Float32Array(0), y: new Int32Array(0), count: 0 } };
    await expect(
      probeUnits(dartsSpec(tinyDarts()), empty, ['weightStep'], { timing: QUICK }),
    ).rejects.toThrow(/splits is empty/);
  });
});

describe('selectionCount agrees with the engine’s selection plan', () => {
  it.each([
    ['teaching', presetSpace('teaching')],
    ['darts', presetSpace('darts')],
    ['tiny darts', tinyDarts()],
  ])('%s', (_name, space) => {
    const rounds = selectionRounds(space, createRng(5));
    const steps = rounds.flat();
    const ops = steps.filter((s) => s.kind === 'op');
    const nodes = steps.filter((s) => s.kind === 'node');
    const passes = steps.reduce(
      (n, s) => n + 1 + (s.kind === 'op' ? s.candidates.length : s.edges.length),
      0,
    );
    const opRounds = rounds.filter((r) => r.some((s) => s.kind === 'op')).length;
    expect(selectionCount(space)).toEqual({
      opDecisions: ops.length,
      nodeDecisions: nodes.length,
      passes,
      opRounds,
      nodeRounds: rounds.length - opRounds,
    });
  });
});
