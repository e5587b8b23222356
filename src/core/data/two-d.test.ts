import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { generateTwoD, TWO_D_IDS } from './two-d';

describe('generateTwoD', () => {
  it('draws the asked number of labelled points in about [-1, 1], the same for the same seed', () => {
    for (const id of TWO_D_IDS) {
      const a = generateTwoD(id, 301, 0.2, createRng(5));
      const b = generateTwoD(id, 301, 0.2, createRng(5));
      const c = generateTwoD(id, 301, 0.2, createRng(6));
      expect(a.count).toBe(301);
      expect(a.x).toHaveLength(602);
      expect(a.x).toEqual(b.x);
      expect(a.y).toEqual(b.y);
      expect(a.x).not.toEqual(c.x);
      expect([...a.y].every((l) => l === 0 || l === 1)).toBe(true);
      const ones = [...a.y].filter((l) => l === 1).length;
      expect(ones).toBeGreaterThan(100);
      expect(ones).toBeLessThan(201);
      const bound = id === 'gaussian' ? 2 : 1;
      expect([...a.x].every((v) => Math.abs(v) <= bound)).toBe(true);
    }
  });

  it('keeps the playground geometry when there is no noise', () => {
    const spiral = generateTwoD('spiral', 200, 0, createRng(1));
    // The first point of each arm sits at the origin; arm 1 (label 1) starts the sequence.
    expect([spiral.x[0], spiral.x[1], spiral.y[0]]).toEqual([0, 0, 1]);
    const circles = generateTwoD('circles', 400, 0, createRng(2));
    for (let i = 0; i < circles.count; i++) {
      const r = Math.hypot(circles.x[2 * i] ?? 0, circles.x[2 * i + 1] ?? 0) * 6;
      expect(circles.y[i]).toBe(r < 2.5 ? 1 : 0);
      expect(r < 2.5 || r >= 3.5).toBe(true);
    }
    const xor = generateTwoD('xor', 400, 0, createRng(3));
    for (let i = 0; i < xor.count; i++) {
      const x = xor.x[2 * i] ?? 0;
      const y = xor.x[2 * i + 1] ?? 0;
      expect(xor.y[i]).toBe(x * y >= 0 ? 1 : 0);
      expect(Math.min(Math.abs(x), Math.abs(y)) * 6).toBeGreaterThanOrEqual(0.3 - 1e-6);
    }
    const gauss = generateTwoD('gaussian', 2000, 0, createRng(4));
    let sumPos = 0;
    for (let i = 0; i < 1000; i++) sumPos += gauss.x[2 * i] ?? 0;
    expect(sumPos / 1000).toBeCloseTo(2 / 6, 1);
  });

  it('lets noise flip labels near the circle boundary', () => {
    const clean = generateTwoD('circles', 1000, 0, createRng(9));
    const noisy = generateTwoD('circles', 1000, 0.5, createRng(9));
    const wrong = (d: typeof clean) =>
      [...d.y].filter(
        (l, i) => (Math.hypot(d.x[2 * i] ?? 0, d.x[2 * i + 1] ?? 0) * 6 < 2.5 ? 1 : 0) !== l,
      ).length;
    expect(wrong(clean)).toBe(0);
    expect(wrong(noisy)).toBeGreaterThan(50);
  });
});
