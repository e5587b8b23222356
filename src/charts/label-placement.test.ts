import { describe, expect, it } from 'vitest';
import { curvePoint, labelBox, overlap, placeLabels } from './label-placement';

describe('label placement', () => {
  it('measures overlap of boxes', () => {
    expect(overlap({ x: 0, y: 0, w: 10, h: 10 }, { x: 5, y: 5, w: 10, h: 10 })).toBe(25);
    expect(overlap({ x: 0, y: 0, w: 10, h: 10 }, { x: 20, y: 0, w: 10, h: 10 })).toBe(0);
  });

  it('finds points on a quadratic curve', () => {
    const c = { x1: 0, y1: 0, cx: 50, cy: 100, x2: 100, y2: 0, text: 'a' };
    expect(curvePoint(c, 0)).toEqual({ x: 0, y: 0 });
    expect(curvePoint(c, 0.5)).toEqual({ x: 50, y: 50 });
    expect(curvePoint(c, 1)).toEqual({ x: 100, y: 0 });
  });

  it('moves the label of a crossing edge off the shared midpoint', () => {
    const down = { x1: 0, y1: 0, cx: 100, cy: 60, x2: 200, y2: 120, text: 'sep conv 3x3' };
    const up = { x1: 0, y1: 120, cx: 100, cy: 60, x2: 200, y2: 0, text: 'max pool 3x3' };
    const [a, b] = placeLabels([down, up], []);
    expect(a).toEqual({ x: 100, y: 60 });
    expect(b && a && overlap(labelBox(up.text, b.x, b.y), labelBox(down.text, a.x, a.y))).toBe(0);
  });

  it('keeps labels off obstacles when it can', () => {
    const flat = { x1: 0, y1: 0, cx: 100, cy: 0, x2: 200, y2: 0, text: 'skip' };
    const [p] = placeLabels([flat], [{ x: 100, y: 0, w: 40, h: 40 }]);
    expect(p && overlap(labelBox('skip', p.x, p.y), { x: 100, y: 0, w: 40, h: 40 })).toBe(0);
  });
});
