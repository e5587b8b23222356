// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createAlphaChart, spacedSamples } from './alpha-chart';
import type { AlphaCell } from './alpha-data';
import { createLineChart, type LineSeries } from './line-chart';
import { opLabel } from './op-label';
import { classColor, cellOpacity, type PlanePoint } from './plane-data';
import { createPlaneView } from './plane-view';

const cellAt = (steps: number): AlphaCell => ({
  title: 'normal cell',
  edges: [
    { id: 'e0', from: 'c_{k-1}', to: '0', ops: ['skip_connect', 'sep_conv_3x3'] },
    { id: 'e1', from: 'c_{k-2}', to: '0', ops: ['skip_connect', 'sep_conv_3x3'] },
  ],
  samples: Array.from({ length: steps }, (_, i) => ({
    step: i + 1,
    weights: Float32Array.from([0.5 - i * 0.01, 0.5 + i * 0.01, 0.4, 0.6]),
  })),
});

const seriesAt = (steps: number): LineSeries[] => [
  {
    name: 'train',
    color: '#123456',
    points: Array.from({ length: steps }, (_, i) => ({ x: i + 1, y: 2 / (i + 1) })),
  },
  { name: 'valid', color: '#654321', points: [{ x: steps, y: 1 }], markers: true },
];

describe('charts fed by a live run', () => {
  it('the alpha chart keeps its panels and lines between updates and redraws their data', () => {
    const el = document.createElement('div');
    const chart = createAlphaChart(el);
    chart.update({ cells: [cellAt(3)], sharedAxis: false });
    const panels = [...el.querySelectorAll('.alpha-panel svg')];
    const lines = [...el.querySelectorAll('path.alpha-line')];
    expect(panels).toHaveLength(2);
    expect(lines).toHaveLength(4);
    chart.update({ cells: [cellAt(7)], sharedAxis: false });
    expect([...el.querySelectorAll('.alpha-panel svg')]).toEqual(panels);
    expect([...el.querySelectorAll('path.alpha-line')]).toEqual(lines);
    expect(lines.map((l) => l.getAttribute('data-points'))).toEqual(['7', '7', '7', '7']);
    expect(el.querySelectorAll('text.panel-tick')).toHaveLength(6);
    expect(el.querySelector('text.panel-tick:last-of-type')?.textContent).toBe('step 7');
    // The strongest op of the first edge is drawn bold, with its latest weight in its title.
    const best = el.querySelector('.alpha-panel path.alpha-line-best');
    expect(best?.getAttribute('data-op')).toBe('sep_conv_3x3');
    expect(best?.querySelector('title')?.textContent).toBe(`${opLabel('sep_conv_3x3')}: 0.5600`);
    chart.destroy();
  });

  it('the alpha chart draws a long trajectory with no more points than its panel has columns', () => {
    const el = document.createElement('div');
    const chart = createAlphaChart(el);
    chart.update({ cells: [cellAt(3000)], sharedAxis: true });
    const line = el.querySelector('path.alpha-line');
    expect(line?.getAttribute('data-points')).toBe('3000');
    const vertices = (line?.getAttribute('d') ?? '').split(/[ML]/).filter((p) => p !== '');
    expect(vertices.length).toBeGreaterThan(100);
    expect(vertices.length).toBeLessThanOrEqual(2 * 176 + 2);
    chart.destroy();
  });

  it('spaces a long list of samples evenly, keeping the first and the latest', () => {
    const all = Array.from({ length: 1000 }, (_, i) => i);
    const kept = spacedSamples(all, 10);
    expect(kept).toEqual([0, 111, 222, 333, 444, 555, 666, 777, 888, 999]);
    expect(spacedSamples(all.slice(0, 5), 10)).toEqual([0, 1, 2, 3, 4]);
  });

  it('the alpha chart rebuilds its panels when the cell changes', () => {
    const el = document.createElement('div');
    const chart = createAlphaChart(el);
    chart.update({ cells: [cellAt(2)], sharedAxis: true });
    const first = el.querySelector('.alpha-panel svg');
    const [edge] = cellAt(2).edges;
    if (!edge) throw new Error('no edge');
    chart.update({ cells: [{ ...cellAt(2), edges: [edge] }], sharedAxis: true });
    expect(el.querySelectorAll('.alpha-panel')).toHaveLength(1);
    expect(el.querySelector('.alpha-panel svg')).not.toBe(first);
  });

  it('the line chart keeps its axes and lines between updates and shows the empty text without data', () => {
    const el = document.createElement('div');
    const chart = createLineChart(el, { xLabel: 'step', yLabel: 'loss', emptyText: 'Nothing yet' });
    chart.update([]);
    expect(el.querySelector('.chart-empty')?.textContent).toBe('Nothing yet');
    chart.update(seriesAt(5));
    expect(el.querySelector('.chart-empty')).toBeNull();
    const line = el.querySelector('path.series-line[data-series="train"]');
    const axes = [...el.querySelectorAll('g.axis')];
    expect(axes).toHaveLength(2);
    chart.update(seriesAt(9));
    expect(el.querySelector('path.series-line[data-series="train"]')).toBe(line);
    expect([...el.querySelectorAll('g.axis')]).toEqual(axes);
    expect(line?.getAttribute('data-points')).toBe('9');
    expect(el.querySelectorAll('circle[data-series="valid"]')).toHaveLength(1);
    expect(el.querySelector('circle[data-series="valid"]')?.getAttribute('data-x')).toBe('9');
    expect(el.querySelectorAll('.legend text')).toHaveLength(2);
    chart.update([]);
    expect(el.querySelector('.chart-empty')?.textContent).toBe('Nothing yet');
    expect(el.querySelector('path.series-line')).toBeNull();
    chart.destroy();
  });

  it('the line chart redraws an axis only when its scale changes, and moves markers with it', () => {
    const el = document.createElement('div');
    const chart = createLineChart(el, { xLabel: 'step', yLabel: 'loss', emptyText: 'Nothing yet' });
    const xTicks = () => [...el.querySelectorAll('g.axis')][0]?.querySelectorAll('.tick') ?? [];
    const tickText = () => [...xTicks()].map((t) => t.textContent);
    chart.update(seriesAt(9));
    const ticks = [...xTicks()];
    const marker = el.querySelector('circle[data-series="valid"]');
    const cx = marker?.getAttribute('cx');
    const before = tickText();
    expect(before.length).toBeGreaterThan(1);
    // Same domain: the axis keeps its very tick elements.
    chart.update(seriesAt(9).map((s) => ({ ...s, points: [...s.points] })));
    expect([...xTicks()]).toEqual(ticks);
    // A wider domain draws new ticks and moves the marker.
    chart.update(seriesAt(40));
    expect(tickText()).not.toEqual(before);
    expect(Math.max(...tickText().map(Number))).toBeGreaterThan(30);
    expect(el.querySelector('circle[data-series="valid"]')?.getAttribute('data-x')).toBe('40');
    expect(el.querySelector('circle[data-series="valid"]')?.getAttribute('cx')).toBe(cx);
    chart.update([{ name: 'valid', color: '#654321', points: [{ x: 20, y: 1 }], markers: true }]);
    expect(el.querySelector('circle[data-series="valid"]')?.getAttribute('cx')).not.toBe(cx);
    chart.destroy();
  });

  it('the line chart redraws a series whenever its points, look or scales change, however little', () => {
    const el = document.createElement('div');
    const chart = createLineChart(el, { xLabel: 'step', yLabel: 'loss', emptyText: 'Nothing yet' });
    const valid = (ys: number[], color = '#654321'): LineSeries => ({
      name: 'valid',
      color,
      markers: true,
      points: ys.map((y, i) => ({ x: (i + 1) * 10, y })),
    });
    const train = seriesAt(40)[0] as LineSeries;
    const cys = () =>
      [...el.querySelectorAll('circle[data-series="valid"]')].map((c) => c.getAttribute('cy'));
    chart.update([train, valid([1, 0.5, 0.25])]);
    const first = cys();
    const path = () => el.querySelector('path.series-line[data-series="valid"]')?.getAttribute('d');
    const d = path();
    // The same points again (new arrays): nothing moves.
    chart.update([train, valid([1, 0.5, 0.25])]);
    expect(cys()).toEqual(first);
    expect(path()).toBe(d);
    // Only a middle point changes (same count, same ends): its marker and the line move.
    chart.update([train, valid([1, 0.75, 0.25])]);
    expect(cys()[0]).toBe(first[0]);
    expect(cys()[1]).not.toBe(first[1]);
    expect(cys()[2]).toBe(first[2]);
    expect(path()).not.toBe(d);
    // A new colour with the same points is written.
    chart.update([train, valid([1, 0.75, 0.25], '#00ff00')]);
    expect(el.querySelector('circle[data-series="valid"]')?.getAttribute('fill')).toBe('#00ff00');
    // A new y scale (a higher loss) moves every marker though the series is the same.
    const before = cys();
    chart.update([
      { ...train, points: [...train.points, { x: 41, y: 9 }] },
      valid([1, 0.75, 0.25], '#00ff00'),
    ]);
    expect(cys().every((cy, i) => cy !== before[i])).toBe(true);
    chart.destroy();
  });

  it('the plane view draws the grid as paths by colour, redraws them, and keeps its points (a path per split and class) while they stay the same', () => {
    const el = document.createElement('div');
    const view = createPlaneView(el);
    const points: PlanePoint[] = [
      { x: 0, y: 0, label: 0, split: 'train' },
      { x: 1, y: 1, label: 1, split: 'valid' },
    ];
    const domain = { x0: -1, x1: 2, y0: -1, y1: 2 };
    const grid = (first: number) => ({
      size: 2,
      domain,
      classes: 2,
      prediction: {
        classes: Uint8Array.from([first, 1, 0, 1]),
        confidence: Float32Array.from([0.9, 0.6, 0.5, 1]),
      },
    });
    /** Each path's fill, opacity and cell count. */
    const shapes = () =>
      [...el.querySelectorAll('.plane-heatmap path')].map((p) => ({
        fill: p.getAttribute('fill'),
        opacity: Number(p.getAttribute('fill-opacity')),
        cells: (p.getAttribute('d') ?? '').split('M').length - 1,
      }));
    view.update({ points, heatmap: grid(0) });
    // One path per split and class, each holding its points' marks.
    const dots = [...el.querySelectorAll('.plane-points path')];
    expect(dots.map((d) => d.getAttribute('data-points'))).toEqual(['1', '1']);
    expect(el.querySelector('.plane-heatmap')?.getAttribute('data-cells')).toBe('4');
    expect(shapes().reduce((n, s) => n + s.cells, 0)).toBe(4);
    expect(dots).toHaveLength(2);
    view.update({ points, heatmap: grid(1) });
    expect([...el.querySelectorAll('.plane-points path')]).toEqual(dots);
    // Cell 0 is class 1 now, at its confidence's opacity.
    const cell0 = shapes().find(
      (s) => s.fill === classColor(1) && Math.abs(s.opacity - cellOpacity(0.9, 2)) < 0.011,
    );
    expect(cell0?.cells).toBe(1);
    expect(shapes().filter((s) => s.fill === classColor(0))).toHaveLength(1);
    // A row of cells of one class and opacity is one rectangle as wide as the row (the plot is 240 px).
    view.update({
      points,
      heatmap: {
        ...grid(0),
        prediction: {
          classes: Uint8Array.from([1, 1, 0, 1]),
          confidence: Float32Array.from([0.8, 0.8, 0.5, 1]),
        },
      },
    });
    const row = [...el.querySelectorAll('.plane-heatmap path')].find((p) =>
      (p.getAttribute('d') ?? '').includes('h240'),
    );
    expect(row?.getAttribute('d')).toBe('M0,120h240v120h-240Z');
    expect(row?.getAttribute('fill')).toBe(classColor(1));
    view.update({ points: points.slice(0, 1), heatmap: null });
    expect(el.querySelectorAll('.plane-heatmap path')).toHaveLength(0);
    expect(el.querySelectorAll('.plane-points path')).toHaveLength(1);
    // Three training points of one class share one path of three marks.
    view.update({
      points: [0, 1, 2].map((i) => ({ x: i / 2, y: 0, label: 0, split: 'train' as const })),
      heatmap: null,
    });
    const one = [...el.querySelectorAll('.plane-points path')];
    expect(one).toHaveLength(1);
    expect(one[0]?.getAttribute('data-points')).toBe('3');
    expect((one[0]?.getAttribute('d') ?? '').split('M').length - 1).toBe(3);
    view.destroy();
  });
});
