import { describe, expect, it } from 'vitest';
import {
  boundarySummary,
  cellOpacity,
  classColor,
  gridAgreement,
  planePoints,
  pointsDomain,
} from './plane-data';

const split = (xy: number[], y: number[]) => ({
  x: Float32Array.from(xy),
  y: Int32Array.from(y),
  count: y.length,
});

describe('plane data', () => {
  it('lists every point with its class and split, training first', () => {
    const points = planePoints({
      train: split([0, 0, 1, 1], [0, 1]),
      valid: split([2, 2], [1]),
      test: split([-1, 3], [0]),
    });
    expect(points).toEqual([
      { x: 0, y: 0, label: 0, split: 'train' },
      { x: 1, y: 1, label: 1, split: 'train' },
      { x: 2, y: 2, label: 1, split: 'valid' },
      { x: -1, y: 3, label: 0, split: 'test' },
    ]);
    const d = pointsDomain(points);
    expect(d.x0).toBeLessThan(-1);
    expect(d.y1).toBeGreaterThan(3);
  });

  it('shades a cell by how sure the model is and colours the two classes apart', () => {
    expect(cellOpacity(0.5, 2)).toBeCloseTo(0.1);
    expect(cellOpacity(1, 2)).toBeCloseTo(0.7);
    expect(cellOpacity(0.75, 2)).toBeCloseTo(0.4);
    expect(classColor(0)).not.toBe(classColor(1));
  });

  it('counts the points a grid puts in their own class', () => {
    const points = planePoints({
      train: split([-0.5, -0.5, 0.5, 0.5], [0, 1]),
      valid: split([0.5, -0.5], [0]),
      test: split([], []),
    });
    const grid = {
      size: 2,
      domain: { x0: -1, x1: 1, y0: -1, y1: 1 },
      classes: new Uint8Array([0, 1, 1, 1]),
    };
    expect(gridAgreement(points, grid)).toEqual({ agree: 2, total: 3 });
  });
});

describe('the decision boundary in words', () => {
  it('gives each class its share of the grid, the mean confidence and the points on their side', () => {
    const grid = {
      size: 2,
      domain: { x0: 0, x1: 2, y0: 0, y1: 2 },
      classes: Uint8Array.from([0, 0, 0, 1]),
      confidence: Float32Array.from([1, 0.5, 0.5, 1]),
    };
    const points = [
      { x: 0.5, y: 0.5, label: 0, split: 'train' as const },
      { x: 1.5, y: 1.5, label: 0, split: 'valid' as const },
    ];
    expect(boundarySummary(points, grid, 2)).toBe(
      "Over a 2 × 2 grid the model predicts class 0 on 75%, class 1 on 25%, with a mean confidence of 75%. 1 of 2 points (50%) lie on their own class's side.",
    );
    expect(boundarySummary([], grid, 2)).not.toContain('points');
  });
});
