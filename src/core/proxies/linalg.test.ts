import { describe, expect, it } from 'vitest';
import { logAbsDeterminant, rowCorrelation, symmetricEigenvalues } from './linalg';

describe('host linear algebra', () => {
  it('rowCorrelation matches Pearson correlation of rows', () => {
    const c = rowCorrelation([1, 2, 3, 2, 4, 6.5, 3, 1, 2], 3, 3);
    expect(c[0]).toBeCloseTo(1, 12);
    // rows 0 and 1: x = 1,2,3 and y = 2,4,6.5: sxy = 4.5, sxx = 2, syy = 61 / 6
    expect(c[1]).toBeCloseTo(4.5 / Math.sqrt(2 * (61 / 6)), 12);
    expect(c[3]).toBe(c[1]);
    expect(c[2]).toBeCloseTo(-0.5, 12);
  });

  it('symmetricEigenvalues finds the eigenvalues of a symmetric matrix', () => {
    expect(symmetricEigenvalues([2, 1, 1, 2], 2).map((v) => +v.toFixed(12))).toEqual([1, 3]);
    const e = symmetricEigenvalues([4, 1, 0, 1, 3, 1, 0, 1, 2], 3);
    // trace 9, determinant 18
    expect(e.reduce((a, b) => a + b, 0)).toBeCloseTo(9, 10);
    expect(e.reduce((a, b) => a * b, 1)).toBeCloseTo(18, 10);
    expect(e[1]).toBeCloseTo(3, 10);
  });

  it('logAbsDeterminant is log |det| by LU, -Infinity when singular', () => {
    expect(logAbsDeterminant([3, 1, 2, 4], 2)).toBeCloseTo(Math.log(10), 12);
    expect(logAbsDeterminant([0, 2, 3, 0], 2)).toBeCloseTo(Math.log(6), 12);
    expect(logAbsDeterminant([1, 2, 2, 4], 2)).toBe(-Infinity);
  });
});
