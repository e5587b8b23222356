import { describe, expect, it } from 'vitest';
import type { InputShape } from '../experiment/spec';
import type { OpName } from '../search-space/ops';
import { presetSpace } from '../search-space/presets';
import type { CellGenotype } from '../search-space/types';
import { subnetCost, subnetRange, supernetCost } from './network-cost';

const CIFAR: InputShape = { kind: 'image', height: 32, width: 32, channels: 3 };

/** A DARTS genotype list (op, input index) as quark0/darts writes it: two entries per node, inputs 0 and 1 first. */
function dartsCell(pairs: readonly (readonly [OpName, number])[]): CellGenotype {
  const ids = ['c0', 'c1', 'n0', 'n1', 'n2', 'n3'];
  return {
    edges: pairs.map(([op, from], i) => ({
      from: ids[from] ?? '?',
      to: ids[2 + Math.floor(i / 2)] ?? '?',
      op,
    })),
    concat: ['n0', 'n1', 'n2', 'n3'],
  };
}

describe('the papers networks, at their full size', () => {
  it('NAS-Bench-201 on CIFAR-10: the benchmark table range of params and MACs', () => {
    // C = 16, 5 cells per stage, 32x32x3, 10 classes. Every cell conv3x3 on all 6 edges:
    //   cells: 5*6*(9C^2 + 2C) at C = 16, 32, 64 = 70,080 + 278,400 + 1,109,760
    //   stem 9*3*16 + 32 = 464; residual 16 -> 32: 4608 + 9216 + 512 + 128 = 14,464;
    //   residual 32 -> 64: 18,432 + 36,864 + 2048 + 256 = 57,600; head BN 128 + 64*10 + 10 = 778.
    // max 1,531,546, min (no conv in any cell) 73,306: NAS-Bench-201's 0.073306 / 1.531546 MB.
    // MACs: cells 30 * 1024 * 2304 three times = 212,336,640; stem 1024 * 432 = 442,368;
    // residuals 256 * 14,336 + 64 * 57,344 = 7,340,032; head 640. The benchmark's 7.78305 /
    // 220.11969 M count the classifier's 10 bias additions as well.
    expect(subnetRange(presetSpace('nb201'), CIFAR, 10)).toEqual({
      params: { min: 73_306, max: 1_531_546 },
      flops: { min: 7_783_040, max: 220_119_680 },
    });
  });

  it('the DARTS search supernet: 1,930,618 params, as quark0/darts model_search logs', () => {
    // 16 channels, 8 cells (reductions at cells 2 and 5), 8 ops on 14 edges, BN without affine.
    expect(supernetCost(presetSpace('darts'), CIFAR, 10).params).toBe(1_930_618);
  });

  it('DARTS (second order) retrained: 3,349,342 params at 36 channels and 20 cells', () => {
    const normal = dartsCell([
      ['sep_conv_3x3', 0],
      ['sep_conv_3x3', 1],
      ['sep_conv_3x3', 0],
      ['sep_conv_3x3', 1],
      ['sep_conv_3x3', 1],
      ['skip_connect', 0],
      ['skip_connect', 0],
      ['dil_conv_3x3', 2],
    ]);
    const reduce = dartsCell([
      ['max_pool_3x3', 0],
      ['max_pool_3x3', 1],
      ['skip_connect', 2],
      ['max_pool_3x3', 1],
      ['max_pool_3x3', 0],
      ['skip_connect', 2],
      ['skip_connect', 2],
      ['max_pool_3x3', 1],
    ]);
    const space = {
      ...presetSpace('darts'),
      macro: {
        channels: 36,
        stemMultiplier: 3,
        stages: 3,
        cellsPerStage: 6,
        reduction: 'cell',
      } as const,
    };
    // The reference train.py logs "param size = 3.349342MB" for DARTS_V2 (auxiliary head excluded).
    expect(subnetCost(space, { normal, reduce }, CIFAR, 10).params).toBe(3_349_342);
  });
});
