import { describe, expect, it } from 'vitest';
import type { Problem } from '../core/problems';
import { fieldOfPath, groupProblems } from './form-problems';

const p = (path: string): Problem => ({ path, message: `${path} is wrong.`, code: 'out-of-range' });

describe('form problems', () => {
  it('reads the field a path names', () => {
    expect(fieldOfPath('strategy.weightLr')).toBe('weightLr');
    expect(fieldOfPath('dataset.noise')).toBe('noise');
    expect(fieldOfPath('seed')).toBe('seed');
    expect(fieldOfPath('space.normal.edges.e3')).toBeNull();
    expect(fieldOfPath('')).toBeNull();
  });

  it('puts problems beside shown fields and keeps the rest apart', () => {
    const grouped = groupProblems(
      [
        p('strategy.weightLr'),
        p('strategy.weightLr'),
        p('dataset.samples'),
        p('space.normal'),
        p('dataset.imageSize'),
      ],
      new Set(['weightLr', 'samples']),
    );
    expect(grouped.byField.get('weightLr')).toHaveLength(2);
    expect(grouped.byField.get('samples')).toHaveLength(1);
    expect(grouped.other.map((x) => x.path)).toEqual(['space.normal', 'dataset.imageSize']);
  });
});
