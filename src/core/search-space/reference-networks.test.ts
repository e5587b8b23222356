import { describe, expect, it } from 'vitest';
import { presetSpace } from './presets';
import {
  datasetFits,
  REFERENCE_DATASETS,
  REFERENCE_NETWORK_NAMES,
  referenceNetwork,
  resizeNetwork,
  totalCells,
} from './reference-networks';

describe('reference networks', () => {
  it('darts-cifar10 is the DARTS evaluation network: 36 channels, 20 cells, stem to 108, CIFAR-10', () => {
    const { space, dataset } = referenceNetwork('darts-cifar10');
    expect(space.macro).toEqual({
      channels: 36,
      stemMultiplier: 3,
      stages: 3,
      cellsPerStage: 6,
      reduction: 'cell',
    });
    expect(totalCells(space.macro)).toBe(20);
    expect(space.normal).toEqual(presetSpace('darts').normal);
    expect(dataset).toBe('cifar10');
  });

  it('nb201-cifar10 is the NAS-Bench-201 network: C = 16, 5 cells per stage, residual reductions', () => {
    const { space, dataset } = referenceNetwork('nb201-cifar10');
    expect(space.macro).toEqual({
      channels: 16,
      stemMultiplier: 1,
      stages: 3,
      cellsPerStage: 5,
      reduction: 'residual',
    });
    expect(totalCells(space.macro)).toBe(15);
    expect(dataset).toBe('cifar10');
  });

  it('the studio presets keep their paper macros and default to their studio data', () => {
    expect(referenceNetwork('darts').space).toEqual(presetSpace('darts'));
    expect(totalCells(referenceNetwork('darts').space.macro)).toBe(8);
    expect(referenceNetwork('nb201').dataset).toBe('mnist');
    expect(referenceNetwork('teaching').dataset).toBe('spiral');
    expect(REFERENCE_NETWORK_NAMES).toHaveLength(5);
  });
});

describe('reference datasets', () => {
  it('has the NAS-Bench-201 image sets, MNIST sizes and the 2D point sets', () => {
    const shape = (id: string) => REFERENCE_DATASETS[id];
    expect(shape('cifar10')).toEqual({
      input: { kind: 'image', height: 32, width: 32, channels: 3 },
      classes: 10,
    });
    expect(shape('cifar100')?.classes).toBe(100);
    expect(shape('imagenet16-120')).toEqual({
      input: { kind: 'image', height: 16, width: 16, channels: 3 },
      classes: 120,
    });
    expect(shape('mnist')).toEqual({
      input: { kind: 'image', height: 28, width: 28, channels: 1 },
      classes: 10,
    });
    expect(shape('mnist-7')?.input).toEqual({ kind: 'image', height: 7, width: 7, channels: 1 });
    expect(shape('spiral')).toEqual({ input: { kind: 'vector', features: 2 }, classes: 2 });
    expect(shape('svhn')).toBeUndefined();
  });

  it('fits images to cell networks and 2D points to the dense one', () => {
    const cifar = REFERENCE_DATASETS.cifar10;
    const xor = REFERENCE_DATASETS.xor;
    if (!cifar || !xor) throw new Error('missing dataset');
    expect(datasetFits(referenceNetwork('nb201').space, cifar)).toBe(true);
    expect(datasetFits(referenceNetwork('nb201').space, xor)).toBe(false);
    expect(datasetFits(referenceNetwork('teaching').space, xor)).toBe(true);
    expect(datasetFits(referenceNetwork('teaching').space, cifar)).toBe(false);
  });
});

describe('resizeNetwork', () => {
  const darts = referenceNetwork('darts-cifar10').space.macro;
  const nb201 = referenceNetwork('nb201-cifar10').space.macro;

  it('takes DARTS cell counts 3k + 2: reductions at N/3 and 2N/3 split the stages evenly', () => {
    for (const [cells, perStage] of [
      [20, 6],
      [8, 2],
      [14, 4],
      [5, 1],
    ] as const) {
      const r = resizeNetwork(darts, { cells });
      expect(r.ok && r.macro.cellsPerStage).toBe(perStage);
      expect(r.ok && totalCells(r.macro)).toBe(cells);
    }
  });

  it('takes NAS-Bench-201 cell counts as 3 x cells per stage, and sets channels', () => {
    const r = resizeNetwork(nb201, { cells: 6, channels: 8 });
    expect(r).toEqual({ ok: true, macro: { ...nb201, cellsPerStage: 2, channels: 8 } });
    expect(resizeNetwork(nb201, {})).toEqual({ ok: true, macro: nb201 });
  });

  it('refuses counts that leave stages uneven or empty, and channels below 1', () => {
    expect(resizeNetwork(darts, { cells: 10 })).toEqual({
      ok: false,
      error:
        "10 cells do not fit this network's 3 stages of equal normal cells plus 2 reduction cells: 3k + 2 (5, 8, 11, ...).",
    });
    expect(resizeNetwork(darts, { cells: 2 }).ok).toBe(false);
    expect(resizeNetwork(nb201, { cells: 16 })).toEqual({
      ok: false,
      error:
        "16 cells do not fit this network's 3 stage(s) of equal cells: a multiple of 3 (3, 6, 9, ...).",
    });
    expect(resizeNetwork(nb201, { channels: 0 })).toEqual({
      ok: false,
      error: 'Channels must be a whole number of at least 1 (got 0).',
    });
  });
});
