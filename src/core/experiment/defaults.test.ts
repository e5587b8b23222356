import { describe, expect, it } from 'vitest';
import { PRESET_NAMES, presetSpace } from '../search-space/presets';
import { spaceSize } from '../search-space/size';
import { scaledEvolution } from '../strategies/evolution-params';
import {
  browserMacro,
  datasetsFor,
  defaultDarts,
  defaultDataset,
  defaultExperiment,
  defaultMultiTrial,
  defaultSpos,
  defaultStrategy,
  NO_CONSTRAINTS,
  STRATEGY_LABELS,
} from './defaults';
import { validateExperiment } from './validate';

describe('defaults', () => {
  it('gives every preset a valid experiment on each compatible dataset', () => {
    for (const preset of PRESET_NAMES) {
      for (const dataset of datasetsFor(preset)) {
        const spec = defaultExperiment(preset, dataset);
        expect(validateExperiment(spec), `${preset} on ${dataset}`).toEqual([]);
        expect(spec.space.preset).toBe(preset);
      }
    }
    expect(datasetsFor('teaching')).toEqual(['spiral', 'circles', 'xor', 'gaussian']);
    expect(datasetsFor('darts')).toEqual(['mnist']);
  });

  it('uses the 2D and MNIST data defaults', () => {
    expect(defaultDataset('spiral')).toMatchObject({
      samples: 600,
      noise: 0.1,
      trainFraction: 0.4,
      validFraction: 0.4,
    });
    expect(defaultDataset('mnist')).toMatchObject({ samples: 2000, imageSize: 14 });
  });

  it('scales DARTS to the data and keeps the paper values otherwise', () => {
    const twoD = defaultDarts(defaultDataset('xor'));
    expect(twoD).toEqual({
      kind: 'darts',
      order: 1,
      epochs: 100,
      batchSize: 32,
      weightLr: 0.3,
      weightLrMin: 0.001,
      momentum: 0.9,
      weightDecay: 3e-4,
      gradClip: 5,
      alphaLr: 3e-3,
      alphaBeta1: 0.5,
      alphaBeta2: 0.999,
      alphaWeightDecay: 1e-3,
      warmupEpochs: 0,
      earlyStop: 'off',
      stableEpochs: 10,
      selection: 'magnitude',
      tuneEpochs: 1,
    });
    expect(defaultDarts(defaultDataset('mnist'))).toEqual({ ...twoD, epochs: 4, weightLr: 0.025 });
  });

  it('shrinks image macros for the browser and keeps the teaching macro', () => {
    const img = (side: number) => ({
      kind: 'image' as const,
      height: side,
      width: side,
      channels: 1,
    });
    expect(browserMacro('darts', img(14))).toEqual({
      channels: 8,
      stemMultiplier: 3,
      stages: 3,
      cellsPerStage: 1,
      reduction: 'cell',
    });
    expect(browserMacro('nb201', img(7))).toEqual({
      channels: 8,
      stemMultiplier: 1,
      stages: 2,
      cellsPerStage: 1,
      reduction: 'residual',
    });
    expect(browserMacro('teaching', { kind: 'vector', features: 2 })).toEqual(
      presetSpace('teaching').macro,
    );
  });

  it('names the experiment and takes the seed', () => {
    const spec = defaultExperiment('nb201', 'mnist', 77);
    expect(spec.name).toBe('NAS-Bench-201 on MNIST');
    expect(spec.seed).toBe(77);
    expect(defaultExperiment('nb201', 'mnist').seed).toBe(1);
  });

  it('gives a spec validation rejects when the preset does not fit the data', () => {
    expect(validateExperiment(defaultExperiment('teaching', 'mnist')).map((p) => p.code)).toContain(
      'op-domain',
    );
    expect(validateExperiment(defaultExperiment('darts', 'spiral')).map((p) => p.code)).toContain(
      'op-domain',
    );
  });
});

describe('defaultExperiment for DARTS on MNIST', () => {
  it('searches 7x7 digits in two stages so a default run ends in minutes on wasm', () => {
    const spec = defaultExperiment('darts', 'mnist');
    expect(spec.dataset.imageSize).toBe(7);
    expect(spec.space.macro.stages).toBe(2);
    expect(defaultExperiment('nb201', 'mnist').dataset.imageSize).toBe(14);
  });
});

