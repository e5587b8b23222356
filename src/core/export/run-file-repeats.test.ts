import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../experiment/defaults';
import type { Genotype } from '../search-space/types';
import { createRng } from '../random';
import { emptySeries } from '../series/downsample';
import { spreadOf } from '../stats/spread';
import { genotypeKey } from '../strategies/genotype-key';
import { sampleGenotype } from '../strategies/sample';
import { parseRunFile, runFileOf, serializeRunFile, type RunFile } from './run-file';
import { medianSeed, repeatsRunFile, type ReturnedRepeat } from './run-file-repeats';

const spec = defaultExperiment('teaching', 'spiral', 10);

/** Seed `seed`'s finished run ending with `genotype`, whose record scores `accuracy`. */
function seedRun(seed: number, genotype: Genotype, accuracy: number): RunFile {
  const key = genotypeKey(spec.space, genotype);
  return runFileOf(
    {
      spec: { ...spec, seed },
      status: 'finished',
      result: {
        genotype,
        metrics: {
          trainAcc: 0.9,
          validAcc: accuracy - 0.01,
          testAcc: accuracy - 0.02,
          trainLoss: 0.3,
          validLoss: 0.4,
          testLoss: 0.5,
        },
      },
      subnets: [
        {
          key,
          genotype,
          accuracy,
          evaluation: 'inherited',
          params: 100,
          flops: 200,
          latencyMs: null,
          generation: 0,
          origin: 'derived',
        },
      ],
      steps: emptySeries(),
      evals: emptySeries(),
    },
    { exportedAt: '2026-01-01T00:00:00.000Z' },
  );
}

/** Repeat `index` (seed 10 + index) returned by worker w`index`. */
function returned(index: number, genotype: Genotype, accuracy: number): ReturnedRepeat {
  const run = seedRun(10 + index, genotype, accuracy);
  return {
    index,
    file: `r.seed-${10 + index}.json`,
    run,
    trial: {
      index,
      key: genotypeKey(spec.space, genotype),
      worker: `w${index}`,
      trainMs: 1500 * (index + 1),
      waitMs: 0,
      attempts: 1,
      finishedAt: '2026-01-01T00:00:01.000Z',
      steps: 40,
      trainLoss: 0.3,
      validAcc: accuracy - 0.01,
      validLoss: 0.4,
      testAcc: accuracy - 0.02,
      testLoss: 0.5,
    },
  };
}

describe('repeats file', () => {
  const [a, b] = [1, 2].map((s) => sampleGenotype(spec.space, createRng(s))) as [
    Genotype,
    Genotype,
  ];
  // Seeds 10 and 12 end with the same cell; seed 13 failed.
  const seeds = [returned(2, a, 0.7), returned(0, a, 0.8), returned(1, b, 0.6)];
  const file = repeatsRunFile(
    {
      spec,
      name: 'rep',
      count: 4,
      status: 'finished',
      startedAt: '2026-01-01T00:00:00.000Z',
      returned: seeds,
      failed: [{ index: 3, key: '', attempts: 3, reason: 'out of memory' }],
    },
    '2026-01-01T00:00:02.000Z',
  );

  it('lists every seed by index with its final numbers, and the spread of the final accuracies', () => {
    expect(file.repeats?.seeds.map((s) => [s.seed, s.accuracy, s.worker, s.seconds])).toEqual([
      [10, 0.8, 'w0', 1.5],
      [11, 0.6, 'w1', 3],
      [12, 0.7, 'w2', 4.5],
    ]);
    const spread = file.repeats?.spread.accuracy;
    expect(spread?.n).toBe(3);
    expect(spread?.mean).toBeCloseTo(0.7, 12);
    expect(spread?.sd).toBeCloseTo(0.1, 12);
    expect([spread?.min, spread?.max]).toEqual([0.6, 0.8]);
    expect(file.repeats?.spread.testAcc.mean).toBeCloseTo(0.68, 12);
    expect(file.queue?.failed.map((f) => f.index)).toEqual([3]);
    expect(file.queue?.trials.map((t) => t.index)).toEqual([2, 0, 1]);
  });

  it('keeps one subnet record per distinct final cell, marked with the first seed that found it, and the median seed as the result', () => {
    expect(file.subnets.map((r) => [r.genotype, r.seed, r.accuracy])).toEqual([
      [a, 10, 0.8],
      [b, 11, 0.6],
    ]);
    expect(medianSeed(file.repeats?.seeds ?? [])?.seed).toBe(12);
    expect(file.result?.metrics.validAcc).toBeCloseTo(0.69, 12);
    expect(file.series.steps).toEqual([]);
  });

  it('reads back as a run file with the same repeats block; files without one stay valid', () => {
    const read = parseRunFile(serializeRunFile(file));
    if (!read.ok) throw new Error(read.problems.join(' '));
    expect(read.run.repeats).toEqual(file.repeats);
    expect(read.run.subnets[1]?.seed).toBe(11);
    const old = parseRunFile(serializeRunFile(seedRun(3, a, 0.5)));
    expect(old.ok && old.run.repeats === undefined && old.run.subnets[0]?.seed === undefined).toBe(
      true,
    );
  });

  it('gives NaN for the deviation of one value and for no values at all', () => {
    expect(spreadOf([0.5, Number.NaN])).toEqual({
      n: 1,
      mean: 0.5,
      sd: Number.NaN,
      min: 0.5,
      max: 0.5,
    });
    expect(spreadOf([]).n).toBe(0);
    expect(medianSeed([])).toBeNull();
  });
});
