import { describe, expect, it } from 'vitest';
import {
  exportElement as el,
  exportText as text,
  type ExportElement,
  type ExportNode,
} from './export-tree';
import { pictureSize, standaloneSvg } from './standalone';

const PAGE_FONT = {
  'font-family': 'system-ui, sans-serif',
  'font-size': '14px',
  color: 'rgb(32, 33, 36)',
};

function elements(node: ExportNode): ExportElement[] {
  return node.kind === 'element' ? [node, ...node.children.flatMap(elements)] : [];
}

function byClass(root: ExportElement, cls: string): ExportElement | undefined {
  return elements(root).find((e) => (e.attributes.class ?? '').split(' ').includes(cls));
}

/** A line chart as d3 draws it, with its computed styles. */
function lineChart(): ExportElement {
  return el(
    'svg',
    { class: 'chart-svg', width: '480', height: '220', viewBox: '0 0 480 220' },
    [
      el(
        'g',
        { class: 'axis', fill: 'none' },
        [
          el('text', { fill: 'currentColor' }, [text('0.5')], {
            ...PAGE_FONT,
            fill: 'rgb(95, 99, 104)',
            'font-size': '11px',
          }),
          el('path', { class: 'domain', stroke: 'currentColor' }, [], {
            ...PAGE_FONT,
            fill: 'none',
            stroke: 'rgb(189, 193, 198)',
          }),
        ],
        { ...PAGE_FONT, fill: 'none' },
      ),
      el('path', { class: 'series-line', d: 'M0,0L10,10', fill: 'none' }, [], {
        ...PAGE_FONT,
        fill: 'none',
        stroke: 'rgb(26, 115, 232)',
        'stroke-width': '2px',
        'stroke-dasharray': '4px, 3px',
        opacity: '0.5',
      }),
    ],
    { ...PAGE_FONT, display: 'block' },
  );
}

describe('standaloneSvg', () => {
  it('inlines the computed styles that matter and does not repeat what a parent already gives', () => {
    const out = standaloneSvg(lineChart());
    expect(out.attributes.style).toContain('font-family: system-ui, sans-serif');
    expect(out.attributes.style).toContain('font-size: 14px');
    expect(out.attributes.style).not.toContain('display');
    const series = byClass(out, 'series-line');
    expect(series?.attributes.style).toContain('stroke: rgb(26, 115, 232)');
    expect(series?.attributes.style).toContain('stroke-width: 2px');
    expect(series?.attributes.style).toContain('stroke-dasharray: 4px, 3px');
    expect(series?.attributes.style).toContain('opacity: 0.5');
    expect(series?.attributes.style).not.toContain('font-family');
    const tick = elements(out).find((e) => e.tag === 'text');
    expect(tick?.attributes.style).toContain('fill: rgb(95, 99, 104)');
    expect(tick?.attributes.style).toContain('font-size: 11px');
  });

  it('writes a style the element also sets as an attribute, since the page may override the attribute', () => {
    const root = el(
      'svg',
      { width: '10', height: '10' },
      [
        el('g', {}, [el('circle', { r: '3', fill: 'red' }, [], { fill: 'none' })], {
          fill: 'none',
        }),
      ],
      { fill: 'rgb(0, 0, 0)' },
    );
    const circle = elements(standaloneSvg(root)).find((e) => e.tag === 'circle');
    expect(circle?.attributes.fill).toBe('red');
    expect(circle?.attributes.style).toBe('fill: none');
  });

  it('sets explicit width, height and viewBox', () => {
    const out = standaloneSvg(lineChart());
    expect(out.attributes).toMatchObject({ width: '480', height: '220', viewBox: '0 0 480 220' });
    const fromViewBox = standaloneSvg(el('svg', { viewBox: '0 0 312 140' }));
    expect(fromViewBox.attributes).toMatchObject({
      width: '312',
      height: '140',
      viewBox: '0 0 312 140',
    });
    const fromOptions = standaloneSvg(el('svg'), { width: 200.4, height: 90 });
    expect(fromOptions.attributes).toMatchObject({
      width: '201',
      height: '90',
      viewBox: '0 0 201 90',
    });
    expect(pictureSize(el('svg', { width: '176px', height: '92' }))).toEqual({
      width: 176,
      height: 92,
    });
  });

  it('adds a background rectangle under everything, covering the viewBox', () => {
    const out = standaloneSvg(
      el('svg', { viewBox: '-5 -5 100 50', width: '100', height: '50' }, [
        el('path', { d: 'M0,0' }),
      ]),
    );
    const first = out.children[0];
    expect(first?.kind === 'element' && first.tag).toBe('rect');
    expect(first?.kind === 'element' && first.attributes).toMatchObject({
      x: '-5',
      y: '-5',
      width: '100',
      height: '50',
      fill: '#ffffff',
    });
    const dark = standaloneSvg(el('svg', { width: '1', height: '1' }), { background: '#000' });
    expect(dark.children[0]?.kind === 'element' && dark.children[0].attributes.fill).toBe('#000');
  });

  it('puts the title first, as text', () => {
    const out = standaloneSvg(lineChart(), { title: 'Loss <over> steps' });
    const first = out.children[0];
    expect(first?.kind === 'element' && first.tag).toBe('title');
    expect(first?.kind === 'element' && first.children).toEqual([text('Loss <over> steps')]);
  });

  it('leaves out hidden elements, scripts, embedded HTML and the invisible brush hit areas, and keeps the brush box', () => {
    const root = el('svg', { width: '300', height: '200' }, [
      el(
        'g',
        { class: 'pareto-brush', fill: 'none', 'pointer-events': 'all', cursor: 'crosshair' },
        [
          el('rect', { class: 'overlay', 'pointer-events': 'all', width: '300', height: '200' }),
          el('rect', { class: 'selection', x: '10', y: '10', width: '40', height: '30' }, [], {
            fill: 'rgb(26, 115, 232)',
          }),
          el('rect', { class: 'handle handle--n' }),
        ],
      ),
      el('text', { class: 'chart-empty' }, [text('Nothing yet')], { display: 'none' }),
      el('script', {}, [text('alert(1)')]),
      el('foreignObject', {}, [el('div')]),
      el('circle', {
        class: 'pareto-point',
        r: '4',
        onclick: 'alert(1)',
        tabindex: '0',
        'data-id': 'a',
      }),
    ]);
    const out = standaloneSvg(root);
    const tags = elements(out).map((e) => e.tag);
    expect(tags).not.toContain('script');
    expect(tags).not.toContain('foreignObject');
    expect(byClass(out, 'overlay')).toBeUndefined();
    expect(byClass(out, 'handle')).toBeUndefined();
    expect(byClass(out, 'chart-empty')).toBeUndefined();
    expect(byClass(out, 'selection')?.attributes.style).toBe('fill: rgb(26, 115, 232)');
    const brush = byClass(out, 'pareto-brush');
    expect(brush?.attributes).not.toHaveProperty('pointer-events');
    expect(brush?.attributes).not.toHaveProperty('cursor');
    const point = byClass(out, 'pareto-point');
    expect(point?.attributes).toEqual({ class: 'pareto-point', r: '4', 'data-id': 'a' });
  });
});