describe('defaultSpos', () => {
  it('takes the weight optimiser from DARTS and scales the SPOS evolution to the space', () => {
    const data = defaultDataset('circles');
    const size = spaceSize(presetSpace('teaching'));
    const spos = defaultSpos(data, size);
    const darts = defaultDarts(data);
    const evo = scaledEvolution(size);
    expect(spos).toMatchObject({
      kind: 'spos',
      epochs: darts.epochs,
      batchSize: darts.batchSize,
      weightLr: darts.weightLr,
      weightLrMin: darts.weightLrMin,
      momentum: darts.momentum,
      weightDecay: darts.weightDecay,
      gradClip: darts.gradClip,
      search: 'evolution',
      generations: evo.generations,
      population: evo.population,
      topK: evo.topK,
      mutations: evo.mutations,
      crossovers: evo.crossovers,
      mutationProb: 0.1,
      samples: evo.generations * evo.population,
      constraints: { maxParams: null, maxFlops: null, maxLatencyMs: null },
    });
    expect(spos.generations * spos.population).toBeLessThanOrEqual(Number(size / 2n));
  });

  it('keeps the paper values on a large space and is valid on every preset', () => {
    const big = defaultSpos(defaultDataset('mnist'), 10n ** 12n);
    expect(big).toMatchObject({
      generations: 20,
      population: 50,
      topK: 10,
      mutations: 25,
      crossovers: 25,
      mutationProb: 0.1,
      samples: 1000,
    });
    for (const preset of PRESET_NAMES) {
      for (const dataset of datasetsFor(preset)) {
        const spec = defaultExperiment(preset, dataset);
        const strategy = defaultSpos(spec.dataset, spaceSize(spec.space));
        expect(validateExperiment({ ...spec, strategy }), `${preset} on ${dataset}`).toEqual([]);
      }
    }
  });
});

describe('defaultMultiTrial', () => {
  it('trains each trial with the DARTS optimiser for a fifth of its epochs, under no bound', () => {
    for (const id of ['spiral', 'mnist'] as const) {
      const data = defaultDataset(id);
      const darts = defaultDarts(data);
      expect(defaultMultiTrial(data, 10n ** 6n)).toEqual({
        kind: 'multi-trial',
        epochs: Math.max(1, Math.round(darts.epochs / 5)),
        batchSize: darts.batchSize,
        weightLr: darts.weightLr,
        weightLrMin: darts.weightLrMin,
        momentum: darts.momentum,
        weightDecay: darts.weightDecay,
        gradClip: darts.gradClip,
        search: 'evolution',
        trials: 20,
        population: 10,
        sample: 3,
        calibrationBatches: 4,
        constraints: NO_CONSTRAINTS,
      });
    }
    expect(defaultMultiTrial(defaultDataset('spiral'), 10n ** 6n).epochs).toBe(20);
    expect(defaultMultiTrial(defaultDataset('mnist'), 10n ** 6n).epochs).toBe(1);
  });

  it('never trains more than half the space, and keeps at least one trial', () => {
    const data = defaultDataset('circles');
    for (const size of [1n, 2n, 3n, 7n, 39n, 40n, 41n, 15625n]) {
      const m = defaultMultiTrial(data, size);
      expect(m.trials, `space of ${size}`).toBeGreaterThanOrEqual(1);
      if (size >= 2n) expect(BigInt(m.trials), `space of ${size}`).toBeLessThanOrEqual(size / 2n);
      expect(m.population).toBeGreaterThanOrEqual(1);
      expect(m.population).toBeLessThanOrEqual(Math.max(1, m.trials));
    }
  });

  it('is valid for every preset on each compatible dataset, with the trials at most half the space', () => {
    for (const preset of PRESET_NAMES) {
      for (const dataset of datasetsFor(preset)) {
        const spec = defaultExperiment(preset, dataset);
        const size = spaceSize(spec.space);
        const strategy = defaultMultiTrial(spec.dataset, size);
        expect(validateExperiment({ ...spec, strategy }), `${preset} on ${dataset}`).toEqual([]);
        expect(BigInt(strategy.trials)).toBeLessThanOrEqual(size / 2n);
      }
    }
  });
});

describe('defaultStrategy', () => {
  it('gives each kind its defaults, all valid, each with a label', () => {
    const spec = defaultExperiment('nb201', 'mnist');
    const size = spaceSize(spec.space);
    for (const kind of ['darts', 'spos', 'multi-trial'] as const) {
      const strategy = defaultStrategy(kind, spec.dataset, size);
      expect(strategy.kind).toBe(kind);
      expect(validateExperiment({ ...spec, strategy }), kind).toEqual([]);
      expect(STRATEGY_LABELS[kind].length).toBeGreaterThan(0);
    }
    expect(defaultStrategy('spos', spec.dataset, size)).toEqual(defaultSpos(spec.dataset, size));
  });
});
