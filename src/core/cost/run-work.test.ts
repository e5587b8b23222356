import { describe, expect, it } from 'vitest';
import { defaultExperiment, SPOS_OPTIONS } from '../experiment/defaults';
import type {
  DartsStrategySpec,
  ExperimentSpec,
  MultiTrialStrategySpec,
  SposStrategySpec,
} from '../experiment/spec';
import { unitCounts } from './run-estimate';
import { latencyEntriesOf, runWork, specSplits } from './run-work';
import type { EngineWorkSettings, RunWork, WorkPhase, WorkUnit } from './work-units';

const ENGINE: EngineWorkSettings = { hessianExamples: 64, hessianProducts: 4, checkedSubnets: 5 };

/** The count of `unit` in `phase` (0 when absent). */
function count(work: RunWork, phase: WorkPhase, unit: WorkUnit): number {
  return work.filter((i) => i.phase === phase && i.unit === unit).reduce((n, i) => n + i.count, 0);
}

/** The default experiment of `preset` on `dataset` with DARTS settings `change`d. */
function darts(
  preset: 'teaching' | 'nb201' | 'darts',
  change: Partial<DartsStrategySpec> = {},
): ExperimentSpec {
  const spec = defaultExperiment(preset, preset === 'teaching' ? 'spiral' : 'mnist');
  if (spec.strategy.kind !== 'darts') throw new Error('expected DARTS');
  return { ...spec, strategy: { ...spec.strategy, ...change } };
}

