import { describe, expect, it } from 'vitest';
import { browserMacro } from '../experiment/defaults';
import type { InputShape } from '../experiment/spec';
import { createRng } from '../random';
import { presetSpace, type PresetName } from '../search-space/presets';
import { sampleGenotype } from '../strategies/sample';
import type { CellSpec, Genotype, SearchSpaceSpec } from '../search-space/types';
import {
  latencyKeys,
  latencyKeyString,
  missingKeys,
  subnetLatency,
  subnetLatencyKeys,
  type LatencyTable,
} from './latency';

/** 2 inputs, nodes n0 and n1 (concat), three edges; n0 -> n1 works at half resolution in a reduction cell. */
const CELL: CellSpec = {
  inputs: ['c0', 'c1'],
  nodes: ['n0', 'n1'],
  edges: [
    { id: 'e0', from: 'c0', to: 'n0', ops: ['none', 'skip_connect', 'max_pool_3x3'] },
    { id: 'e1', from: 'c1', to: 'n0', ops: ['sep_conv_3x3'] },
    { id: 'e2', from: 'n0', to: 'n1', ops: ['skip_connect', 'dil_conv_3x3'] },
  ],
  output: 'concat',
  derive: { rule: 'top-k', k: 1 },
};

/** Stem 1 -> 6 channels on 6x6, a normal cell at 2 channels, a reduction cell and a normal cell at 4; 3 classes. */
const TINY: SearchSpaceSpec = {
  preset: null,
  normal: CELL,
  reduce: CELL,
  macro: { channels: 2, stemMultiplier: 3, stages: 2, cellsPerStage: 1, reduction: 'cell' },
};
const IMG6: InputShape = { kind: 'image', height: 6, width: 6, channels: 1 };

// Walked by hand. Shapes after each block: stem 6x6x6; normal 6x6x4 (2 nodes x 2); reduce 3x3x8;
// normal 3x3x8. The first cell preprocesses the stem twice (same key); the reduction cell's second
// input already has its shape (6x6x4), so only its first is preprocessed.
const TINY_FIXED = [
  'stem|image|1>6|6x6|s1',
  'preprocess|image|6>2|6x6|s1',
  'preprocess|image|6>4|6x6|s1',
  'preprocess|image|4>4|6x6|s2',
  'preprocess|image|8>4|3x3|s1',
  'head|image|8>3|3x3|s1',
];
// none and stride-1 skip_connect are free; the reduction cell's n0 -> n1 edge meets the second
// normal cell's dil_conv key (4 channels at 3x3, stride 1).
const TINY_OPS = [
  'max_pool_3x3|image|2>2|6x6|s1',
  'sep_conv_3x3|image|2>2|6x6|s1',
  'dil_conv_3x3|image|2>2|6x6|s1',
  'skip_connect|image|4>4|6x6|s2',
  'max_pool_3x3|image|4>4|6x6|s2',
  'sep_conv_3x3|image|4>4|6x6|s2',
  'dil_conv_3x3|image|4>4|3x3|s1',
  'max_pool_3x3|image|4>4|3x3|s1',
  'sep_conv_3x3|image|4>4|3x3|s1',
];

// Node n0 can sum two edges (e0 offers non-none ops, e1 sep_conv); n1 has one edge. Both nodes
// form the output, so every cell concatenates two nodes. The reduction cell's nodes work at 3x3 at
// 4 channels, the same keys as the second normal cell's.
const TINY_COMBINE = [
  'node_sum|image|2>2|6x6|s1|x2',
  'node_sum|image|4>4|3x3|s1|x2',
  'cell_concat|image|2>4|6x6|s1|x2',
  'cell_concat|image|4>8|3x3|s1|x2',
];

function table(entries: Record<string, number>): LatencyTable {
  return {
    backend: 'wasm',
    device: 'test',
    created: '2025-01-01T00:00:00.000Z',
    batch: 1,
    warmup: 1,
    repeats: 3,
    entries,
  };
}

const strings = (space: SearchSpaceSpec, input: InputShape, classes: number): string[] =>
  latencyKeys(space, input, classes).map(latencyKeyString);

