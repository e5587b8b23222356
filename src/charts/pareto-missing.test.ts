import { describe, expect, it } from 'vitest';
import { missingText, type ParetoDatum } from './pareto-chart';

const point = (id: string, cost: number | null, accuracy: number): ParetoDatum => ({
  id,
  cost,
  accuracy,
  series: 'run',
  generation: 0,
  onFront: false,
});

describe('why the Pareto chart leaves subnets out', () => {
  it('says nothing when every subnet is drawn', () => {
    expect(missingText({ points: [point('a', 10, 0.5)] })).toBe('');
  });

  it('tells proxy-scored subnets without an accuracy apart from subnets without a latency', () => {
    const points = [
      point('a', 10, 0.5),
      ...Array.from({ length: 1500 }, (_, i) => point(`p${i}`, 10, Number.NaN)),
      point('b', null, 0.4),
    ];
    expect(missingText({ points })).toBe(
      '1,500 subnets without an accuracy (scored by a proxy, not trained) are not shown. 1 subnet without a measured latency on this axis is not shown.',
    );
  });
});