describe('runWork: DARTS', () => {
  // Teaching on the spiral: 600 points, 240 train / 240 valid / 120 test; batch 32 gives 8 steps
  // an epoch (the last of 16); 100 epochs; 6 edges of 5 ops: 30 alphas.
  it('counts the teaching default: steps, evaluation, derived cell and diagnostics', () => {
    const spec = darts('teaching', { epochs: 100, batchSize: 32, warmupEpochs: 0 });
    expect(specSplits(spec)).toEqual({ train: 240, valid: 240, test: 120 });
    const w = runWork(spec, { engine: ENGINE });
    // Every step is a first-order search step (alpha step, then weight step).
    expect(count(w, 'training', 'searchStep')).toBe(800);
    expect(count(w, 'training', 'weightStep')).toBe(0);
    expect(count(w, 'training', 'alphaPass')).toBe(0);
    // 100 validation passes of 240, then train 240 and test 120 once (valid is reused).
    expect(count(w, 'evaluation', 'supernetExample')).toBe(100 * 240 + 240 + 120);
    // The derived cell: 4 calibration batches of 32, then the 240 validation examples.
    expect(count(w, 'evaluation', 'subnetExample')).toBe(128 + 240);
    // Per epoch 4 products x 2 alpha gradients x 2 batches of the 64-example sample.
    expect(count(w, 'diagnostics', 'alphaPass')).toBe(100 * 4 * 2 * 2);
    expect(w.some((i) => i.phase === 'selection' || i.phase === 'latency')).toBe(false);
  });

  it('takes no alpha step and no Hessian during the warm-up epochs', () => {
    const spec = darts('teaching', { epochs: 100, batchSize: 32, warmupEpochs: 20 });
    const w = runWork(spec, { engine: ENGINE });
    expect(count(w, 'training', 'weightStep')).toBe(20 * 8);
    expect(count(w, 'training', 'searchStep')).toBe(80 * 8);
    expect(count(w, 'diagnostics', 'alphaPass')).toBe(80 * 16);
    expect(count(w, 'evaluation', 'supernetExample')).toBe(100 * 240 + 360);
  });

  it('counts no alpha work at all when the warm-up covers every epoch', () => {
    const w = runWork(darts('teaching', { epochs: 3, warmupEpochs: 5 }), { engine: ENGINE });
    expect(unitCounts(w).alphaPass).toBeUndefined();
    expect(unitCounts(w).searchStep).toBeUndefined();
    expect(count(w, 'training', 'weightStep')).toBe(3 * 8);
  });

  // NB201 on 14x14 digits: 2,000 digits, 800 / 800 / 400; batch 32 gives 25 steps; 4 epochs.
  it('counts a second-order step as a first-order one plus two weight-sized and one alpha gradient', () => {
    const first = runWork(darts('nb201', { epochs: 4, order: 1 }), { engine: ENGINE });
    expect(count(first, 'training', 'searchStep')).toBe(100);
    const second = runWork(darts('nb201', { epochs: 4, order: 2, warmupEpochs: 1 }), {
      engine: ENGINE,
    });
    // 25 warm-up weight steps; 75 searched steps, each with 2 more weight-sized gradients and 1
    // more alpha gradient: 3 + 2 in all, against 1 + 1 for first order.
    expect(count(second, 'training', 'searchStep')).toBe(75);
    expect(count(second, 'training', 'weightStep')).toBe(25 + 2 * 75);
    expect(count(second, 'training', 'alphaPass')).toBe(75);
    expect(count(second, 'diagnostics', 'alphaPass')).toBe(3 * 4 * 2 * 2);
  });

  it('takes the Hessian over the whole validation split when it is smaller than the sample', () => {
    const spec = darts('teaching', { epochs: 2, batchSize: 16 });
    const small = { ...spec, dataset: { ...spec.dataset, samples: 100 } };
    // 40 / 40 / 20: the Hessian's 40 examples in 3 batches of 16.
    const w = runWork(small, { engine: ENGINE });
    expect(count(w, 'diagnostics', 'alphaPass')).toBe(2 * 4 * 2 * 3);
    // Calibration stops at the training split: 4 batches of 16 would be 64 of its 40.
    expect(count(w, 'evaluation', 'subnetExample')).toBe(40 + 40);
  });

  // Teaching, per-edge: 6 edge decisions of 1 + 5 passes; 6 rounds, tuned between them.
  it('counts perturbation selection on a per-edge cell', () => {
    const spec = darts('teaching', { epochs: 100, selection: 'perturbation', tuneEpochs: 2 });
    const w = runWork(spec, { engine: ENGINE });
    expect(count(w, 'selection', 'supernetExample')).toBe(36 * 240);
    expect(count(w, 'selection', 'weightStep')).toBe(5 * 2 * 8);
    expect(count(w, 'selection', 'alphaPass')).toBe(5 * 2 * 8);
    expect(count(w, 'selection', 'subnetExample')).toBe(128 + 240);
  });

  // DARTS cells, top-k: per cell 14 edge decisions of 1 + 7 passes and 3 node decisions (nodes
  // with 3, 4 and 5 inputs) of 4, 5 and 6 passes; 14 + 3 rounds; alphas tuned while edges remain.
  it('counts perturbation selection on top-k cells with node decisions', () => {
    const spec = darts('darts', { epochs: 2, selection: 'perturbation', tuneEpochs: 1 });
    const { train, valid } = specSplits(spec);
    const steps = Math.ceil(train / spec.strategy.batchSize);
    const w = runWork(spec, { engine: ENGINE });
    expect(count(w, 'selection', 'supernetExample')).toBe(2 * (14 * 8 + 15) * valid);
    expect(count(w, 'selection', 'weightStep')).toBe(16 * steps);
    expect(count(w, 'selection', 'alphaPass')).toBe(13 * steps);
    const none = runWork(darts('darts', { epochs: 2, tuneEpochs: 0, selection: 'perturbation' }), {
      engine: ENGINE,
    });
    expect(count(none, 'selection', 'weightStep')).toBe(0);
  });
});

/** NB201 on 14x14 digits (800 / 800 / 400) with the strategy `s`. */
function nb201With(s: SposStrategySpec | MultiTrialStrategySpec): ExperimentSpec {
  return { ...defaultExperiment('nb201', 'mnist'), strategy: s };
}

const WEIGHTS = {
  epochs: 4,
  batchSize: 32,
  weightLr: 0.025,
  weightLrMin: 0.001,
  momentum: 0.9,
  weightDecay: 3e-4,
  gradClip: 5,
};
const NONE = { maxParams: null, maxFlops: null, maxLatencyMs: null };

const SPOS: SposStrategySpec = {
  kind: 'spos',
  ...WEIGHTS,
  search: 'evolution',
  generations: 3,
  population: 10,
  topK: 2,
  mutations: 4,
  crossovers: 4,
  mutationProb: 0.1,
  samples: 30,
  calibrationBatches: 4,
  constraints: NONE,
  validSubset: SPOS_OPTIONS.validSubset,
};

