import { describe, expect, it } from 'vitest';
import type { InputShape } from '../experiment/spec';
import type { OpName } from '../search-space/ops';
import type { CellSpec, Genotype, MacroSpec, SearchSpaceSpec } from '../search-space/types';
import { subnetCost, subnetRange, supernetCost } from './network-cost';

const RGB8: InputShape = { kind: 'image', height: 8, width: 8, channels: 3 };

/** A cell with one input x and one node n1 joined by a single edge over `ops`. */
function oneEdgeCell(ops: readonly OpName[]): CellSpec {
  return {
    inputs: ['x'],
    nodes: ['n1'],
    edges: [{ id: 'e0', from: 'x', to: 'n1', ops }],
    output: 'last',
    derive: { rule: 'per-edge' },
  };
}

/** One cell at 4 channels on 8x8x3 images, 10 classes: stem, the cell, BN + ReLU + GAP + linear head. */
function oneCellSpace(ops: readonly OpName[]): SearchSpaceSpec {
  const macro: MacroSpec = {
    channels: 4,
    stemMultiplier: 1,
    stages: 1,
    cellsPerStage: 1,
    reduction: 'residual',
  };
  return { preset: null, normal: oneEdgeCell(ops), reduce: null, macro };
}

const oneEdgeGenotype = (op: OpName): Genotype => ({
  normal: { edges: [{ from: 'x', to: 'n1', op }], concat: ['n1'] },
  reduce: null,
});

// The fixed layers of oneCellSpace:
//   stem: 3x3 conv 3 -> 4: 9*3*4 = 108 weights, affine BN 2*4 = 8 -> 116 params; 8*8*108 = 6912 MACs.
//   head: BN 2*4 = 8, linear 4*10 + 10 = 50 -> 58 params; 4*10 = 40 MACs.
//   total: 174 params, 6952 MACs. The stem already has 4 channels at 8x8: no preprocessing.
const FIXED = { params: 174, flops: 6952 };

describe('network cost of a one-cell network (hand-counted)', () => {
  it('a 3x3 conv edge', () => {
    // 9*4*4 = 144 weights (+ 2*4 affine BN in the subnet); 8*8*144 = 9216 MACs.
    const space = oneCellSpace(['nor_conv_3x3']);
    expect(supernetCost(space, RGB8, 10)).toEqual({ params: 174 + 144, flops: 6952 + 9216 });
    expect(subnetCost(space, oneEdgeGenotype('nor_conv_3x3'), RGB8, 10)).toEqual({
      params: 174 + 152,
      flops: 6952 + 9216,
    });
  });

  it('a separable conv edge', () => {
    // Two halves of 9*4 depthwise + 4*4 pointwise = 52 weights: 104 (+ 2*8 affine BN);
    // 2 * 8*8 * 52 = 6656 MACs.
    const space = oneCellSpace(['sep_conv_3x3']);
    expect(supernetCost(space, RGB8, 10)).toEqual({ params: 174 + 104, flops: 6952 + 6656 });
    expect(subnetCost(space, oneEdgeGenotype('sep_conv_3x3'), RGB8, 10)).toEqual({
      params: 174 + 120,
      flops: 6952 + 6656,
    });
  });

  it('a pool, skip and zero edge add nothing', () => {
    for (const op of ['avg_pool_3x3', 'max_pool_3x3', 'skip_connect', 'none'] as const) {
      expect(supernetCost(oneCellSpace([op]), RGB8, 10)).toEqual(FIXED);
      expect(subnetCost(oneCellSpace([op]), oneEdgeGenotype(op), RGB8, 10)).toEqual(FIXED);
    }
  });

  it('a mixed op pays for every candidate; the range spans its cheapest and dearest op', () => {
    const space = oneCellSpace([
      'none',
      'skip_connect',
      'avg_pool_3x3',
      'nor_conv_3x3',
      'sep_conv_3x3',
    ]);
    // 174 + 144 + 104 = 422 params; 6952 + 9216 + 6656 = 22,824 MACs.
    expect(supernetCost(space, RGB8, 10)).toEqual({ params: 422, flops: 22_824 });
    // Cheapest subnet: a free op (174, 6952); dearest: the 3x3 conv (326, 16,168).
    expect(subnetRange(space, RGB8, 10)).toEqual({
      params: { min: 174, max: 326 },
      flops: { min: 6952, max: 16_168 },
    });
  });

  it('an edge into a node that never reaches the output is not built', () => {
    const cell: CellSpec = {
      inputs: ['x'],
      nodes: ['n1', 'n2'],
      edges: [
        { id: 'e0', from: 'x', to: 'n1', ops: ['nor_conv_3x3'] },
        { id: 'e1', from: 'x', to: 'n2', ops: ['skip_connect'] },
      ],
      output: 'last',
      derive: { rule: 'per-edge' },
    };
    const space = { ...oneCellSpace([]), normal: cell };
    expect(supernetCost(space, RGB8, 10)).toEqual(FIXED);
    const genotype: Genotype = {
      normal: {
        edges: [
          { from: 'x', to: 'n1', op: 'nor_conv_3x3' },
          { from: 'x', to: 'n2', op: 'skip_connect' },
        ],
        concat: ['n2'],
      },
      reduce: null,
    };
    expect(subnetCost(space, genotype, RGB8, 10)).toEqual(FIXED);
  });
});

