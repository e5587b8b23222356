/** A micro DARTS space, its input and a hand-written latency table for it. */
import type { InputShape } from '../experiment/spec';
import type { LatencyTable } from '../cost/latency';
import type { CellSpec, SearchSpaceSpec } from '../search-space/types';

/** Both cell roles, 2 inputs, 1 node keeping both edges, ops none / max_pool_3x3 / skip_connect / sep_conv_3x3; 2 channels, 2 stages (the engine testkit's microDarts). */
export function microSpace(): SearchSpaceSpec {
  const ops = ['none', 'max_pool_3x3', 'skip_connect', 'sep_conv_3x3'] as const;
  const cell: CellSpec = {
    inputs: ['c0', 'c1'],
    nodes: ['n0'],
    edges: [
      { id: 'e0', from: 'c0', to: 'n0', ops },
      { id: 'e1', from: 'c1', to: 'n0', ops },
    ],
    output: 'concat',
    derive: { rule: 'top-k', k: 2 },
  };
  return {
    preset: null,
    normal: cell,
    reduce: cell,
    macro: { channels: 2, stemMultiplier: 1, stages: 2, cellsPerStage: 1, reduction: 'cell' },
  };
}

/** The micro space's input: 4x4 single-channel images (3 classes). */
export const MICRO_INPUT: InputShape = { kind: 'image', height: 4, width: 4, channels: 1 };

/** Every entry the micro DARTS space needs, at hand-picked values (ms). */
export function microTable(): LatencyTable {
  return {
    backend: 'cpu',
    device: 'hand-written',
    created: '2026-01-01T00:00:00.000Z',
    batch: 1,
    warmup: 0,
    repeats: 1,
    entries: {
      'stem|image|1>2|4x4|s1': 1,
      'preprocess|image|2>4|4x4|s1': 2,
      'preprocess|image|2>4|4x4|s2': 4,
      'head|image|4>3|2x2|s1': 8,
      'max_pool_3x3|image|2>2|4x4|s1': 0.1,
      'sep_conv_3x3|image|2>2|4x4|s1': 0.5,
      'node_sum|image|2>2|4x4|s1|x2': 0.01,
      'max_pool_3x3|image|4>4|4x4|s2': 0.2,
      'skip_connect|image|4>4|4x4|s2': 0.3,
      'sep_conv_3x3|image|4>4|4x4|s2': 0.7,
      'node_sum|image|4>4|2x2|s1|x2': 0.02,
      'max_pool_3x3|image|4>4|2x2|s1': 0.05,
      'sep_conv_3x3|image|4>4|2x2|s1': 0.4,
    },
  };
}
