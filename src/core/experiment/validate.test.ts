import { describe, expect, it } from 'vitest';
import { defaultDarts, defaultDataset, defaultExperiment } from './defaults';
import type { DartsStrategySpec, DatasetSpec, ExperimentSpec } from './spec';
import { validateDataset, validateExperiment, validateStrategy } from './validate';

const strategy = (over: Partial<DartsStrategySpec>): DartsStrategySpec => ({
  ...defaultDarts(defaultDataset('spiral')),
  ...over,
});
const dataset = (over: Partial<DatasetSpec>): DatasetSpec => ({
  ...defaultDataset('spiral'),
  ...over,
});
const one = (problems: { path: string; message: string; code: string }[]) => {
  expect(problems).toHaveLength(1);
  return problems[0];
};

describe('validateStrategy', () => {
  it('names the value and the broken bound', () => {
    expect(one(validateStrategy(strategy({ weightLr: -0.1 })))).toEqual({
      path: 'strategy.weightLr',
      code: 'too-small',
      message: 'Weight learning rate must be greater than 0 (got -0.1).',
    });
    expect(one(validateStrategy(strategy({ alphaLr: 11 })))?.message).toBe(
      'Alpha learning rate must be at most 10 (got 11).',
    );
    expect(one(validateStrategy(strategy({ alphaLr: Number.NaN })))?.message).toBe(
      'Alpha learning rate must be a finite number (got NaN).',
    );
    expect(one(validateStrategy(strategy({ epochs: 0 })))?.message).toBe(
      'Epochs must be a whole number from 1 to 500 (got 0).',
    );
    expect(one(validateStrategy(strategy({ epochs: 2.5 })))?.code).toBe('not-integer');
    expect(one(validateStrategy(strategy({ batchSize: 1025 })))?.path).toBe('strategy.batchSize');
  });

  it('checks every field against its range', () => {
    const bad: [Partial<DartsStrategySpec>, string][] = [
      [{ momentum: 1 }, 'strategy.momentum'],
      [{ momentum: -0.1 }, 'strategy.momentum'],
      [{ weightDecay: 1.5 }, 'strategy.weightDecay'],
      [{ alphaWeightDecay: -1e-3 }, 'strategy.alphaWeightDecay'],
      [{ gradClip: 0 }, 'strategy.gradClip'],
      [{ alphaBeta1: 1 }, 'strategy.alphaBeta1'],
      [{ alphaBeta2: -0.5 }, 'strategy.alphaBeta2'],
      [{ weightLrMin: -1 }, 'strategy.weightLrMin'],
      [{ order: 3 as 1 }, 'strategy.order'],
    ];
    for (const [over, path] of bad) expect(one(validateStrategy(strategy(over)))?.path).toBe(path);
    expect(
      validateStrategy(
        strategy({
          momentum: 0,
          weightDecay: 0,
          weightLrMin: 0,
          order: 2,
          epochs: 500,
          batchSize: 1024,
        }),
      ),
    ).toEqual([]);
  });

  it('requires the final weight learning rate not to exceed the initial one', () => {
    expect(one(validateStrategy(strategy({ weightLr: 0.01, weightLrMin: 0.02 })))?.message).toBe(
      'Final weight learning rate must be at most the weight learning rate 0.01 (got 0.02).',
    );
  });
});

describe('validateDataset', () => {
  it('checks samples per kind, noise and image size', () => {
    expect(one(validateDataset(dataset({ samples: 49 })))?.message).toBe(
      'Samples must be a whole number from 50 to 5000 (got 49).',
    );
    expect(validateDataset(dataset({ samples: 5000 }))).toEqual([]);
    const mnist = defaultDataset('mnist');
    expect(one(validateDataset({ ...mnist, samples: 10001 }))?.message).toBe(
      'MNIST samples must be a whole number from 100 to 10000 (got 10001).',
    );
    expect(one(validateDataset({ ...mnist, imageSize: 16 }))?.message).toBe(
      'Image size must be 7, 14 or 28 pixels (got 16).',
    );
    expect(one(validateDataset(dataset({ noise: 0.6 })))?.message).toBe(
      'Noise must be at most 0.5 (got 0.6).',
    );
    // Fields a dataset ignores are not checked.
    expect(validateDataset({ ...mnist, noise: 7 })).toEqual([]);
    expect(validateDataset(dataset({ imageSize: 3 }))).toEqual([]);
    expect(one(validateDataset(dataset({ id: 'cifar' as 'xor' })))?.code).toBe('unknown-dataset');
  });

  it('checks fractions and split sizes', () => {
    expect(one(validateDataset(dataset({ trainFraction: 0 })))?.path).toBe('dataset.trainFraction');
    expect(one(validateDataset(dataset({ trainFraction: 0.6, validFraction: 0.4 })))).toEqual({
      path: 'dataset.validFraction',
      code: 'fractions-sum',
      message:
        'Train and valid fractions must leave some data for the test split: 0.6 + 0.4 = 1 is not below 1.',
    });
    expect(
      one(validateDataset(dataset({ samples: 50, trainFraction: 0.49, validFraction: 0.5 })))
        ?.message,
    ).toBe(
      'The test split gets no examples from 50 samples at fractions 0.49 / 0.5; it needs at least 1.',
    );
  });
});

describe('validateExperiment', () => {
  const base = defaultExperiment('teaching', 'spiral');

  it('checks version and seed', () => {
    expect(validateExperiment({ ...base, version: 2 as 1 }).map((p) => p.path)).toEqual([
      'version',
    ]);
    expect(validateExperiment({ ...base, seed: -1 }).map((p) => p.path)).toEqual(['seed']);
    expect(validateExperiment({ ...base, seed: 2 ** 32 }).map((p) => p.path)).toEqual(['seed']);
    expect(validateExperiment({ ...base, seed: 2 ** 32 - 1 })).toEqual([]);
  });

  it('requires a batch to fit in the train and valid splits', () => {
    const spec: ExperimentSpec = {
      ...base,
      dataset: { ...base.dataset, samples: 100 },
      strategy: { ...base.strategy, batchSize: 64 },
    };
    expect(validateExperiment(spec)).toEqual([
      {
        path: 'strategy.batchSize',
        code: 'split-smaller-than-batch',
        message:
          'The train split has 40 examples, fewer than one batch of 64; lower the batch size or use more data.',
      },
      expect.objectContaining({ code: 'split-smaller-than-batch', path: 'strategy.batchSize' }),
    ]);
  });

  it('checks the space against the dataset input', () => {
    const mnist = defaultExperiment('nb201', 'mnist');
    const tiny = { ...mnist, dataset: { ...mnist.dataset, imageSize: 7 } };
    expect(validateExperiment(tiny).map((p) => p.code)).toEqual(['input-too-small']);
    const cellIssue = {
      ...base,
      space: { ...base.space, normal: { ...base.space.normal, inputs: [] } },
    };
    expect(validateExperiment(cellIssue).map((p) => p.path)).toContain('space.normal.inputs');
  });
});