/** Inputs c0, c1; n0 = conv1x1(c0) + skip(c1); n1 = conv1x1(n0); output concat [n0, n1]. */
function twoInputCell(): CellSpec {
  return {
    inputs: ['c0', 'c1'],
    nodes: ['n0', 'n1'],
    edges: [
      { id: 'e0', from: 'c0', to: 'n0', ops: ['nor_conv_1x1'] },
      { id: 'e1', from: 'c1', to: 'n0', ops: ['skip_connect'] },
      { id: 'e2', from: 'n0', to: 'n1', ops: ['nor_conv_1x1'] },
    ],
    output: 'concat',
    derive: { rule: 'top-k', k: 2 },
  };
}

describe('network cost with two-input cells and a reduction cell (hand-counted)', () => {
  // 4x4x1 images, 2 classes; channels 2, stem x2, two stages of two cells: stem N1 N2 R N3 N4.
  const space: SearchSpaceSpec = {
    preset: null,
    normal: twoInputCell(),
    reduce: twoInputCell(),
    macro: { channels: 2, stemMultiplier: 2, stages: 2, cellsPerStage: 2, reduction: 'cell' },
  };
  const input: InputShape = { kind: 'image', height: 4, width: 4, channels: 1 };
  // Each node keeps its k = 2 (or fewer) edges, so the only genotype holds every op.
  const cellGene = {
    edges: [
      { from: 'c0', to: 'n0', op: 'nor_conv_1x1' },
      { from: 'c1', to: 'n0', op: 'skip_connect' },
      { from: 'n0', to: 'n1', op: 'nor_conv_1x1' },
    ],
    concat: ['n0', 'n1'],
  } as const;

  it('prices stem, preprocessing, strided edges, factorized reduces, concat and head', () => {
    // stem  1 -> 4 at 4x4: 9*4 = 36 + BN 8 = 44 params; 16*36 = 576 MACs.            out 4x4x4
    // N1 (C=2): both inputs are the stem: two conv1x1 4 -> 2: 16 weights, 2*16*8 = 256 MACs;
    //     ops conv1x1 2 -> 2 twice (e0, e2): 8 weights, 2*16*4 = 128 MACs; skip free.  out 4x4x4
    // N2: inputs stem, N1 (4x4x4 each) -> two conv1x1 4 -> 2: 16 weights, 256 MACs; ops as N1.
    // R (C=4): inputs N1, N2 already 4x4x4: no preprocessing. e0 conv1x1 stride 2: 16 weights,
    //     2*2*16 = 64 MACs; e1 skip stride 2 = factorized reduce 4 -> 4: 16 weights, 64 MACs;
    //     e2 conv1x1 at 2x2: 16 weights, 64 MACs.                                       out 2x2x8
    // N3 (C=4 at 2x2): N2 (4x4x4) through a factorized reduce 4 -> 4: 16 weights, 4*16 = 64 MACs;
    //     R (2x2x8) through conv1x1 8 -> 4: 32 weights, 4*32 = 128 MACs; ops 2*16 = 32 weights,
    //     2*4*16 = 128 MACs.                                                            out 2x2x8
    // N4: inputs R, N3 (2x2x8) -> two conv1x1 8 -> 4: 64 weights, 256 MACs; ops as N3.
    // head: linear 8 -> 2: 16 + 2 = 18 params; 16 MACs.
    // params 44 + 24 + 24 + 48 + 80 + 96 + 18 = 334; MACs 576 + 384 + 384 + 192 + 320 + 384 + 16 = 2256.
    expect(supernetCost(space, input, 2)).toEqual({ params: 334, flops: 2256 });
    // The subnet adds affine BN scale and shift: N1 (preprocessing 2*4, ops 2*4) 16, N2 16,
    // R (three ops at 4 channels) 24, N3 (preprocessing 2*8, ops 2*8) 32, N4 32: 120 more.
    const genotype: Genotype = { normal: cellGene, reduce: cellGene };
    expect(subnetCost(space, genotype, input, 2)).toEqual({ params: 454, flops: 2256 });
    expect(subnetRange(space, input, 2)).toEqual({
      params: { min: 454, max: 454 },
      flops: { min: 2256, max: 2256 },
    });
  });

  it('refuses a network that needs a reduction cell the space or genotype lacks', () => {
    expect(() => supernetCost({ ...space, reduce: null }, input, 2)).toThrow(/reduce cell/);
    const genotype: Genotype = { normal: cellGene, reduce: null };
    expect(() => subnetCost(space, genotype, input, 2)).toThrow(/reduce cell/);
  });
});

