// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { chartPicture } from './chart-picture';
import { chartParts, type ChartLayout } from './compose';
import type { Box } from './export-tree';

const NS = 'http://www.w3.org/2000/svg';
const FONT = { 'font-family': 'system-ui', 'font-size': '14px', color: 'rgb(32, 33, 36)' };

/** A layout read from maps the test fills, as the browser would report it. */
function fakeLayout() {
  const boxes = new Map<Element, Box>();
  const styles = new Map<Element, Record<string, string>>();
  const layout: ChartLayout = {
    readStyle: (el) => styles.get(el) ?? FONT,
    boxOf: (el) => boxes.get(el) ?? { x: 0, y: 0, width: 0, height: 0 },
    lineBoxes: (node) => {
      const owner = node.parentElement;
      const box = owner ? boxes.get(owner) : undefined;
      const t = node.data.trim();
      return box && t !== '' ? [{ text: t, box }] : [];
    },
  };
  const put = <E extends Element>(el: E, box: Box, style: Record<string, string> = FONT): E => {
    boxes.set(el, box);
    styles.set(el, style);
    return el;
  };
  return { layout, put };
}

function html(tag: string, parent: Element, textContent?: string): HTMLElement {
  const el = document.createElement(tag);
  if (textContent !== undefined) el.textContent = textContent;
  parent.appendChild(el);
  return el;
}

function svg(parent: Element, w: number, h: number): SVGSVGElement {
  const s = document.createElementNS(NS, 'svg');
  s.setAttribute('width', String(w));
  s.setAttribute('height', String(h));
  s.setAttribute('viewBox', `0 0 ${w} ${h}`);
  const path = document.createElementNS(NS, 'path');
  path.setAttribute('d', 'M0,0L10,10');
  s.appendChild(path);
  parent.appendChild(s);
  return s;
}

function parse(text: string): Document {
  return new DOMParser().parseFromString(text, 'image/svg+xml');
}

describe('chartPicture', () => {
  it('is null while the host has no svg', () => {
    const { layout } = fakeLayout();
    const host = document.createElement('div');
    html('p', host, 'Architecture weights appear after the first alpha step.');
    expect(chartPicture(host, 'Alphas', layout, document, new XMLSerializer())).toBeNull();
  });

  it('exports a lone svg as itself, at its own size, leaving the tooltip out', () => {
    const { layout, put } = fakeLayout();
    const host = put(document.createElement('div'), { x: 100, y: 50, width: 600, height: 240 });
    put(svg(host, 480, 220), { x: 100, y: 50, width: 600, height: 220 });
    const tip = put(html('div', host, 'genotype <b>tip</b>'), {
      x: 120,
      y: 60,
      width: 200,
      height: 40,
    });
    tip.setAttribute('role', 'tooltip');
    expect(chartParts(host, layout)).toMatchObject({ text: false });
    const picture = chartPicture(host, 'Loss over steps', layout, document, new XMLSerializer());
    expect(picture).toMatchObject({ width: 480, height: 220 });
    const doc = parse(picture?.svg ?? '');
    const root = doc.documentElement;
    expect(root.getAttribute('viewBox')).toBe('0 0 480 220');
    expect(root.querySelectorAll('svg')).toHaveLength(0);
    expect(root.querySelector('title')?.textContent).toBe('Loss over steps');
    expect(picture?.svg).not.toContain('tip');
  });

  it('composes small multiples with their HTML titles and legend swatches as laid out on the page', () => {
    const { layout, put } = fakeLayout();
    const host = put(document.createElement('div'), { x: 100, y: 50, width: 400, height: 160 });
    const legend = put(html('div', host), { x: 100, y: 50, width: 400, height: 20 });
    const item = put(html('span', legend), { x: 100, y: 52, width: 60, height: 16 });
    put(
      html('span', item),
      { x: 100, y: 54, width: 12, height: 12 },
      {
        ...FONT,
        'background-color': 'rgb(26, 115, 232)',
      },
    );
    put(html('span', item, 'skip <connect>'), { x: 117, y: 52, width: 43, height: 16 });
    const panels = [0, 1].map((i) => {
      const panel = put(html('div', host), { x: 100 + 200 * i, y: 80, width: 190, height: 120 });
      put(html('div', panel, `n${i} → n2`), { x: 106 + 200 * i, y: 82, width: 60, height: 16 });
      return put(svg(panel, 176, 92), { x: 102 + 200 * i, y: 100, width: 176, height: 92 });
    });
    expect(chartParts(host, layout)).toEqual({ svgs: panels, text: true });
    const picture = chartPicture(
      host,
      'Architecture weights',
      layout,
      document,
      new XMLSerializer(),
    );
    expect(picture).toMatchObject({ width: 400, height: 160 });
    const root = parse(picture?.svg ?? '').documentElement;
    const nested = Array.from(root.querySelectorAll('svg'));
    expect(
      nested.map((s) => [s.getAttribute('x'), s.getAttribute('y'), s.getAttribute('viewBox')]),
    ).toEqual([
      ['2', '50', '0 0 176 92'],
      ['202', '50', '0 0 176 92'],
    ]);
    const texts = Array.from(root.querySelectorAll('text'), (t) => t.textContent);
    expect(texts).toEqual(['skip <connect>', 'n0 → n2', 'n1 → n2']);
    const swatch = Array.from(root.querySelectorAll('rect')).find(
      (r) => r.getAttribute('fill') === 'rgb(26, 115, 232)',
    );
    expect(swatch?.getAttribute('x')).toBe('0');
    expect(swatch?.getAttribute('y')).toBe('4');
    expect(root.firstElementChild?.tagName).toBe('title');
  });
});
