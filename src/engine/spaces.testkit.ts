/** Small search spaces and data for engine tests (tiny, so the cpu backend can run them too). */
import type { DartsStrategySpec, DataSplit, LoadedDataset } from '../core/experiment/spec';
import { DARTS_OPTIONS } from '../core/experiment/defaults';
import { createRng } from '../core/random';
import { DARTS_OPS, presetSpace } from '../core/search-space/presets';
import type { OpName } from '../core/search-space/ops';
import type { CellSpec, SearchSpaceSpec } from '../core/search-space/types';
import { microSpace } from '../core/latency-loss/latency-loss.testkit';

/** The NAS-Bench-201 cell at 4 channels, two stages joined by a residual block. */
export function tinyNb201(): SearchSpaceSpec {
  return {
    ...presetSpace('nb201'),
    macro: { channels: 4, stemMultiplier: 1, stages: 2, cellsPerStage: 1, reduction: 'residual' },
  };
}

/** A DARTS-style cell with 2 inputs, 2 nodes (n1 with 3 inputs), `ops` (all 8 DARTS ops by default) on each of its 5 edges, each node keeping 2. */
export function smallDartsCell(ops: readonly OpName[] = DARTS_OPS): CellSpec {
  return {
    inputs: ['c0', 'c1'],
    nodes: ['n0', 'n1'],
    edges: [
      { id: 'e0', from: 'c0', to: 'n0', ops },
      { id: 'e1', from: 'c1', to: 'n0', ops },
      { id: 'e2', from: 'c0', to: 'n1', ops },
      { id: 'e3', from: 'c1', to: 'n1', ops },
      { id: 'e4', from: 'n0', to: 'n1', ops },
    ],
    output: 'concat',
    derive: { rule: 'top-k', k: 2 },
  };
}

/** Normal + reduction cells of `smallDartsCell`, stem x2, two stages, 4 channels. */
export function tinyDarts(): SearchSpaceSpec {
  return {
    preset: null,
    normal: smallDartsCell(),
    reduce: smallDartsCell(),
    macro: { channels: 4, stemMultiplier: 2, stages: 2, cellsPerStage: 1, reduction: 'cell' },
  };
}

/** The smallest space with both cell roles: 2 inputs, 1 node, ops of every image kind but dilated ones; 2 channels (core's latency-loss micro space). */
export function microDarts(): SearchSpaceSpec {
  return microSpace();
}

/** `count` seeded random examples of `size` values each, with labels in [0, classes). */
export function randomSplit(count: number, size: number, classes: number, seed: number): DataSplit {
  const rng = createRng(seed);
  const x = Float32Array.from({ length: count * size }, () => rng.normal());
  const y = Int32Array.from({ length: count }, () => rng.int(classes));
  return { x, y, count };
}

/** A random image dataset of h x w x c examples. */
export function randomImages(
  h: number,
  w: number,
  c: number,
  classes: number,
  counts: [number, number, number],
): LoadedDataset {
  const size = h * w * c;
  return {
    id: 'mnist',
    input: { kind: 'image', height: h, width: w, channels: c },
    classes,
    train: randomSplit(counts[0], size, classes, 1),
    valid: randomSplit(counts[1], size, classes, 2),
    test: randomSplit(counts[2], size, classes, 3),
  };
}

/** DARTS hyper-parameters for tests (the paper's, with a larger alpha lr so alphas move within a few steps). */
export function testStrategy(order: 1 | 2, epochs = 1, batchSize = 8): DartsStrategySpec {
  return {
    kind: 'darts',
    order,
    epochs,
    batchSize,
    weightLr: 0.025,
    weightLrMin: 0.001,
    momentum: 0.9,
    weightDecay: 3e-4,
    gradClip: 5,
    alphaLr: 3e-2,
    alphaBeta1: 0.5,
    alphaBeta2: 0.999,
    alphaWeightDecay: 1e-3,
    ...DARTS_OPTIONS,
  };
}