describe('network cost with residual reductions and vector cells (hand-counted)', () => {
  it('NAS-Bench-201 style: a residual block between two one-edge cells', () => {
    // 4x4x1 images, 3 classes, channels 2, two stages, one 3x3 conv edge per cell.
    const space: SearchSpaceSpec = {
      ...oneCellSpace(['nor_conv_3x3']),
      macro: { channels: 2, stemMultiplier: 1, stages: 2, cellsPerStage: 1, reduction: 'residual' },
    };
    const input: InputShape = { kind: 'image', height: 4, width: 4, channels: 1 };
    // stem 1 -> 2: 18 + BN 4 = 22 params; 16*18 = 288 MACs.
    // cell C=2 at 4x4: 9*2*2 = 36 weights; 16*36 = 576 MACs.
    // residual 2 -> 4 to 2x2: conv3x3 s2 9*2*4 = 72, conv3x3 9*4*4 = 144, shortcut conv1x1 2*4 = 8:
    //     224 weights + two affine BN 16 = 240 params; 2*2*224 = 896 MACs.
    // cell C=4 at 2x2: 9*4*4 = 144 weights; 4*144 = 576 MACs.
    // head: BN 8 + linear 4*3 + 3 = 23 params; 12 MACs.
    // params 22 + 36 + 240 + 144 + 23 = 465; MACs 288 + 576 + 896 + 576 + 12 = 2348.
    expect(supernetCost(space, input, 3)).toEqual({ params: 465, flops: 2348 });
    // Subnet: the two conv edges gain affine BN, 2*2 + 2*4 = 12 params.
    expect(subnetCost(space, oneEdgeGenotype('nor_conv_3x3'), input, 3)).toEqual({
      params: 477,
      flops: 2348,
    });
  });

  it('vector cells: dense stem, dense preprocessing of a concat output, linear head', () => {
    const cell: CellSpec = {
      inputs: ['x'],
      nodes: ['h1', 'h2'],
      edges: [
        { id: 'e0', from: 'x', to: 'h1', ops: ['dense_relu', 'skip_connect'] },
        { id: 'e1', from: 'x', to: 'h2', ops: ['dense_tanh'] },
        { id: 'e2', from: 'h1', to: 'h2', ops: ['none', 'dense_sigmoid'] },
      ],
      output: 'concat',
      derive: { rule: 'per-edge' },
    };
    const space: SearchSpaceSpec = {
      preset: null,
      normal: cell,
      reduce: null,
      macro: { channels: 3, stemMultiplier: 1, stages: 2, cellsPerStage: 1, reduction: 'none' },
    };
    const points: InputShape = { kind: 'vector', features: 2 };
    // stem 2 -> 3: 6 + 3 = 9 params, 6 MACs. Each dense op 3 -> 3: 9 + 3 = 12 params, 9 MACs.
    // cell 1: three dense ops: 36 params, 27 MACs; output concat of 2 nodes: 6 features.
    // cell 2: preprocessing dense 6 -> 3: 18 + 3 = 21 params, 18 MACs; ops 36, 27.
    // head 6 -> 2: 12 + 2 = 14 params, 12 MACs.
    // params 9 + 36 + 21 + 36 + 14 = 116; MACs 6 + 27 + 18 + 27 + 12 = 90.
    expect(supernetCost(space, points, 2)).toEqual({ params: 116, flops: 90 });
    // Fixed: 9 + 21 + 14 = 44 params, 6 + 18 + 12 = 36 MACs. Per cell the cheapest subnet keeps
    // only e1's dense op (skip on e0, none on e2): 12 params, 9 MACs; the dearest three: 36, 27.
    expect(subnetRange(space, points, 2)).toEqual({
      params: { min: 44 + 2 * 12, max: 44 + 2 * 36 },
      flops: { min: 36 + 2 * 9, max: 36 + 2 * 27 },
    });
    expect(() =>
      supernetCost({ ...space, macro: { ...space.macro, reduction: 'residual' } }, points, 2),
    ).toThrow(/reduction 'none'/);
  });
});
