import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kendallTau, pearson, spearmanRho } from './correlation';
import { averageRanks } from './ranks';

// A hand-computed case with a tie in each sample:
//   x = [1, 2, 2, 3, 4], y = [2, 1, 3, 3, 4]
// Pairs (i, j), sign of dx, sign of dy:
//   (0,1) + -  discordant      (1,2) 0 +  tied in x       (2,3) + 0  tied in y
//   (0,2) + +  concordant      (1,3) + +  concordant      (2,4) + +  concordant
//   (0,3) + +  concordant      (1,4) + +  concordant      (3,4) + +  concordant
//   (0,4) + +  concordant
// concordant = 7, discordant = 1, n0 = 5*4/2 = 10, tx = 1, ty = 1
// tau-b = (7 - 1) / sqrt((10 - 1) * (10 - 1)) = 6 / 9 = 0.6667
// Spearman: average ranks rx = [1, 2.5, 2.5, 4, 5], ry = [2, 1, 3.5, 3.5, 5], both of mean 3
//   rx - 3 = [-2, -0.5, -0.5, 1, 2], ry - 3 = [-1, -2, 0.5, 0.5, 2]
//   sum of products = 2 + 1 - 0.25 + 0.5 + 4 = 7.25; sums of squares = 9.5 and 9.5
//   rho = 7.25 / sqrt(9.5 * 9.5) = 7.25 / 9.5 = 0.763158
const X = [1, 2, 2, 3, 4];
const Y = [2, 1, 3, 3, 4];

const sampleArb = fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 2, maxLength: 30 });

describe('averageRanks', () => {
  it('gives ties the mean of the ranks they span', () => {
    expect(averageRanks(X)).toEqual([1, 2.5, 2.5, 4, 5]);
    expect(averageRanks(Y)).toEqual([2, 1, 3.5, 3.5, 5]);
    expect(averageRanks([7, 7, 7])).toEqual([2, 2, 2]);
    expect(averageRanks([])).toEqual([]);
  });
});

describe('kendallTau', () => {
  it('matches the hand-computed tau-b', () => {
    expect(kendallTau(X, Y)).toBeCloseTo(6 / 9, 12);
  });

  it('is 1 for perfect agreement and -1 for a reversal', () => {
    expect(kendallTau([1, 2, 3, 4], [10, 20, 30, 40])).toBe(1);
    expect(kendallTau([1, 2, 3, 4], [40, 30, 20, 10])).toBe(-1);
  });

  it('is 1 against any strictly increasing transform, ties included (tau-b)', () => {
    fc.assert(
      fc.property(sampleArb, (x) => {
        fc.pre(new Set(x).size > 1);
        expect(
          kendallTau(
            x,
            x.map((v) => Math.exp(v)),
          ),
        ).toBeCloseTo(1, 12);
        expect(
          kendallTau(
            x,
            x.map((v) => -3 * v),
          ),
        ).toBeCloseTo(-1, 12);
      }),
    );
  });

  it('is symmetric and stays within [-1, 1]', () => {
    fc.assert(
      fc.property(
        sampleArb.chain((x) =>
          fc.tuple(
            fc.constant(x),
            fc.array(fc.integer({ min: -5, max: 5 }), { minLength: x.length, maxLength: x.length }),
          ),
        ),
        ([x, y]) => {
          const t = kendallTau(x, y);
          if (Number.isNaN(t)) return;
          expect(kendallTau(y, x)).toBeCloseTo(t, 12);
          expect(Math.abs(t)).toBeLessThanOrEqual(1 + 1e-12);
        },
      ),
    );
  });

  it('is NaN when a sample is constant or too short', () => {
    expect(kendallTau([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(kendallTau([1], [1])).toBeNaN();
  });

  it('refuses unpaired or non-finite samples', () => {
    expect(() => kendallTau([1, 2], [1])).toThrow(/paired/);
    expect(() => kendallTau([1, NaN], [1, 2])).toThrow(/finite/);
  });
});

describe('spearmanRho', () => {
  it('matches the hand-computed rho with average ranks', () => {
    expect(spearmanRho(X, Y)).toBeCloseTo(7.25 / 9.5, 12);
  });

  it('is 1 for perfect agreement and -1 for a reversal', () => {
    expect(spearmanRho([1, 2, 3, 4], [1, 4, 9, 16])).toBeCloseTo(1, 12);
    expect(spearmanRho([1, 2, 3, 4], [16, 9, 4, 1])).toBeCloseTo(-1, 12);
  });

  it('equals 1 - 6 sum d^2 / (n (n^2 - 1)) when there are no ties', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 20 })
          .chain((n) =>
            fc.tuple(
              fc.shuffledSubarray([...Array(n).keys()], { minLength: n }),
              fc.shuffledSubarray([...Array(n).keys()], { minLength: n }),
            ),
          ),
        ([x, y]) => {
          const n = x.length;
          const d2 = x.reduce((s, v, i) => s + (v - (y[i] ?? 0)) ** 2, 0);
          expect(spearmanRho(x, y)).toBeCloseTo(1 - (6 * d2) / (n * (n * n - 1)), 10);
        },
      ),
    );
  });

  it('is NaN when a sample is constant', () => {
    expect(spearmanRho([2, 2, 2], [1, 2, 3])).toBeNaN();
  });
});

describe('pearson', () => {
  it('is 1 on a line and NaN on a constant', () => {
    expect(pearson([1, 2, 3], [3, 5, 7])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [4, 4, 4])).toBeNaN();
  });
});
