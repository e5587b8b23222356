import { describe, expect, it } from 'vitest';
import { colorScheme, generationColor, SERIES_PALETTE, seriesColors } from './pareto-colors';

const points = [
  { series: 'SPOS + evolution · seed 1', generation: 0 },
  { series: 'Random search (stand-alone) · seed 2', generation: 0 },
  { series: 'SPOS + evolution · seed 1', generation: 3 },
  { series: 'SPOS + evolution · seed 1', generation: 6 },
];

describe('colour by strategy', () => {
  it('gives each run a palette colour in order of first appearance', () => {
    const colors = seriesColors(points);
    expect([...colors.keys()]).toEqual([
      'SPOS + evolution · seed 1',
      'Random search (stand-alone) · seed 2',
    ]);
    expect(colors.get('SPOS + evolution · seed 1')).toBe(SERIES_PALETTE[0]);
    expect(colors.get('Random search (stand-alone) · seed 2')).toBe(SERIES_PALETTE[1]);
  });

  it('colours points by their run and lists one swatch per run', () => {
    const scheme = colorScheme(points, 'strategy');
    expect(scheme.colorOf({ series: 'SPOS + evolution · seed 1', generation: 3 })).toBe(
      SERIES_PALETTE[0],
    );
    expect(scheme.legend).toEqual({
      kind: 'swatches',
      items: [
        { label: 'SPOS + evolution · seed 1', color: SERIES_PALETTE[0] },
        { label: 'Random search (stand-alone) · seed 2', color: SERIES_PALETTE[1] },
      ],
    });
  });

  it('reuses the palette after ten runs', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ series: `run ${i}`, generation: 0 }));
    const colors = seriesColors(many);
    expect(colors.get('run 10')).toBe(colors.get('run 0'));
    expect(colors.get('run 9')).not.toBe(colors.get('run 0'));
  });
});

describe('colour by generation', () => {
  it('spans the ramp from the first to the last generation', () => {
    const scheme = colorScheme(points, 'generation');
    expect(scheme.legend).toMatchObject({ kind: 'ramp', from: 0, to: 6 });
    expect(scheme.colorOf({ series: 'x', generation: 0 })).toBe(generationColor(0, 0, 6));
    expect(scheme.colorOf({ series: 'x', generation: 6 })).toBe(generationColor(6, 0, 6));
    expect(generationColor(0, 0, 6)).not.toBe(generationColor(6, 0, 6));
  });

  it('gives a single generation one colour and clamps outside values', () => {
    expect(generationColor(4, 4, 4)).toBe(generationColor(0, 0, 1));
    expect(generationColor(-3, 0, 6)).toBe(generationColor(0, 0, 6));
    expect(generationColor(9, 0, 6)).toBe(generationColor(6, 0, 6));
  });

  it('has five legend stops from dark to light', () => {
    const scheme = colorScheme(points, 'generation');
    if (scheme.legend.kind !== 'ramp') throw new Error('expected a ramp');
    expect(scheme.legend.stops).toHaveLength(5);
    expect(scheme.legend.stops[0]).toBe(generationColor(0, 0, 6));
    expect(scheme.legend.stops[4]).toBe(generationColor(6, 0, 6));
  });
});
