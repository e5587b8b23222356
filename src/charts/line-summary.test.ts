import { describe, expect, it } from 'vitest';
import { lineSummary } from './line-summary';

describe('lineSummary', () => {
  it('says where each series starts and ends and its range', () => {
    const text = lineSummary(
      [
        {
          name: 'train',
          color: 'red',
          points: [
            { x: 1, y: 1.23456 },
            { x: 2, y: Number.NaN },
            { x: 3, y: 0.5 },
            { x: 1200, y: 0.75 },
          ],
        },
        { name: 'validation', color: 'blue', points: [{ x: 40, y: 0.9 }] },
      ],
      'step',
      'nothing',
    );
    expect(text).toBe(
      'train: from 1.23 at step 1 to 0.75 at step 1,200, lowest 0.5, highest 1.23. validation: 0.9 at step 40.',
    );
  });

  it('falls back to the empty text when no series has a finite point', () => {
    expect(
      lineSummary(
        [{ name: 'a', color: 'red', points: [{ x: 1, y: Infinity }] }],
        'step',
        'No loss yet.',
      ),
    ).toBe('No loss yet.');
    expect(lineSummary([], 'epoch', 'Nothing yet.')).toBe('Nothing yet.');
  });
});
