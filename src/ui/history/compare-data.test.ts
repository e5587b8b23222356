import { describe, expect, it } from 'vitest';
import { runState, SPEC } from '../../storage/history.testkit';
import type { ReplayedRun } from '../../store/history-state';
import { compareAccuracy, compareLoss, COMPARE_COLORS } from './compare-data';

const replay = (id: string, steps: number): ReplayedRun => ({
  id,
  name: id,
  spec: SPEC,
  run: runState('finished', steps),
  createdAt: '2025-01-01T00:00:00.000Z',
});

describe('comparison curves', () => {
  it('names and colours each run’s series by its letter and leaves the alpha-step loss out', () => {
    const loss = compareLoss([replay('a', 3), replay('b', 5)]);
    expect(loss.map((s) => s.name)).toEqual(['A train', 'A validation', 'B train', 'B validation']);
    expect(loss[0]?.color).toBe(COMPARE_COLORS[0]?.[0]);
    expect(loss[3]?.color).toBe(COMPARE_COLORS[1]?.[1]);
    expect(loss[0]?.points.map((p) => p.x)).toEqual([1, 2, 3]);
    expect(loss[2]?.points.map((p) => p.x)).toEqual([1, 2, 3, 4, 5]);
  });

  it('draws both runs’ training and validation accuracy', () => {
    const acc = compareAccuracy([replay('a', 2), replay('b', 2)]);
    expect(acc.map((s) => s.name)).toEqual(['A train', 'A validation', 'B train', 'B validation']);
    expect(acc[1]?.points).toEqual([{ x: 2, y: 0.61 }]);
  });
});
