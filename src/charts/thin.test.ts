import { describe, expect, it } from 'vitest';
import { thinForWidth } from './thin';

const line = (n: number, y: (i: number) => number) =>
  Array.from({ length: n }, (_, i) => ({ x: i, y: y(i) }));

describe('thinForWidth', () => {
  it('leaves a line that already fits its columns alone', () => {
    const pts = line(50, (i) => i);
    expect(thinForWidth(pts, 100)).toBe(pts);
  });

  it('keeps about two points per column, the first, the latest and every spike', () => {
    const pts = line(2000, (i) => (i === 777 ? 50 : i === 1333 ? -50 : Math.sin(i / 40)));
    const out = thinForWidth(pts, 200);
    expect(out.length).toBeLessThanOrEqual(2 * 200 + 2);
    expect(out.length).toBeGreaterThan(200);
    expect(out[0]).toBe(pts[0]);
    expect(out[out.length - 1]).toBe(pts[1999]);
    expect(out).toContain(pts[777]);
    expect(out).toContain(pts[1333]);
    const ys = out.map((p) => p.y);
    expect(Math.max(...ys)).toBe(50);
    expect(Math.min(...ys)).toBe(-50);
    // Still in x order.
    for (let i = 1; i < out.length; i++)
      expect((out[i] as { x: number }).x).toBeGreaterThan((out[i - 1] as { x: number }).x);
  });

  it('reduces a line with no x span to its two ends', () => {
    const pts = Array.from({ length: 10 }, (_, i) => ({ x: 3, y: i }));
    expect(thinForWidth(pts, 2)).toEqual([pts[0], pts[9]]);
  });
});
