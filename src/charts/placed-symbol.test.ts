import { describe, expect, it } from 'vitest';
import { symbol, symbolCircle, symbolTriangle } from 'd3';
import { placedSymbol } from './placed-symbol';

/** Every number in an SVG path, in order. */
const numbers = (d: string): number[] => (d.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number);

describe('placedSymbol', () => {
  it('draws a triangle shifted by the point, to 2 decimals', () => {
    const origin = numbers(symbol(symbolTriangle, 26)() ?? '');
    const placed = numbers(placedSymbol(symbolTriangle, 26, 10, 20));
    expect(placed).toHaveLength(origin.length);
    placed.forEach((v, i) => expect(v).toBeCloseTo((origin[i] ?? 0) + (i % 2 === 0 ? 10 : 20), 2));
  });

  it('draws a circle of the same radius around the point', () => {
    const d = placedSymbol(symbolCircle, 22, 100, 50);
    const r = Math.sqrt(22 / Math.PI);
    const [mx, my] = numbers(d);
    // The arc starts on the circle's rightmost point.
    expect(mx).toBeCloseTo(100 + r, 2);
    expect(my).toBeCloseTo(50, 2);
    expect(d).toMatch(/A/);
  });
});
