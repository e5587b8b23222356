import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { latencyKeys, latencyKeyString } from '../../core/cost/latency';
import { priceWork, type UnitTimings } from '../../core/cost/run-estimate';
import { runWork } from '../../core/cost/run-work';
import type { WorkUnit } from '../../core/cost/work-units';
import { defaultExperiment, defaultSpos } from '../../core/experiment/defaults';
import type { ExperimentSpec, LoadedDataset } from '../../core/experiment/spec';
import { spaceSize } from '../../core/search-space/size';
import { EIGEN_DEFAULTS } from '../diagnostics/hessian';
import { HESSIAN_EXAMPLES } from '../diagnostics/epoch';
import { DEFAULT_MEASURE } from '../latency/measure';
import { latencyDevice, resetLatencyCache, storeLatencyTable } from '../latency/table-cache';
import { initNodeBackend } from '../node-backend';
import { CHECKED_SUBNETS } from '../search-check';
import { randomImages } from '../spaces.testkit';
import type { probeUnits } from './probe-units';
import { createRunEstimator, ENGINE_WORK, keysToMeasure } from './run-estimator';

/** A stand-in probe: unit u takes TIMES[u] ms; every call is recorded. */
function fakeProbe() {
  const calls: WorkUnit[][] = [];
  const probe: typeof probeUnits = async (_spec, _data, units) => {
    calls.push([...units]);
    const out: UnitTimings = {};
    units.forEach((u) => (out[u] = TIMES[u] ?? 1));
    return out;
  };
  return { probe, calls };
}

const TIMES: Partial<Record<WorkUnit, number>> = {
  searchStep: 500,
  weightStep: 300,
  alphaPass: 200,
  supernetExample: 0.5,
  pathStep: 40,
  subnetExample: 0.2,
  latencyEntry: 50,
  subnetTiming: 30,
};

/** NB201 on 14x14 digits, and a loaded-dataset stand-in of its shape (the fake probe reads no data). */
const NB201 = defaultExperiment('nb201', 'mnist');
const DATA: LoadedDataset = randomImages(14, 14, 1, 10, [8, 8, 8]);

const withEpochs = (spec: ExperimentSpec, epochs: number): ExperimentSpec => ({
  ...spec,
  strategy: { ...spec.strategy, epochs },
});

describe('createRunEstimator', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });
  afterEach(() => resetLatencyCache());

  it('counts with the engine’s own settings', () => {
    expect(ENGINE_WORK).toEqual({
      hessianExamples: HESSIAN_EXAMPLES,
      hessianProducts: EIGEN_DEFAULTS.maxIterations,
      checkedSubnets: CHECKED_SUBNETS,
    });
  });

  it('prices the run’s work with the probed times', async () => {
    const { probe, calls } = fakeProbe();
    const e = await createRunEstimator(probe).estimate(NB201, DATA);
    expect(calls).toEqual([['searchStep', 'supernetExample', 'subnetExample', 'alphaPass']]);
    const priced = priceWork(runWork(NB201, { engine: ENGINE_WORK }), TIMES);
    expect(e.totalSeconds).toBeCloseTo(priced.totalSeconds, 9);
    expect(e.phases).toEqual(priced.phases);
    expect(e.backend).toBe('wasm');
    expect(e.units.searchStep).toBe(NB201.strategy.epochs * 25); // 800 training digits at batch 32
  });

  it('estimates other epochs or another seed without probing again', async () => {
    const { probe, calls } = fakeProbe();
    const estimator = createRunEstimator(probe);
    const four = await estimator.estimate(withEpochs(NB201, 4), DATA);
    const eight = await estimator.estimate({ ...withEpochs(NB201, 8), seed: 9 }, DATA);
    expect(calls).toHaveLength(1);
    expect(eight.probeMs).toBe(0);
    expect(eight.units.searchStep).toBe(2 * (four.units.searchStep ?? 0));
    expect(eight.totalSeconds).toBeGreaterThan(four.totalSeconds);
  });

  it('probes again for another batch size or another space', async () => {
    const { probe, calls } = fakeProbe();
    const estimator = createRunEstimator(probe);
    await estimator.estimate(NB201, DATA);
    await estimator.estimate({ ...NB201, strategy: { ...NB201.strategy, batchSize: 64 } }, DATA);
    const wider = {
      ...NB201,
      space: { ...NB201.space, macro: { ...NB201.space.macro, channels: 16 } },
    };
    await estimator.estimate(wider, DATA);
    expect(calls).toHaveLength(3);
  });

  it('probes only the kinds of unit not timed yet when the strategy changes', async () => {
    const { probe, calls } = fakeProbe();
    const estimator = createRunEstimator(probe);
    await estimator.estimate(NB201, DATA);
    const spos = { ...NB201, strategy: defaultSpos(NB201.dataset, spaceSize(NB201.space)) };
    const e = await estimator.estimate(spos, DATA);
    expect(calls[1]).toEqual(['pathStep', 'latencyEntry', 'subnetTiming']);
    expect(e.units.latencyEntry).toBe(latencyKeys(NB201.space, DATA.input, DATA.classes).length);
  });

  it('counts only the latency entries the worker’s cached table lacks', async () => {
    const spos = { ...NB201, strategy: defaultSpos(NB201.dataset, spaceSize(NB201.space)) };
    const keys = latencyKeys(spos.space, DATA.input, DATA.classes);
    expect(keysToMeasure(spos, DATA)).toHaveLength(keys.length);
    expect(keysToMeasure(NB201, DATA)).toHaveLength(0);
    const entries = Object.fromEntries(keys.slice(2).map((k) => [latencyKeyString(k), 1]));
    storeLatencyTable({
      backend: 'wasm',
      device: latencyDevice(),
      created: '2026-01-01T00:00:00.000Z',
      batch: DEFAULT_MEASURE.batch,
      warmup: DEFAULT_MEASURE.warmup,
      repeats: DEFAULT_MEASURE.repeats,
      entries,
    });
    expect(keysToMeasure(spos, DATA)).toHaveLength(2);
    const { probe } = fakeProbe();
    const e = await createRunEstimator(probe).estimate(spos, DATA);
    expect(e.units.latencyEntry).toBe(2);
  });
});
