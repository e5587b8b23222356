import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dominates, paretoFront, type Objective } from './dominance';

const ACC_PARAMS: Objective[] = [
  { key: 'accuracy', goal: 'max' },
  { key: 'params', goal: 'min' },
];

const objectivesArb = fc
  .uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 1, maxLength: 4 })
  .chain((keys) =>
    fc.tuple(
      ...keys.map((key) => fc.constantFrom<Objective>({ key, goal: 'min' }, { key, goal: 'max' })),
    ),
  );

/** Points over keys a..d with few distinct values, so ties and duplicates are common. */
const pointsArb = fc.array(
  fc.record({
    a: fc.integer({ min: 0, max: 5 }),
    b: fc.integer({ min: 0, max: 5 }),
    c: fc.integer({ min: 0, max: 5 }),
    d: fc.double({ min: -1, max: 1, noNaN: true }),
  }),
  { maxLength: 40 },
);

describe('dominates', () => {
  it('needs no worse on every objective and better on one', () => {
    expect(
      dominates({ accuracy: 0.9, params: 10 }, { accuracy: 0.8, params: 10 }, ACC_PARAMS),
    ).toBe(true);
    expect(
      dominates({ accuracy: 0.9, params: 10 }, { accuracy: 0.9, params: 12 }, ACC_PARAMS),
    ).toBe(true);
    expect(dominates({ accuracy: 0.9, params: 10 }, { accuracy: 0.8, params: 9 }, ACC_PARAMS)).toBe(
      false,
    );
    expect(
      dominates({ accuracy: 0.9, params: 10 }, { accuracy: 0.9, params: 10 }, ACC_PARAMS),
    ).toBe(false);
  });

  it('follows the goal of each objective', () => {
    const a = { x: 1 };
    const b = { x: 2 };
    expect(dominates(a, b, [{ key: 'x', goal: 'min' }])).toBe(true);
    expect(dominates(a, b, [{ key: 'x', goal: 'max' }])).toBe(false);
    expect(dominates(b, a, [{ key: 'x', goal: 'max' }])).toBe(true);
  });

  it('ranks a missing or NaN value below any number', () => {
    expect(dominates({ accuracy: 0.1, params: 5 }, { params: 5 }, ACC_PARAMS)).toBe(true);
    expect(dominates({ accuracy: 0.1, params: 5 }, { accuracy: NaN, params: 5 }, ACC_PARAMS)).toBe(
      true,
    );
  });

  it('is irreflexive and asymmetric', () => {
    fc.assert(
      fc.property(pointsArb, objectivesArb, (points, objectives) => {
        for (const p of points) {
          expect(dominates(p, p, objectives)).toBe(false);
          for (const q of points) {
            if (dominates(p, q, objectives)) expect(dominates(q, p, objectives)).toBe(false);
          }
        }
      }),
    );
  });
});

describe('paretoFront', () => {
  it('keeps the non-dominated points of a hand-made set, in input order', () => {
    const points = [
      { id: 0, accuracy: 0.7, params: 100 },
      { id: 1, accuracy: 0.9, params: 300 },
      { id: 2, accuracy: 0.6, params: 200 }, // dominated by 0
      { id: 3, accuracy: 0.8, params: 150 },
      { id: 4, accuracy: 0.8, params: 400 }, // dominated by 3 and 1
      { id: 5, accuracy: 0.7, params: 100 }, // equal to 0: neither dominates
    ];
    expect(paretoFront(points, ACC_PARAMS).map((p) => p.id)).toEqual([0, 1, 3, 5]);
  });

  it('no front point is dominated by any point', () => {
    fc.assert(
      fc.property(pointsArb, objectivesArb, (points, objectives) => {
        for (const f of paretoFront(points, objectives))
          for (const p of points) expect(dominates(p, f, objectives)).toBe(false);
      }),
    );
  });

  it('every point off the front is dominated by some front point', () => {
    fc.assert(
      fc.property(pointsArb, objectivesArb, (points, objectives) => {
        const front = paretoFront(points, objectives);
        for (const p of points) {
          if (front.includes(p)) continue;
          expect(front.some((f) => dominates(f, p, objectives))).toBe(true);
        }
      }),
    );
  });

  it('does not depend on the order of the points', () => {
    fc.assert(
      fc.property(
        pointsArb.chain((points) =>
          fc.tuple(fc.constant(points), fc.shuffledSubarray(points, { minLength: points.length })),
        ),
        objectivesArb,
        ([points, shuffled], objectives) => {
          const front = new Set(paretoFront(points, objectives));
          expect(new Set(paretoFront(shuffled, objectives))).toEqual(front);
        },
      ),
    );
  });

  it('is empty only for no points', () => {
    fc.assert(
      fc.property(pointsArb, objectivesArb, (points, objectives) => {
        expect(paretoFront(points, objectives).length === 0).toBe(points.length === 0);
      }),
    );
  });
});

describe('paretoFront over evaluated-subnet records', () => {
  it('accepts records with non-numeric fields and reads only the objective keys', () => {
    interface Row {
      readonly key: string;
      readonly accuracy: number;
      readonly params: number;
      readonly latencyMs?: number;
    }
    const rows: Row[] = [
      { key: 'a', accuracy: 0.9, params: 300 },
      { key: 'b', accuracy: 0.8, params: 100, latencyMs: 2 },
      { key: 'c', accuracy: 0.7, params: 200 },
    ];
    expect(paretoFront(rows, ACC_PARAMS).map((r) => r.key)).toEqual(['a', 'b']);
    // Latency is missing on a and c, which ranks them worst on it: b still dominates c, a keeps its accuracy lead.
    const withLatency: Objective[] = [...ACC_PARAMS, { key: 'latencyMs', goal: 'min' }];
    expect(paretoFront(rows, withLatency).map((r) => r.key)).toEqual(['a', 'b']);
    // A key holding no number ranks every row equally worst, so none dominates another.
    expect(paretoFront(rows, [{ key: 'key', goal: 'max' }]).map((r) => r.key)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });
});