describe('latencyKeys', () => {
  it('lists exactly the hand-walked keys of a tiny DARTS-style space, each once', () => {
    const keys = strings(TINY, IMG6, 3);
    expect([...keys].sort()).toEqual([...TINY_FIXED, ...TINY_OPS, ...TINY_COMBINE].sort());
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('names residual blocks and the BatchNorm head of residual spaces', () => {
    const cell: CellSpec = {
      inputs: ['x'],
      nodes: ['n1'],
      edges: [{ id: 'e0', from: 'x', to: 'n1', ops: ['none', 'skip_connect', 'nor_conv_3x3'] }],
      output: 'last',
      derive: { rule: 'per-edge' },
    };
    const space: SearchSpaceSpec = {
      preset: null,
      normal: cell,
      reduce: null,
      macro: { channels: 4, stemMultiplier: 1, stages: 2, cellsPerStage: 1, reduction: 'residual' },
    };
    const input: InputShape = { kind: 'image', height: 8, width: 8, channels: 3 };
    expect(strings(space, input, 10).sort()).toEqual(
      [
        'stem|image|3>4|8x8|s1',
        'nor_conv_3x3|image|4>4|8x8|s1',
        'residual_block|image|4>8|8x8|s2',
        'nor_conv_3x3|image|8>8|4x4|s1',
        'head_bn_relu|image|8>10|4x4|s1',
      ].sort(),
    );
  });

  it('prices vector spaces at 1x1, with no preprocessing when widths match', () => {
    const cell: CellSpec = {
      inputs: ['x'],
      nodes: ['n1'],
      edges: [{ id: 'e0', from: 'x', to: 'n1', ops: ['dense_relu', 'skip_connect', 'none'] }],
      output: 'last',
      derive: { rule: 'per-edge' },
    };
    const space: SearchSpaceSpec = {
      preset: null,
      normal: cell,
      reduce: null,
      macro: { channels: 4, stemMultiplier: 1, stages: 1, cellsPerStage: 2, reduction: 'none' },
    };
    expect(strings(space, { kind: 'vector', features: 2 }, 2).sort()).toEqual(
      ['stem|vector|2>4|1x1|s1', 'dense_relu|vector|4>4|1x1|s1', 'head|vector|4>2|1x1|s1'].sort(),
    );
  });

  it('refuses a skeleton the engine cannot build', () => {
    const space = { ...TINY, macro: { ...TINY.macro, reduction: 'cell' as const } };
    expect(() => latencyKeys(space, { kind: 'vector', features: 2 }, 2)).toThrow(/reduction/);
    expect(() => latencyKeys({ ...TINY, reduce: null }, IMG6, 3)).toThrow(/reduce cell/);
  });
});

describe('subnetLatency', () => {
  // Every key gets a distinct value so a wrong or missing term changes the sum.
  const values: Record<string, number> = {};
  [...TINY_FIXED, ...TINY_OPS, ...TINY_COMBINE].forEach((k, i) => (values[k] = 2 ** i / 64));
  const v = (k: string): number => values[k] as number;
  const genotype: Genotype = {
    normal: {
      edges: [
        { from: 'c1', to: 'n0', op: 'sep_conv_3x3' },
        { from: 'n0', to: 'n1', op: 'dil_conv_3x3' },
      ],
      concat: ['n0', 'n1'],
    },
    reduce: {
      edges: [
        { from: 'c0', to: 'n0', op: 'max_pool_3x3' },
        { from: 'n0', to: 'n1', op: 'skip_connect' },
      ],
      concat: ['n0', 'n1'],
    },
  };

  it('equals the hand sum over fixed layers and kept ops at every cell instance', () => {
    const hand =
      v('stem|image|1>6|6x6|s1') +
      2 * v('preprocess|image|6>2|6x6|s1') +
      v('preprocess|image|6>4|6x6|s1') +
      v('preprocess|image|4>4|6x6|s2') +
      v('preprocess|image|8>4|3x3|s1') +
      v('head|image|8>3|3x3|s1') +
      v('sep_conv_3x3|image|2>2|6x6|s1') +
      v('dil_conv_3x3|image|2>2|6x6|s1') +
      v('max_pool_3x3|image|4>4|6x6|s2') + // the reduction cell's skip n0 -> n1 is free
      v('sep_conv_3x3|image|4>4|3x3|s1') +
      v('dil_conv_3x3|image|4>4|3x3|s1') +
      v('cell_concat|image|2>4|6x6|s1|x2') + // no node sums two kept edges here
      2 * v('cell_concat|image|4>8|3x3|s1|x2');
    expect(subnetLatency(TINY, genotype, IMG6, 3, table(values))).toBe(hand);
  });

  it('prices a node summing two kept edges at every cell instance, and no sum for a none edge', () => {
    const summing: Genotype = {
      normal: {
        edges: [
          { from: 'c0', to: 'n0', op: 'max_pool_3x3' },
          { from: 'c1', to: 'n0', op: 'sep_conv_3x3' },
          { from: 'n0', to: 'n1', op: 'skip_connect' },
        ],
        concat: ['n0', 'n1'],
      },
      reduce: {
        edges: [
          { from: 'c0', to: 'n0', op: 'none' },
          { from: 'c1', to: 'n0', op: 'sep_conv_3x3' },
          { from: 'n0', to: 'n1', op: 'skip_connect' },
        ],
        concat: ['n0', 'n1'],
      },
    };
    const keys = subnetLatencyKeys(TINY, summing, IMG6, 3).map(latencyKeyString);
    expect(keys.filter((k) => k.startsWith('node_sum'))).toEqual([
      'node_sum|image|2>2|6x6|s1|x2',
      'node_sum|image|4>4|3x3|s1|x2',
    ]);
    const hand =
      v('stem|image|1>6|6x6|s1') +
      2 * v('preprocess|image|6>2|6x6|s1') +
      v('preprocess|image|6>4|6x6|s1') +
      v('preprocess|image|4>4|6x6|s2') +
      v('preprocess|image|8>4|3x3|s1') +
      v('head|image|8>3|3x3|s1') +
      v('max_pool_3x3|image|2>2|6x6|s1') +
      v('sep_conv_3x3|image|2>2|6x6|s1') +
      v('node_sum|image|2>2|6x6|s1|x2') +
      v('cell_concat|image|2>4|6x6|s1|x2') +
      v('sep_conv_3x3|image|4>4|6x6|s2') +
      v('cell_concat|image|4>8|3x3|s1|x2') +
      v('max_pool_3x3|image|4>4|3x3|s1') +
      v('sep_conv_3x3|image|4>4|3x3|s1') +
      v('node_sum|image|4>4|3x3|s1|x2') +
      v('cell_concat|image|4>8|3x3|s1|x2');
    expect(subnetLatency(TINY, summing, IMG6, 3, table(values))).toBe(hand);
  });

  it('names the missing key, and missingKeys lists what a table lacks', () => {
    const partial = { ...values };
    delete partial['dil_conv_3x3|image|4>4|3x3|s1'];
    delete partial['head|image|8>3|3x3|s1'];
    expect(() => subnetLatency(TINY, genotype, IMG6, 3, table(partial))).toThrow(
      /head\|image\|8>3\|3x3\|s1/,
    );
    const missing = missingKeys(latencyKeys(TINY, IMG6, 3), table(partial)).map(latencyKeyString);
    expect(missing.sort()).toEqual(['dil_conv_3x3|image|4>4|3x3|s1', 'head|image|8>3|3x3|s1']);
    expect(missingKeys(latencyKeys(TINY, IMG6, 3), table(values))).toEqual([]);
  });
});

describe('latency keys of the presets', () => {
  const cases: [PresetName, InputShape, number][] = [
    ['nb201', { kind: 'image', height: 14, width: 14, channels: 1 }, 10],
    ['darts', { kind: 'image', height: 14, width: 14, channels: 1 }, 10],
    ['teaching', { kind: 'vector', features: 2 }, 2],
  ];
  for (const [preset, input, classes] of cases) {
    it(`${preset}: every sampled subnet's keys are among the space's keys`, () => {
      const space = { ...presetSpace(preset), macro: browserMacro(preset, input) };
      const table = new Set(strings(space, input, classes));
      const rng = createRng(7);
      for (let i = 0; i < 50; i++) {
        const keys = subnetLatencyKeys(space, sampleGenotype(space, rng), input, classes);
        for (const k of keys) expect(table.has(latencyKeyString(k))).toBe(true);
      }
    });
  }
});
