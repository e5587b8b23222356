import { describe, expect, it } from 'vitest';
import { boxElements, gradientStops, isTransparent, textLine } from './html-boxes';

const BOX = { x: 10, y: 20, width: 12, height: 12 };

describe('isTransparent', () => {
  it('tells colours that paint nothing from those that paint', () => {
    expect(isTransparent('rgba(0, 0, 0, 0)')).toBe(true);
    expect(isTransparent('transparent')).toBe(true);
    expect(isTransparent(undefined)).toBe(true);
    expect(isTransparent('rgb(0 0 0 / 0)')).toBe(true);
    expect(isTransparent('rgb(26, 115, 232)')).toBe(false);
    expect(isTransparent('rgba(26, 115, 232, 0.5)')).toBe(false);
  });
});

describe('gradientStops', () => {
  it('reads the colours of a left-to-right ramp', () => {
    expect(
      gradientStops(
        'linear-gradient(to right, rgb(68, 1, 84), rgb(33, 145, 140), rgb(253, 231, 37))',
      ),
    ).toEqual(['rgb(68, 1, 84)', 'rgb(33, 145, 140)', 'rgb(253, 231, 37)']);
    expect(gradientStops('linear-gradient(90deg, red, blue)')).toEqual(['red', 'blue']);
    expect(gradientStops('linear-gradient(red, blue)')).toEqual(['red', 'blue']);
  });

  it('refuses what it cannot draw faithfully', () => {
    expect(gradientStops('none')).toBeNull();
    expect(gradientStops('linear-gradient(to bottom, red, blue)')).toBeNull();
    expect(gradientStops('linear-gradient(to right, red 10%, blue 90%)')).toBeNull();
    expect(gradientStops('url("a.png")')).toBeNull();
  });
});

describe('boxElements', () => {
  it('draws a swatch as a rounded rectangle of its background colour', () => {
    const [rect, ...rest] = boxElements(
      { 'background-color': 'rgb(26, 115, 232)', 'border-top-left-radius': '3px' },
      BOX,
      'g1',
    );
    expect(rest).toEqual([]);
    expect(rect?.attributes).toEqual({
      x: '10',
      y: '20',
      width: '12',
      height: '12',
      rx: '3',
      fill: 'rgb(26, 115, 232)',
    });
  });

  it('draws a ramp as a rectangle filled with a linear gradient', () => {
    const parts = boxElements(
      { 'background-image': 'linear-gradient(to right, red, lime, blue)' },
      BOX,
      'g2',
    );
    const gradient = parts[0]?.children[0];
    expect(gradient?.kind === 'element' && gradient.tag).toBe('linearGradient');
    expect(
      gradient?.kind === 'element' &&
        gradient.children.map((s) => s.kind === 'element' && s.attributes),
    ).toEqual([
      { offset: '0', 'stop-color': 'red' },
      { offset: '0.5', 'stop-color': 'lime' },
      { offset: '1', 'stop-color': 'blue' },
    ]);
    expect(parts[1]?.attributes.fill).toBe('url(#g2)');
  });

  it('draws a uniform border as a stroked rectangle and a single side as a line', () => {
    const sides = (w: string) =>
      Object.fromEntries(
        ['top', 'right', 'bottom', 'left'].flatMap((s) => [
          [`border-${s}-width`, w],
          [`border-${s}-style`, 'solid'],
          [`border-${s}-color`, 'rgb(236, 239, 241)'],
        ]),
      );
    const [frame] = boxElements(sides('1px'), { x: 0, y: 0, width: 100, height: 50 }, 'g3');
    expect(frame?.attributes).toMatchObject({
      x: '0.5',
      y: '0.5',
      width: '99',
      height: '49',
      fill: 'none',
      stroke: 'rgb(236, 239, 241)',
    });
    const [line, ...more] = boxElements(
      {
        'border-top-width': '2px',
        'border-top-style': 'solid',
        'border-top-color': 'rgb(32, 33, 36)',
      },
      { x: 0, y: 10, width: 18, height: 2 },
      'g4',
    );
    expect(more).toEqual([]);
    expect(line?.tag).toBe('line');
    expect(line?.attributes).toMatchObject({
      x1: '0',
      y1: '11',
      x2: '18',
      y2: '11',
      'stroke-width': '2',
    });
  });

  it('draws nothing for a plain box', () => {
    expect(
      boxElements(
        { 'background-color': 'rgba(0, 0, 0, 0)', 'background-image': 'none' },
        BOX,
        'g5',
      ),
    ).toEqual([]);
    expect(boxElements({ 'background-color': 'red' }, { ...BOX, width: 0 }, 'g6')).toEqual([]);
  });
});

describe('textLine', () => {
  it('places HTML text on its line with the font and colour it has on the page', () => {
    const t = textLine(
      'n0 → n2',
      { x: 4, y: 10, width: 40, height: 16 },
      {
        'font-family': 'monospace',
        'font-size': '12px',
        'font-weight': '400',
        color: 'rgb(95, 99, 104)',
      },
    );
    expect(t.attributes).toEqual({ x: '4', y: '18' });
    expect(t.children).toEqual([{ kind: 'text', text: 'n0 → n2' }]);
    expect(t.style).toMatchObject({
      'font-family': 'monospace',
      'font-size': '12px',
      fill: 'rgb(95, 99, 104)',
      'dominant-baseline': 'central',
    });
  });
});
