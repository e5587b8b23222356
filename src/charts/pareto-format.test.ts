import { describe, expect, it } from 'vitest';
import {
  formatCompact,
  formatCost,
  formatMs,
  formatPercent,
  tooltipContent,
  type SubnetSummary,
} from './pareto-format';

describe('number formats', () => {
  it('prints counts in compact SI form with three significant digits', () => {
    expect(formatCompact(950)).toBe('950');
    expect(formatCompact(12_345)).toBe('12.3k');
    expect(formatCompact(1_531_546)).toBe('1.53M');
    expect(formatCompact(528_359_040)).toBe('528M');
    expect(formatCompact(2_100_000_000)).toBe('2.1G');
    expect(formatCompact(Number.NaN)).toBe('–');
  });

  it('prints milliseconds, percentages and costs per axis', () => {
    expect(formatMs(0.41234)).toBe('0.412 ms');
    expect(formatMs(null)).toBe('–');
    expect(formatPercent(0.93418)).toBe('93.42%');
    expect(formatCost('params', 73_306)).toBe('73.3k');
    expect(formatCost('latencyMs', 1.5)).toBe('1.5 ms');
    expect(formatCost('latencyMs', null)).toBe('–');
  });
});

describe('tooltip', () => {
  const base: SubnetSummary = {
    runLabel: 'SPOS + evolution · seed 1',
    order: 7,
    genotype:
      "Genotype(normal=[('skip_connect', 0)], normal_concat=[1], reduce=[], reduce_concat=[])",
    nb201: null,
    accuracy: 0.8125,
    evaluation: 'inherited',
    params: 12_345,
    flops: 2_000_000,
    latencyMs: 0.25,
    generation: 2,
  };

  it('names the subnet, its accuracy and how it was obtained, and its costs', () => {
    const tip = tooltipContent(base);
    expect(tip.title).toBe('#7 · SPOS + evolution · seed 1 · generation 2');
    expect(tip.lines).toEqual([
      'accuracy 81.25% (inherited weights)',
      '12.3k params · 2M FLOPs · latency 0.25 ms',
    ]);
    expect(tip.code).toEqual([base.genotype]);
  });

  it('adds the NAS-Bench-201 string when the cell has one, and says when latency is unknown', () => {
    const tip = tooltipContent({
      ...base,
      nb201: '|nor_conv_3x3~0|+|skip_connect~0|none~1|',
      evaluation: 'standalone',
      latencyMs: null,
    });
    expect(tip.lines[0]).toBe('accuracy 81.25% (stand-alone)');
    expect(tip.lines[1]).toContain('latency –');
    expect(tip.code).toEqual([base.genotype, '|nor_conv_3x3~0|+|skip_connect~0|none~1|']);
  });
});
