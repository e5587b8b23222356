import { describe, expect, it } from 'vitest';
import type { InputShape } from '../experiment/spec';
import { presetSpace } from '../search-space/presets';
import { referenceNetwork } from '../search-space/reference-networks';
import type { SearchSpaceSpec } from '../search-space/types';
import { skeletonLayout, spacePorts } from './skeleton';

const CIFAR: InputShape = { kind: 'image', height: 32, width: 32, channels: 3 };
const MNIST7: InputShape = { kind: 'image', height: 7, width: 7, channels: 1 };

/** Cell-input preprocessing of `space`'s network: how many at stride 1 (ReLU-Conv1x1-BN) and at stride 2 (FactorizedReduce). */
function preprocessing(
  space: SearchSpaceSpec,
  input: InputShape,
): { conv1x1: number; reduce: number; cells: number } {
  const layout = skeletonLayout(space.macro, input, 10, spacePorts(space));
  const pre = layout.parts.filter((p) => p.kind === 'preprocess');
  return {
    conv1x1: pre.filter((p) => p.stride === 1).length,
    reduce: pre.filter((p) => p.stride === 2).length,
    cells: layout.cells.length,
  };
}

describe('cell-input preprocessing: only where an input differs from the cell shape', () => {
  it('preprocesses both inputs of every DARTS cell, as quark0/darts always does', () => {
    // NetworkCIFAR: 20 cells; the two after a reduction take a FactorizedReduce of the cell before it.
    expect(preprocessing(referenceNetwork('darts-cifar10').space, CIFAR)).toEqual({
      conv1x1: 38,
      reduce: 2,
      cells: 20,
    });
    // The search network (8 cells) and a two-stage network on 7x7 digits.
    expect(preprocessing(presetSpace('darts'), CIFAR)).toEqual({
      conv1x1: 14,
      reduce: 2,
      cells: 8,
    });
    const twoStages = presetSpace('darts');
    const small = {
      ...twoStages,
      macro: { ...twoStages.macro, stages: 2, cellsPerStage: 1, channels: 8 },
    };
    expect(preprocessing(small, MNIST7)).toEqual({ conv1x1: 5, reduce: 1, cells: 3 });
  });

  it('never preprocesses a NAS-Bench-201 cell, as its cells take and give C channels', () => {
    expect(preprocessing(presetSpace('nb201'), CIFAR)).toEqual({
      conv1x1: 0,
      reduce: 0,
      cells: 15,
    });
  });

  it('passes an input through unchanged where it already has the cell shape (a departure from DARTS)', () => {
    // Stem multiplier 1: the stem gives C channels, so the stem inputs of the first two cells (three
    // in all) skip the ReLU-Conv1x1-BN that DARTS would still apply. Every other input differs.
    const darts = referenceNetwork('darts-cifar10').space;
    const space = { ...darts, macro: { ...darts.macro, stemMultiplier: 1 } };
    expect(preprocessing(space, CIFAR)).toEqual({ conv1x1: 35, reduce: 2, cells: 20 });
  });
});
