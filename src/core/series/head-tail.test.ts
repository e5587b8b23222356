import { describe, expect, it } from 'vitest';
import { appendHeadTail, droppedCount, emptyHeadTail } from './head-tail';

const range = (n: number, from = 0): number[] => Array.from({ length: n }, (_, i) => from + i);

describe('head/tail log', () => {
  it('holds everything while short', () => {
    const log = appendHeadTail(emptyHeadTail<number>(3), range(5));
    expect(log.head).toEqual([0, 1, 2]);
    expect(log.tail).toEqual([3, 4]);
    expect(droppedCount(log)).toBe(0);
  });

  it('keeps the first and latest points of a long stream, batch by batch', () => {
    let log = emptyHeadTail<number>(50);
    for (let i = 0; i < 1000; i += 7) log = appendHeadTail(log, range(Math.min(7, 1000 - i), i));
    expect(log.head).toEqual(range(50));
    expect(log.tail).toEqual(range(50, 950));
    expect(log.seen).toBe(1000);
    expect(droppedCount(log)).toBe(900);
  });

  it('returns the same value for an empty batch', () => {
    const log = emptyHeadTail<number>(2);
    expect(appendHeadTail(log, [])).toBe(log);
  });
});
