import { describe, expect, it } from 'vitest';
import type { SubnetRecord } from '../../core/run/protocol';
import { bestSoFar, meanSd } from './best-so-far';

const rec = (accuracy: number): SubnetRecord => ({
  key: String(accuracy),
  genotype: { normal: { edges: [], concat: [] }, reduce: null },
  accuracy,
  evaluation: 'standalone',
  params: 1,
  flops: 1,
  latencyMs: null,
  generation: 0,
  origin: 'random',
});

describe('warm-up comparison numbers', () => {
  it('takes the best accuracy of the first k trials', () => {
    const records = [0.5, Number.NaN, 0.7, 0.6, 0.9].map(rec);
    expect(bestSoFar(records, [1, 2, 3, 4, 5, 9])).toEqual([0.5, 0.5, 0.7, 0.7, 0.9, 0.9]);
    expect(bestSoFar([], [1])).toEqual([Number.NaN]);
  });

  it('gives the mean and the sample deviation', () => {
    expect(meanSd([1, 2, 3, Number.NaN])).toEqual({ mean: 2, sd: 1, n: 3 });
    expect(meanSd([4])).toEqual({ mean: 4, sd: 0, n: 1 });
  });
});
