import { describe, expect, it } from 'vitest';
import { ChartExportError } from '../../charts/export/export-error';
import { chartFileName, exportProblem } from './save-chart';

describe('chartFileName', () => {
  it('names the file after the chart with the format as extension', () => {
    expect(chartFileName('alphas', 'svg')).toBe('alphas.svg');
    expect(chartFileName('subnet-12-reduce', 'png')).toBe('subnet-12-reduce.png');
  });

  it('keeps only safe characters', () => {
    expect(chartFileName('../Pareto front <b>', 'svg')).toBe('pareto-front-b.svg');
    expect(chartFileName('***', 'png')).toBe('chart.png');
  });
});

describe('exportProblem', () => {
  it('shows an export error as it is worded and names the format otherwise', () => {
    expect(exportProblem(new ChartExportError('The chart has nothing drawn yet.'), 'PNG')).toBe(
      'The chart has nothing drawn yet.',
    );
    expect(exportProblem(new Error('out of memory'), 'SVG')).toBe(
      'The SVG could not be made: out of memory',
    );
  });
});
