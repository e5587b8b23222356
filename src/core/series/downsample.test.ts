import { describe, expect, it } from 'vitest';
import { appendPoints, emptySeries, lastPoint, seriesPoints } from './downsample';

const range = (n: number, from = 0): number[] => Array.from({ length: n }, (_, i) => from + i);

describe('downsampled series', () => {
  it('keeps every point while under the cap', () => {
    const s = appendPoints(emptySeries<number>(10), range(10));
    expect(seriesPoints(s)).toEqual(range(10));
    expect(s.stride).toBe(1);
    expect(s.seen).toBe(10);
  });

  it('halves resolution past the cap and keeps the first and latest points', () => {
    const s = appendPoints(emptySeries<number>(10), range(11));
    expect(s.stride).toBe(2);
    expect(seriesPoints(s)).toEqual([0, 2, 4, 6, 8, 10]);
    const t = appendPoints(s, [11]);
    expect(seriesPoints(t)).toEqual([0, 2, 4, 6, 8, 10, 11]);
    expect(lastPoint(t)).toBe(11);
  });

  it('stays bounded and evenly strided over a long run, in one batch or many', () => {
    const cap = 2000;
    const n = 100_003;
    const oneBatch = appendPoints(emptySeries<number>(cap), range(n));
    let many = emptySeries<number>(cap);
    for (let i = 0; i < n; i += 37) many = appendPoints(many, range(Math.min(37, n - i), i));
    for (const s of [oneBatch, many]) {
      const pts = seriesPoints(s);
      expect(pts.length).toBeLessThanOrEqual(cap);
      expect(pts.length).toBeGreaterThan(cap / 4);
      expect(pts[0]).toBe(0);
      expect(pts[pts.length - 1]).toBe(n - 1);
      for (const p of s.kept) expect(p % s.stride).toBe(0);
      for (let i = 1; i < s.kept.length; i++)
        expect((s.kept[i] as number) - (s.kept[i - 1] as number)).toBe(s.stride);
    }
    expect(seriesPoints(many)).toEqual(seriesPoints(oneBatch));
  });

  it('does not change the series it is given', () => {
    const a = appendPoints(emptySeries<number>(4), range(4));
    const before = seriesPoints(a).slice();
    appendPoints(a, range(5, 4));
    expect(seriesPoints(a)).toEqual(before);
    expect(appendPoints(a, [])).toBe(a);
  });

  it('handles the smallest cap', () => {
    let s = emptySeries<number>(2);
    for (let i = 0; i < 9; i++) {
      s = appendPoints(s, [i]);
      const pts = seriesPoints(s);
      expect(pts.length).toBeLessThanOrEqual(2);
      expect(pts[pts.length - 1]).toBe(i);
      expect(pts[0]).toBe(0);
    }
    expect(lastPoint(emptySeries<number>())).toBeNull();
  });
});
