import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OP_NAMES } from '../core/search-space/ops';
import { PRESET_NAMES, presetSpace } from '../core/search-space/presets';
import { NEUTRAL_COLOR, OKABE_ITO, OP_COLORS, opColor } from './op-colors';

/** Every op a preset's searched cells offer. */
function presetOps(name: (typeof PRESET_NAMES)[number]): string[] {
  const space = presetSpace(name);
  const cells = space.reduce ? [space.normal, space.reduce] : [space.normal];
  return [...new Set(cells.flatMap((c) => c.edges.flatMap((e) => e.ops)))];
}

describe('op colours', () => {
  it.each(PRESET_NAMES)('gives every op of the %s preset its own colour', (name) => {
    const ops = presetOps(name);
    expect(ops.length).toBeGreaterThan(1);
    const colors = ops.map((op) => opColor(op).toLowerCase());
    expect(new Set(colors).size).toBe(ops.length);
  });

  it('draws every registered op from the Okabe-Ito palette, documented as distinguishable under protanopia and deuteranopia', () => {
    const palette = new Set(Object.values(OKABE_ITO).map((c) => c.toLowerCase()));
    expect(palette.size).toBe(8);
    for (const op of OP_NAMES) expect(palette.has(OP_COLORS[op].toLowerCase())).toBe(true);
  });

  it('uses all eight palette colours on the eight DARTS ops', () => {
    const colors = new Set(presetOps('darts').map((op) => opColor(op)));
    expect(colors.size).toBe(8);
    expect([...colors].sort()).toEqual(Object.values(OKABE_ITO).sort());
  });

  it('never gives skip connections and average pooling the same hue family (the old near-identical oranges)', () => {
    expect(OP_COLORS.skip_connect).toBe(OKABE_ITO.vermillion);
    expect(OP_COLORS.avg_pool_3x3).not.toBe(OKABE_ITO.orange);
    expect(OP_COLORS.avg_pool_3x3).not.toBe(OKABE_ITO.vermillion);
  });

  it('greys out a name the registry does not know', () => {
    expect(opColor('not_an_op')).toBe(NEUTRAL_COLOR);
  });

  it('draws every op at 3:1 or more against the chart surface in the light and the dark theme', () => {
    const tokens = readFileSync(join(__dirname, '..', 'ui', 'tokens.css'), 'utf8');
    /** A colour as [light, dark] hex: a theme token from tokens.css, or the same hex in both. */
    const themed = (color: string): [string, string] => {
      const token = /^var\((--[a-z-]+)\)$/.exec(color)?.[1];
      if (token === undefined) return [color, color];
      const m = new RegExp(
        `${token}:\\s*light-dark\\((#[0-9a-fA-F]{6}),\\s*(#[0-9a-fA-F]{6})\\)`,
      ).exec(tokens);
      if (m?.[1] === undefined || m[2] === undefined)
        throw new Error(`${token} is not in tokens.css`);
      return [m[1], m[2]];
    };
    const luminance = (hex: string): number => {
      const [r, g, b] = [1, 3, 5].map((i) => {
        const c = parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (a: string, b: string): number => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    const [lightSurface, darkSurface] = themed('var(--color-surface)');
    for (const [name, color] of Object.entries(OKABE_ITO)) {
      const [light, dark] = themed(color);
      expect(contrast(light, lightSurface), `${name} on the light theme`).toBeGreaterThanOrEqual(3);
      expect(contrast(dark, darkSurface), `${name} on the dark theme`).toBeGreaterThanOrEqual(3);
    }
  });
});
