import { describe, expect, it } from 'vitest';
import { costDomain, percentDomain, pointsInBrush, sameIds, wantsLogScale } from './pareto-scales';

describe('log-scale decision', () => {
  it('uses a log scale only when the costs span more than ten times', () => {
    expect(wantsLogScale([1_000, 9_000])).toBe(false);
    expect(wantsLogScale([1_000, 10_000])).toBe(false);
    expect(wantsLogScale([1_000, 10_001])).toBe(true);
    expect(wantsLogScale([73_306, 1_531_546])).toBe(true);
  });

  it('never uses a log scale with a zero or negative value, or without values', () => {
    expect(wantsLogScale([0, 5_000])).toBe(false);
    expect(wantsLogScale([-1, 500])).toBe(false);
    expect(wantsLogScale([])).toBe(false);
  });

  it('ignores non-finite values', () => {
    expect(wantsLogScale([Number.NaN, 2, 3])).toBe(false);
  });
});

describe('cost domain', () => {
  it('pads a linear range by 5% and stays at or above zero', () => {
    expect(costDomain([100, 300], false)).toEqual([90, 310]);
    expect(costDomain([1, 300], false)[0]).toBe(0);
  });

  it('pads a log range by a factor so both ends keep their ratio', () => {
    const [lo, hi] = costDomain([10, 1_000], true);
    expect(lo).toBeCloseTo(10 / Math.pow(100, 0.05), 9);
    expect(hi).toBeCloseTo(1_000 * Math.pow(100, 0.05), 9);
  });

  it('widens a single value around itself', () => {
    expect(costDomain([200, 200], false)).toEqual([180, 220]);
    expect(costDomain([0], false)).toEqual([0, 1]);
    const [lo, hi] = costDomain([50], true);
    expect(lo).toBeLessThan(50);
    expect(hi).toBeGreaterThan(50);
  });
});

describe('accuracy domain', () => {
  it('turns accuracies into percent with at least one point of padding, inside [0, 100]', () => {
    const [lo, hi] = percentDomain([0.5, 0.6]);
    expect(lo).toBeCloseTo(49, 9);
    expect(hi).toBeCloseTo(61, 9);
    expect(percentDomain([0, 1])).toEqual([0, 100]);
    expect(percentDomain([])).toEqual([0, 100]);
  });
});

describe('brush hit test', () => {
  const points = [
    { id: 'a', px: 10, py: 10 },
    { id: 'b', px: 50, py: 40 },
    { id: 'c', px: 100, py: 100 },
    { id: 'd', px: 60, py: 40 },
  ];

  it('returns the points inside the box, edges included, in input order', () => {
    expect(
      pointsInBrush(points, [
        [10, 10],
        [60, 40],
      ]),
    ).toEqual(['a', 'b', 'd']);
  });

  it('accepts the corners in any order', () => {
    expect(
      pointsInBrush(points, [
        [101, 39],
        [55, 120],
      ]),
    ).toEqual(['c', 'd']);
  });

  it('finds nothing in an empty region', () => {
    expect(
      pointsInBrush(points, [
        [200, 200],
        [300, 300],
      ]),
    ).toEqual([]);
  });
});

describe('sameIds', () => {
  it('compares id sets regardless of order', () => {
    expect(sameIds(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(sameIds(['a'], ['a', 'b'])).toBe(false);
    expect(sameIds([], [])).toBe(true);
  });
});
