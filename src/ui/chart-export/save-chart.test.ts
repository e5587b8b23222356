import { describe, expect, it } from 'vitest';
import { ChartExportError } from '../../charts/export/export-error';
import { chartFileName, exportProblem, opaqueHex } from './save-chart';

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

describe('opaqueHex', () => {
  it('writes an opaque computed colour as hex, the export background', () => {
    expect(opaqueHex('rgb(255, 255, 255)')).toBe('#ffffff');
    expect(opaqueHex('rgb(30, 31, 34)')).toBe('#1e1f22');
    expect(opaqueHex('rgba(30, 31, 34, 1)')).toBe('#1e1f22');
  });

  it('passes over transparent and unparsed colours, so the search goes on to the parent', () => {
    expect(opaqueHex('rgba(0, 0, 0, 0)')).toBeNull();
    expect(opaqueHex('transparent')).toBeNull();
    expect(opaqueHex('color(srgb 1 1 1)')).toBeNull();
  });
});
