import { describe, expect, it } from 'vitest';
import { initialSearchView, searchRunOf } from './search-archive';
import { runContext, searchPoints, sortPoints, standaloneKey } from './search-selectors';
import type { SearchRun, StandaloneEntry, SubnetColumn } from './search-state';
import { scoreOf } from './scripted-client.testkit';
import { multiTrialSpec, record, runWith, sposSpec } from './search.testkit';

const done = (validAcc: number): StandaloneEntry => ({
  state: 'done',
  epochs: 2,
  score: scoreOf('k', validAcc),
});

const earlier = searchRunOf(
  runWith(multiTrialSpec(1), 1, [record('e', 0.5, 150, { latencyMs: 1.5, generation: 0 })]),
) as SearchRun;
const context = runContext(sposSpec(1));
const points = searchPoints(
  runWith(sposSpec(1), 2, [
    record('a', 0.9, 300, { latencyMs: 3, generation: 2 }),
    record('b', Number.NaN, 100, { latencyMs: null, generation: 0 }),
    record('c', 0.4, 50, { latencyMs: 0.5, generation: 1 }),
    record('d', 0.7, 200, { latencyMs: 2, generation: 1 }),
  ]),
  {
    ...initialSearchView(sposSpec(1)),
    archive: [earlier],
    standalone: {
      [standaloneKey(context, 'a')]: done(0.6),
      [standaloneKey(context, 'c')]: done(0.8),
      [standaloneKey(context, 'd')]: { state: 'queued', epochs: 2 },
    },
  },
);

/** Each column's expected order, ascending then descending, by record key. */
const EXPECTED: Record<SubnetColumn, readonly [string, string]> = {
  order: ['eabcd', 'dcbae'],
  run: ['eabcd', 'dcbae'],
  accuracy: ['cedab', 'adecb'],
  standalone: ['acebd', 'caebd'],
  params: ['cbeda', 'adebc'],
  flops: ['cbeda', 'adebc'],
  latencyMs: ['cedab', 'adecb'],
  generation: ['ebcda', 'acdeb'],
};

describe('sortPoints', () => {
  it('starts from the plotted points in run order', () => {
    expect(points.map((p) => p.id)).toEqual(['1:e', '2:a', '2:b', '2:c', '2:d']);
  });

  for (const [column, [ascending, descending]] of Object.entries(EXPECTED) as [
    SubnetColumn,
    readonly [string, string],
  ][])
    it(`sorts by ${column} both ways, missing values last, ties in plotted order`, () => {
      const keys = (descending: boolean): string =>
        sortPoints(points, { column, descending })
          .map((p) => p.record.key)
          .join('');
      expect(keys(false)).toBe(ascending);
      expect(keys(true)).toBe(descending);
    });

  it('returns a new array and leaves the input as it was', () => {
    const before = points.map((p) => p.id);
    const sorted = sortPoints(points, { column: 'accuracy', descending: true });
    expect(sorted).not.toBe(points);
    expect(points.map((p) => p.id)).toEqual(before);
    expect(sortPoints([], { column: 'params', descending: false })).toEqual([]);
  });
});
