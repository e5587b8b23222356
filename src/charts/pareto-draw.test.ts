import { describe, expect, it } from 'vitest';
import { frontLine, type PlottedPoint } from './pareto-draw';

const point = (id: string, cost: number, accuracy: number): PlottedPoint => ({
  id,
  cost,
  accuracy,
  onFront: false,
  color: '#000',
});

describe('front line', () => {
  it('draws the staircase of the cheapest, most accurate subnets in percent and carries it to the axis end', () => {
    const steps = frontLine(
      [point('a', 100, 0.5), point('b', 200, 0.75), point('c', 300, 0.6), point('d', 150, 0.25)],
      400,
    );
    expect(steps).toEqual([
      { x: 100, y: 50 },
      { x: 200, y: 50 },
      { x: 200, y: 75 },
      { x: 400, y: 75 },
    ]);
  });

  it('is empty without points and does not extend past a front point at the end', () => {
    expect(frontLine([], 10)).toEqual([]);
    expect(frontLine([point('a', 10, 0.5)], 10)).toEqual([{ x: 10, y: 50 }]);
  });
});
