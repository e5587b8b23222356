import { describe, expect, it } from 'vitest';
import {
  defaultDataset,
  defaultExperiment,
  defaultMultiTrial,
  defaultSpos,
  NO_CONSTRAINTS,
} from './defaults';
import type { MultiTrialStrategySpec, SposStrategySpec } from './spec';
import { validateExperiment, validateStrategy } from './validate';

const one = (problems: { path: string; message: string; code: string }[]) => {
  expect(problems).toHaveLength(1);
  return problems[0];
};

describe('validateStrategy (SPOS)', () => {
  const spos = (over: Partial<SposStrategySpec>): SposStrategySpec => ({
    ...defaultSpos(defaultDataset('spiral'), 1000n),
    ...over,
  });

  it('accepts the defaults and names a broken field in plain words', () => {
    expect(validateStrategy(spos({}))).toEqual([]);
    expect(one(validateStrategy(spos({ weightLr: -0.1 })))).toEqual({
      path: 'strategy.weightLr',
      code: 'too-small',
      message: 'Weight learning rate must be greater than 0 (got -0.1).',
    });
    expect(one(validateStrategy(spos({ generations: 0 })))?.message).toBe(
      'Generations must be a whole number from 1 to 1000 (got 0).',
    );
    expect(one(validateStrategy(spos({ mutationProb: 1.5 })))?.message).toBe(
      'Mutation probability must be at most 1 (got 1.5).',
    );
  });

  it('checks every field, the search kind, top-k and the constraints', () => {
    const bad: [Partial<SposStrategySpec>, string][] = [
      [{ epochs: 0 }, 'strategy.epochs'],
      [{ batchSize: 0 }, 'strategy.batchSize'],
      [{ momentum: 1 }, 'strategy.momentum'],
      [{ gradClip: 0 }, 'strategy.gradClip'],
      [{ population: 2.5 }, 'strategy.population'],
      [{ mutations: -1 }, 'strategy.mutations'],
      [{ crossovers: Number.NaN }, 'strategy.crossovers'],
      [{ samples: 0 }, 'strategy.samples'],
      [{ calibrationBatches: 0 }, 'strategy.calibrationBatches'],
      [{ validSubset: 0 }, 'strategy.validSubset'],
      [{ validSubset: 12.5 }, 'strategy.validSubset'],
      [{ validSubset: 10001 }, 'strategy.validSubset'],
      [{ search: 'grid' as 'random' }, 'strategy.search'],
      [{ weightLrMin: 1 }, 'strategy.weightLrMin'],
      [{ population: 4, topK: 5 }, 'strategy.topK'],
      [{ constraints: { ...NO_CONSTRAINTS, maxParams: 0 } }, 'strategy.constraints.maxParams'],
      [{ constraints: { ...NO_CONSTRAINTS, maxFlops: -5 } }, 'strategy.constraints.maxFlops'],
      [
        { constraints: { ...NO_CONSTRAINTS, maxLatencyMs: 0 } },
        'strategy.constraints.maxLatencyMs',
      ],
    ];
    for (const [over, path] of bad) expect(one(validateStrategy(spos(over)))?.path).toBe(path);
    expect(one(validateStrategy(spos({ population: 4, topK: 5 })))?.message).toBe(
      'Top-k parents must be at most the population 4 (got 5).',
    );
    expect(one(validateStrategy(spos({ search: 'grid' as 'random' })))?.message).toBe(
      `The SPOS search must be 'evolution' or 'random' (got "grid").`,
    );
    expect(
      validateStrategy(
        spos({
          constraints: { maxParams: 1000, maxFlops: 2000, maxLatencyMs: 0.5 },
          mutations: 0,
        }),
      ),
    ).toEqual([]);
  });

  it('rejects an unknown strategy kind', () => {
    const unknown = { ...spos({}), kind: 'enas' } as unknown as SposStrategySpec;
    expect(one(validateStrategy(unknown))).toEqual({
      path: 'strategy.kind',
      code: 'unknown-strategy',
      message: `Strategy "enas" is not known; the studio runs 'darts', 'gdas', 'pc-darts', 'spos', 'multi-trial' or 'zero-cost'.`,
    });
  });

  it('checks that a SPOS batch fits the splits', () => {
    const spec = defaultExperiment('teaching', 'spiral');
    const strategy = spos({ batchSize: 1000 });
    expect(
      validateExperiment({ ...spec, strategy }).filter((p) => p.path === 'strategy.batchSize'),
    ).toHaveLength(2);
  });
});

