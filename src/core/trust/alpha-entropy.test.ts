import { describe, expect, it } from 'vitest';
import { meanAlphaEntropy, normalisedEntropy } from './alpha-entropy';
import { NB201_EDGES, topRow } from './trust.testkit';

describe('normalisedEntropy', () => {
  it('is 1 for a uniform row and 0 for a one-hot row', () => {
    expect(normalisedEntropy([0.2, 0.2, 0.2, 0.2, 0.2])).toBeCloseTo(1, 12);
    expect(normalisedEntropy([0.125, 0.125, 0.125, 0.125, 0.125, 0.125, 0.125, 0.125])).toBeCloseTo(
      1,
      12,
    );
    expect(normalisedEntropy([0, 1, 0, 0, 0])).toBe(0);
  });

  it('matches the entropy written out by hand', () => {
    // [0.5, 0.25, 0.25]: H = 0.5 ln 2 + 2 * 0.25 ln 4 = 1.5 ln 2; / ln 3.
    expect(normalisedEntropy([0.5, 0.25, 0.25])).toBeCloseTo((1.5 * Math.LN2) / Math.log(3), 12);
    // The threshold's examples: a five-op row whose strongest op holds 0.30 or 0.33.
    expect(normalisedEntropy(topRow(0.3))).toBeCloseTo(0.9825, 4);
    expect(normalisedEntropy(topRow(0.33))).toBeCloseTo(0.9711, 4);
  });

  it('is NaN for a row with no choice', () => {
    expect(normalisedEntropy([1])).toBeNaN();
    expect(normalisedEntropy([])).toBeNaN();
  });
});

describe('meanAlphaEntropy', () => {
  it('averages every edge with a choice over every cell', () => {
    const uniform = NB201_EDGES.flatMap(() => [0.2, 0.2, 0.2, 0.2, 0.2]);
    const oneHot = NB201_EDGES.flatMap(() => [1, 0, 0, 0, 0]);
    const mean = meanAlphaEntropy(
      { normal: Float32Array.from(uniform), reduce: Float32Array.from(oneHot) },
      { normal: NB201_EDGES, reduce: NB201_EDGES },
    );
    expect(mean).toBeCloseTo(0.5, 6);
  });

  it('skips single-op edges and rows the snapshot does not hold', () => {
    const edges = [
      { id: 'a', from: '0', to: '1', ops: ['skip_connect'] },
      { id: 'b', from: '0', to: '2', ops: ['none', 'skip_connect'] },
      { id: 'c', from: '1', to: '2', ops: ['none', 'skip_connect'] },
    ];
    // Edge a (one op) is skipped; edge b is uniform; edge c is cut off.
    expect(
      meanAlphaEntropy({ normal: Float32Array.from([1, 0.5, 0.5, 1]) }, { normal: edges }),
    ).toBe(1);
  });

  it('is null when no edge has a choice or no cell is labelled', () => {
    const one = [{ id: 'a', from: '0', to: '1', ops: ['skip_connect'] }];
    expect(meanAlphaEntropy({ normal: Float32Array.from([1]) }, { normal: one })).toBeNull();
    expect(meanAlphaEntropy({ normal: Float32Array.from([0.5, 0.5]) }, {})).toBeNull();
    expect(meanAlphaEntropy({}, { normal: NB201_EDGES })).toBeNull();
  });
});
