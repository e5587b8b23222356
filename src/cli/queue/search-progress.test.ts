import { describe, expect, it } from 'vitest';
import { countsText } from './search-progress';

describe('countsText', () => {
  const counts = {
    total: 3,
    done: 1,
    running: 2,
    waiting: 0,
    failed: 0,
    best: { accuracy: 0.525, index: 5 },
  };

  it('names the best by trial, or by seed for repeats, with how far each running job has got', () => {
    expect(countsText(counts)).toBe('2 running · 0 waiting · 0 failed · best 52.5% (trial 5)');
    const going = {
      ...counts,
      progress: [
        { index: 6, fraction: 0.4 },
        { index: 7, fraction: 0.125 },
      ],
    };
    expect(countsText(going, false, 'seed')).toBe(
      '2 running · 0 waiting · 0 failed · best 52.5% (seed 5) · at seed 6 40%, seed 7 12%',
    );
    expect(countsText(going, true, 'seed')).toBe(
      '2 run · 0 wait · 0 fail · best 52.5% #5 · #6 40%, #7 12%',
    );
  });
});