describe('validateStrategy (multi-trial)', () => {
  const multi = (over: Partial<MultiTrialStrategySpec>): MultiTrialStrategySpec => ({
    ...defaultMultiTrial(defaultDataset('spiral'), 1000n),
    ...over,
  });

  it('accepts the defaults and names a broken field in plain words', () => {
    expect(validateStrategy(multi({}))).toEqual([]);
    expect(one(validateStrategy(multi({ trials: 0 })))).toEqual({
      path: 'strategy.trials',
      code: 'too-small',
      message: 'Trials must be a whole number from 1 to 100000 (got 0).',
    });
    expect(one(validateStrategy(multi({ trials: 100001 })))?.message).toBe(
      'Trials must be a whole number from 1 to 100000 (got 100001).',
    );
    expect(one(validateStrategy(multi({ sample: 0 })))?.message).toBe(
      'Tournament sample must be a whole number from 1 to 10000 (got 0).',
    );
    expect(one(validateStrategy(multi({ population: 0 })))?.message).toBe(
      'Population must be a whole number from 1 to 10000 (got 0).',
    );
    expect(one(validateStrategy(multi({ search: 'grid' as 'random' })))?.message).toBe(
      `The multi-trial search must be 'evolution' or 'random' (got "grid").`,
    );
  });

  it('checks the per-trial budget, calibration batches and every bound', () => {
    const bad: [Partial<MultiTrialStrategySpec>, string][] = [
      [{ epochs: 0 }, 'strategy.epochs'],
      [{ batchSize: 2000 }, 'strategy.batchSize'],
      [{ weightLr: 0 }, 'strategy.weightLr'],
      [{ weightLrMin: 1 }, 'strategy.weightLrMin'],
      [{ momentum: 1 }, 'strategy.momentum'],
      [{ gradClip: -1 }, 'strategy.gradClip'],
      [{ trials: 2.5 }, 'strategy.trials'],
      [{ population: Number.NaN }, 'strategy.population'],
      [{ calibrationBatches: 0 }, 'strategy.calibrationBatches'],
      [{ constraints: { ...NO_CONSTRAINTS, maxParams: 10.5 } }, 'strategy.constraints.maxParams'],
      [{ constraints: { ...NO_CONSTRAINTS, maxFlops: 0 } }, 'strategy.constraints.maxFlops'],
      [
        { constraints: { ...NO_CONSTRAINTS, maxLatencyMs: -1 } },
        'strategy.constraints.maxLatencyMs',
      ],
    ];
    for (const [over, path] of bad) expect(one(validateStrategy(multi(over)))?.path).toBe(path);
    expect(
      one(validateStrategy(multi({ constraints: { ...NO_CONSTRAINTS, maxLatencyMs: 0 } })))
        ?.message,
    ).toBe('Max latency (ms) must be greater than 0 (got 0).');
    expect(
      validateStrategy(
        multi({
          search: 'random',
          trials: 100000,
          sample: 50,
          constraints: { maxParams: 500, maxFlops: 900, maxLatencyMs: 0.02 },
        }),
      ),
    ).toEqual([]);
  });

  it('asks for the constraints when they are missing, and for a bound given as nothing', () => {
    const none = { ...multi({}), constraints: undefined } as unknown as MultiTrialStrategySpec;
    expect(one(validateStrategy(none))).toEqual({
      path: 'strategy.constraints',
      code: 'missing',
      message:
        'Multi-trial search needs constraints: give maxParams, maxFlops and maxLatencyMs (null for no bound).',
    });
    const old = {
      ...multi({}),
      constraints: { maxParams: null, maxFlops: null },
    } as unknown as MultiTrialStrategySpec;
    expect(one(validateStrategy(old))?.path).toBe('strategy.constraints.maxLatencyMs');
  });

  it('checks that a trial batch fits the splits', () => {
    const spec = defaultExperiment('teaching', 'spiral');
    const strategy = multi({ batchSize: 1000 });
    expect(
      validateExperiment({ ...spec, strategy }).filter((p) => p.path === 'strategy.batchSize'),
    ).toHaveLength(2);
  });
});
