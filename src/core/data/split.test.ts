import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { splitCounts, splitData } from './split';

/** 10 examples of width 3 whose features encode their index, labels = index. */
const data = (n: number) => ({
  x: Float32Array.from({ length: n * 3 }, (_, i) => Math.floor(i / 3) * 10 + (i % 3)),
  y: Int32Array.from({ length: n }, (_, i) => i),
  count: n,
});

describe('splitCounts', () => {
  it('rounds train and valid and gives the rest to test', () => {
    expect(splitCounts(600, 0.4, 0.4)).toEqual({ train: 240, valid: 240, test: 120 });
    expect(splitCounts(101, 0.33, 0.33)).toEqual({ train: 33, valid: 33, test: 35 });
    expect(splitCounts(50, 0.49, 0.5)).toEqual({ train: 25, valid: 25, test: 0 });
  });
});

describe('splitData', () => {
  it('makes disjoint splits of the right sizes that keep features and labels together', () => {
    const s = splitData(data(100), 0.5, 0.3, createRng(1));
    expect([s.train.count, s.valid.count, s.test.count]).toEqual([50, 30, 20]);
    const ids = [...s.train.y, ...s.valid.y, ...s.test.y];
    expect(new Set(ids).size).toBe(100);
    for (const split of [s.train, s.valid, s.test]) {
      for (let i = 0; i < split.count; i++) {
        const id = split.y[i] ?? -1;
        expect([...split.x.subarray(3 * i, 3 * i + 3)]).toEqual([
          id * 10,
          id * 10 + 1,
          id * 10 + 2,
        ]);
      }
    }
  });

  it('shuffles by seed', () => {
    const a = splitData(data(100), 0.5, 0.3, createRng(1));
    const b = splitData(data(100), 0.5, 0.3, createRng(1));
    const c = splitData(data(100), 0.5, 0.3, createRng(2));
    expect(a.train.y).toEqual(b.train.y);
    expect(a.train.y).not.toEqual(c.train.y);
    expect([...a.train.y]).not.toEqual([...a.train.y].sort((p, q) => p - q));
  });
});
