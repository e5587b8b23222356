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
});
