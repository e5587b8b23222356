import { describe, expect, it } from 'vitest';
import { OPS } from './ops';
import { DARTS_OPS, isPresetName, PRESET_NAMES, PRESETS, presetSpace } from './presets';

const pairs = (name: 'nb201' | 'darts' | 'teaching') =>
  presetSpace(name).normal.edges.map((e) => `${e.id}:${e.from}>${e.to}`);

describe('presets', () => {
  it('builds NAS-Bench-201 with its 6 edges in the benchmark order', () => {
    const space = presetSpace('nb201');
    expect(pairs('nb201')).toEqual([
      'e0:n0>n1',
      'e1:n0>n2',
      'e2:n1>n2',
      'e3:n0>n3',
      'e4:n1>n3',
      'e5:n2>n3',
    ]);
    expect(space.normal.edges[0]?.ops).toEqual([
      'none',
      'skip_connect',
      'nor_conv_1x1',
      'nor_conv_3x3',
      'avg_pool_3x3',
    ]);
    expect(space.normal).toMatchObject({
      inputs: ['n0'],
      nodes: ['n1', 'n2', 'n3'],
      output: 'last',
      derive: { rule: 'per-edge' },
    });
    expect(space.reduce).toBeNull();
    expect(space.macro).toEqual({
      channels: 16,
      stemMultiplier: 1,
      stages: 3,
      cellsPerStage: 5,
      reduction: 'residual',
    });
  });

  it('builds the DARTS space: 14 edges per cell in DARTS order, 8 ops, top-2, concat, 8-cell network', () => {
    const space = presetSpace('darts');
    const p = pairs('darts');
    expect(p).toHaveLength(14);
    expect(p.slice(0, 5)).toEqual(['e0:c0>n0', 'e1:c1>n0', 'e2:c0>n1', 'e3:c1>n1', 'e4:n0>n1']);
    expect(p.slice(9)).toEqual(['e9:c0>n3', 'e10:c1>n3', 'e11:n0>n3', 'e12:n1>n3', 'e13:n2>n3']);
    expect(space.normal.edges.every((e) => e.ops === DARTS_OPS)).toBe(true);
    expect(DARTS_OPS).toEqual([
      'none',
      'max_pool_3x3',
      'avg_pool_3x3',
      'skip_connect',
      'sep_conv_3x3',
      'sep_conv_5x5',
      'dil_conv_3x3',
      'dil_conv_5x5',
    ]);
    expect(space.normal).toMatchObject({
      inputs: ['c0', 'c1'],
      output: 'concat',
      derive: { rule: 'top-k', k: 2 },
    });
    expect(space.reduce).toEqual(space.normal);
    const m = space.macro;
    expect(m).toEqual({
      channels: 16,
      stemMultiplier: 3,
      stages: 3,
      cellsPerStage: 2,
      reduction: 'cell',
    });
    expect(m.stages * m.cellsPerStage + (m.stages - 1)).toBe(8);
  });

  it('builds the dense teaching space on vectors', () => {
    const space = presetSpace('teaching');
    expect(pairs('teaching')).toEqual([
      'e0:x>h1',
      'e1:x>h2',
      'e2:h1>h2',
      'e3:x>h3',
      'e4:h1>h3',
      'e5:h2>h3',
    ]);
    expect(space.normal.edges.flatMap((e) => e.ops).every((op) => OPS[op].domain !== 'image')).toBe(
      true,
    );
    expect(space.macro.reduction).toBe('none');
    expect(PRESETS.teaching.domain).toBe('vector');
  });

  it('returns fresh copies and names every preset', () => {
    expect(presetSpace('nb201')).not.toBe(presetSpace('nb201'));
    for (const name of PRESET_NAMES) {
      expect(presetSpace(name).preset).toBe(name);
      expect(PRESETS[name].label.length).toBeGreaterThan(0);
      expect(isPresetName(name)).toBe(true);
    }
    expect(isPresetName('enas')).toBe(false);
  });
});