describe('runWork: SPOS', () => {
  it('counts supernet steps, the latency table, 30 candidates, the check and the final scores', () => {
    const w = runWork(nb201With(SPOS), { engine: ENGINE, latencyEntries: 17 });
    expect(count(w, 'training', 'pathStep')).toBe(4 * 25);
    expect(count(w, 'latency', 'latencyEntry')).toBe(17);
    // Per candidate: 4 calibration batches of 32, then the 800 validation examples.
    expect(count(w, 'scoring', 'subnetExample')).toBe(30 * (128 + 800));
    expect(count(w, 'check', 'subnetTiming')).toBe(5);
    // The best subnet on train, valid and test, each after its own calibration.
    expect(count(w, 'evaluation', 'subnetExample')).toBe(3 * 128 + 800 + 800 + 400);
  });

  it('measures every latency key of the space unless told fewer', () => {
    const spec = nb201With(SPOS);
    const w = runWork(spec, { engine: ENGINE });
    expect(count(w, 'latency', 'latencyEntry')).toBe(latencyEntriesOf(spec));
    expect(latencyEntriesOf(spec)).toBeGreaterThan(5);
    const cached = runWork(spec, { engine: ENGINE, latencyEntries: 0 });
    expect(cached.some((i) => i.unit === 'latencyEntry')).toBe(false);
  });

  it('scores candidates on the validation subset, or the whole split when it is no larger', () => {
    const withSubset = { ...SPOS, validSubset: 250 };
    const w = runWork(nb201With(withSubset), { engine: ENGINE, latencyEntries: 0 });
    expect(count(w, 'scoring', 'subnetExample')).toBe(30 * (128 + 250));
    const larger = { ...SPOS, validSubset: 5000 };
    const all = runWork(nb201With(larger), { engine: ENGINE, latencyEntries: 0 });
    expect(count(all, 'scoring', 'subnetExample')).toBe(30 * (128 + 800));
  });

  it('counts random search by its samples, never more than the space holds', () => {
    const random = { ...SPOS, search: 'random' as const, samples: 40 };
    const w = runWork(nb201With(random), { engine: ENGINE, latencyEntries: 0 });
    expect(count(w, 'scoring', 'subnetExample')).toBe(40 * 928);
    // A one-edge, two-op space has 2 subnets.
    const base = nb201With({ ...random, samples: 1000 });
    const edge = base.space.normal.edges[0];
    if (!edge) throw new Error('no edge');
    const tiny = {
      ...base,
      space: {
        ...base.space,
        normal: {
          ...base.space.normal,
          nodes: ['n1'],
          edges: [{ ...edge, ops: ['skip_connect', 'nor_conv_3x3'] as const }],
        },
      },
    };
    const few = runWork(tiny, { engine: ENGINE, latencyEntries: 0 });
    expect(count(few, 'scoring', 'subnetExample')).toBe(2 * 928);
    expect(count(few, 'check', 'subnetTiming')).toBe(2);
  });
});

describe('runWork: multi-trial', () => {
  const trials: MultiTrialStrategySpec = {
    kind: 'multi-trial',
    ...WEIGHTS,
    epochs: 1,
    search: 'evolution',
    trials: 20,
    population: 10,
    sample: 3,
    warmupProxy: 'none',
    warmupPool: 500,
    calibrationBatches: 4,
    constraints: NONE,
  };

  it('counts each trial: its training from scratch and three calibrated scores', () => {
    const w = runWork(nb201With(trials), { engine: ENGINE, latencyEntries: 9 });
    expect(count(w, 'latency', 'latencyEntry')).toBe(9);
    expect(count(w, 'training', 'subnetStep')).toBe(20 * 1 * 25);
    // Validation before and after training and test, each after 128 calibration examples.
    expect(count(w, 'scoring', 'subnetExample')).toBe(20 * (3 * 128 + 2 * 800 + 400));
    expect(count(w, 'check', 'subnetTiming')).toBe(5);
    expect(unitCounts(w).weightStep).toBeUndefined();
  });

  it('counts a zero-cost warm-up as one subnet step per pool member (evolution only)', () => {
    const warm = { ...trials, warmupProxy: 'synflow' as const, warmupPool: 300 };
    const w = runWork(nb201With(warm), { engine: ENGINE, latencyEntries: 9 });
    expect(count(w, 'scoring', 'subnetStep')).toBe(300);
    expect(count(w, 'training', 'subnetStep')).toBe(20 * 1 * 25);
    const random = runWork(nb201With({ ...warm, search: 'random' }), {
      engine: ENGINE,
      latencyEntries: 9,
    });
    expect(count(random, 'scoring', 'subnetStep')).toBe(0);
  });
});
