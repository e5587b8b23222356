import { describe, expect, it } from 'vitest';
import { yDomain } from './alpha-chart';

const lines: [number, number][][] = [
  [
    [1, 0.19],
    [2, 0.21],
  ],
  [
    [1, 0.2],
    [2, 0.18],
  ],
];

describe('alpha panel y axis', () => {
  it('is 0..1 on every panel when the axis is shared', () => {
    expect(yDomain(lines, true)).toEqual([0, 1]);
    expect(yDomain([[[1, 0.9]]], true)).toEqual([0, 1]);
  });

  it('fits a panel to its own weights otherwise, never narrower than the minimum span', () => {
    const [lo, hi] = yDomain(lines, false);
    expect(lo).toBeLessThanOrEqual(0.18);
    expect(hi).toBeGreaterThanOrEqual(0.21);
    expect(hi - lo).toBeLessThan(0.2);
    expect(hi - lo).toBeGreaterThanOrEqual(0.04);
  });
});
