/** Genotypes and data for the tfjs export tests: DARTS-style cells, a NAS-Bench-201 cell with a zero node, and the dense teaching cell. */
import type { LoadedDataset } from '../../core/experiment/spec';
import type { OpName } from '../../core/search-space/ops';
import { presetSpace } from '../../core/search-space/presets';
import type { CellGenotype, Genotype, SearchSpaceSpec } from '../../core/search-space/types';
import { randomImages, randomSplit, tinyDarts, tinyNb201 } from '../spaces.testkit';

/** One export case: a space, a genotype of it and data to train it on. */
export interface ExportCase {
  readonly name: string;
  readonly space: SearchSpaceSpec;
  readonly genotype: Genotype;
  readonly data: LoadedDataset;
}

/** A cell genotype giving the i-th edge of `space`'s normal cell the i-th op. */
function gene(
  space: SearchSpaceSpec,
  ops: readonly OpName[],
  concat: readonly string[],
): CellGenotype {
  return {
    edges: space.normal.edges.map((e, i) => ({ from: e.from, to: e.to, op: ops[i] ?? 'none' })),
    concat,
  };
}

/** A DARTS-style network on 7x7 images: sep, dil and pool ops, and a stride-2 skip (FactorizedReduce) in the reduction cell. */
function dartsCase(): ExportCase {
  const space = tinyDarts();
  return {
    name: 'DARTS cells, 7x7 images',
    space,
    genotype: {
      normal: gene(
        space,
        ['sep_conv_3x3', 'dil_conv_3x3', 'max_pool_3x3', 'sep_conv_5x5', 'none'],
        ['n0', 'n1'],
      ),
      reduce: gene(
        space,
        ['skip_connect', 'sep_conv_3x3', 'avg_pool_3x3', 'dil_conv_5x5', 'none'],
        ['n0', 'n1'],
      ),
    },
    data: randomImages(7, 7, 1, 3, [16, 8, 8]),
  };
}

/** DARTS cells on 8x8 images with strided pools and dilated convolutions, and a reduction-cell node whose edges are all none (zeros). */
function dartsZerosCase(): ExportCase {
  const space = tinyDarts();
  return {
    name: 'DARTS cells with a zero node, 8x8 images',
    space,
    genotype: {
      normal: gene(
        space,
        ['skip_connect', 'avg_pool_3x3', 'max_pool_3x3', 'dil_conv_5x5', 'sep_conv_5x5'],
        ['n0', 'n1'],
      ),
      reduce: gene(
        space,
        ['none', 'none', 'max_pool_3x3', 'dil_conv_3x3', 'sep_conv_3x3'],
        ['n0', 'n1'],
      ),
    },
    data: randomImages(8, 8, 2, 3, [16, 8, 8]),
  };
}

/** NAS-Bench-201 on 7x7 images (residual reduction to 4x4): a node left zeros by a none edge, convs, a pool and a skip. */
function nb201Case(): ExportCase {
  const space = tinyNb201();
  return {
    name: 'NAS-Bench-201 cell, residual blocks',
    space,
    genotype: {
      normal: gene(
        space,
        ['none', 'nor_conv_3x3', 'nor_conv_1x1', 'skip_connect', 'avg_pool_3x3', 'nor_conv_3x3'],
        ['n3'],
      ),
      reduce: null,
    },
    data: randomImages(7, 7, 1, 4, [16, 8, 8]),
  };
}

/** The dense teaching cell on 2D points, two cells deep: relu, tanh, sigmoid, skip and a dropped edge. */
function teachingCase(): ExportCase {
  const preset = presetSpace('teaching');
  const space: SearchSpaceSpec = {
    ...preset,
    macro: { ...preset.macro, channels: 6, cellsPerStage: 2 },
  };
  return {
    name: 'teaching cell, 2D points',
    space,
    genotype: {
      normal: gene(
        space,
        ['dense_relu', 'dense_tanh', 'none', 'skip_connect', 'dense_sigmoid', 'dense_relu'],
        ['h3'],
      ),
      reduce: null,
    },
    data: {
      id: 'spiral',
      input: { kind: 'vector', features: 2 },
      classes: 2,
      train: randomSplit(32, 2, 2, 1),
      valid: randomSplit(8, 2, 2, 2),
      test: randomSplit(8, 2, 2, 3),
    },
  };
}

/** Every export case. */
export function exportCases(): ExportCase[] {
  return [dartsCase(), dartsZerosCase(), nb201Case(), teachingCase()];
}
