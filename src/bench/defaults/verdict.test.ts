import { describe, expect, it } from 'vitest';
import { chanceAccuracy, halfwayBar, judge, TIME_LIMIT_MINUTES } from './verdict';

describe('chanceAccuracy', () => {
  it('is the share of the most frequent label', () => {
    expect(chanceAccuracy([0, 1, 1, 2])).toBe(0.5);
    expect(chanceAccuracy(Int32Array.from([3, 3, 3]))).toBe(1);
    expect(chanceAccuracy(Int32Array.from({ length: 100 }, (_, i) => i % 10))).toBeCloseTo(0.1, 12);
    expect(chanceAccuracy([])).toBeNaN();
  });
});

describe('judge', () => {
  const base = { strategy: 'spos' as const, minutes: 2, found: 0.6, reference: 0.9, chance: 0.1 };

  it('sets the bar halfway from chance to the reference', () => {
    expect(halfwayBar(0.1, 0.9)).toBeCloseTo(0.5, 12);
    expect(halfwayBar(0.5, 0.86)).toBeCloseTo(0.68, 12);
    expect(judge(base)).toEqual({
      bar: halfwayBar(0.1, 0.9),
      inTime: true,
      halfway: true,
      pass: true,
    });
  });

  it('fails a run under the bar or over its time, and a missing number', () => {
    expect(judge({ ...base, found: 0.49 })).toMatchObject({ halfway: false, pass: false });
    expect(judge({ ...base, minutes: 3.01 })).toMatchObject({ inTime: false, pass: false });
    expect(judge({ ...base, found: Number.NaN }).pass).toBe(false);
    expect(judge({ ...base, minutes: Number.NaN }).pass).toBe(false);
  });

  it('gives DARTS half a minute of headroom for its per-epoch diagnostics', () => {
    expect(TIME_LIMIT_MINUTES).toEqual({
      darts: 3,
      gdas: 3,
      'pc-darts': 3,
      spos: 3,
      'multi-trial': 3,
      'zero-cost': 15,
    });
    expect(judge({ ...base, strategy: 'darts', minutes: 3.1 }).inTime).toBe(false);
    expect(judge({ ...base, strategy: 'multi-trial', minutes: 2.6 }).inTime).toBe(true);
  });
});
