import { describe, expect, it } from 'vitest';
import { topScored } from './top-k';

describe('topScored', () => {
  it('picks the k highest, best first, ties in index order, never NaN, -Infinity last', () => {
    const scores = [1, Number.NaN, 3, -Infinity, 3, 2];
    expect(topScored(scores, 3)).toEqual([2, 4, 5]);
    expect(topScored(scores, 10)).toEqual([2, 4, 5, 0, 3]);
    expect(topScored(scores, 0)).toEqual([]);
  });
});
