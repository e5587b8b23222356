import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dominates, paretoFront, type Objective } from './dominance';
import { frontSteps } from './steps';

const PARAMS_ACC: [Objective, Objective] = [
  { key: 'params', goal: 'min' },
  { key: 'accuracy', goal: 'max' },
];

describe('frontSteps', () => {
  it('draws a cost-accuracy front as a staircase sorted by cost', () => {
    const points = [
      { params: 300, accuracy: 0.9 },
      { params: 100, accuracy: 0.7 },
      { params: 200, accuracy: 0.6 }, // dominated
      { params: 150, accuracy: 0.8 },
      { params: 100, accuracy: 0.7 }, // duplicate of a front point
    ];
    expect(frontSteps(points, PARAMS_ACC)).toEqual([
      { x: 100, y: 0.7 },
      { x: 150, y: 0.7 },
      { x: 150, y: 0.8 },
      { x: 300, y: 0.8 },
      { x: 300, y: 0.9 },
    ]);
  });

  it('turns the other way when x is maximised', () => {
    const maxMax: [Objective, Objective] = [
      { key: 'x', goal: 'max' },
      { key: 'y', goal: 'max' },
    ];
    const points = [
      { x: 1, y: 3 },
      { x: 2, y: 2 },
      { x: 3, y: 1 },
    ];
    expect(frontSteps(points, maxMax)).toEqual([
      { x: 1, y: 3 },
      { x: 1, y: 2 },
      { x: 2, y: 2 },
      { x: 2, y: 1 },
      { x: 3, y: 1 },
    ]);
  });

  it('leaves out points without both values and is empty for none', () => {
    expect(frontSteps([], PARAMS_ACC)).toEqual([]);
    expect(frontSteps([{ params: 5 }, { params: 1, accuracy: NaN }], PARAMS_ACC)).toEqual([]);
    expect(frontSteps([{ params: 5, accuracy: 0.5 }, { params: 1 }], PARAMS_ACC)).toEqual([
      { x: 5, y: 0.5 },
    ]);
  });

  it('passes through every front point in axis-parallel segments, each corner attained by a front point', () => {
    const pointArb = fc.record({
      params: fc.integer({ min: 0, max: 20 }),
      accuracy: fc.integer({ min: 0, max: 20 }),
    });
    fc.assert(
      fc.property(fc.array(pointArb, { maxLength: 30 }), (points) => {
        const steps = frontSteps(points, PARAMS_ACC);
        const front = paretoFront(points, PARAMS_ACC);
        for (const f of front) expect(steps).toContainEqual({ x: f.params, y: f.accuracy });
        for (let i = 1; i < steps.length; i++) {
          const a = steps[i - 1] ?? { x: NaN, y: NaN };
          const b = steps[i] ?? { x: NaN, y: NaN };
          expect(b.x).toBeGreaterThanOrEqual(a.x);
          expect(b.y).toBeGreaterThanOrEqual(a.y);
          expect(a.x === b.x || a.y === b.y).toBe(true);
        }
        for (const s of steps) {
          const corner = { params: s.x, accuracy: s.y };
          const attained = front.some(
            (f) => dominates(f, corner, PARAMS_ACC) || (f.params === s.x && f.accuracy === s.y),
          );
          expect(attained).toBe(true);
        }
      }),
    );
  });
});
