import { beforeAll, describe, expect, it } from 'vitest';
import { subnetCost } from '../cost/network-cost';
import { datasetInput } from '../data/load';
import { datasetsFor, defaultExperiment } from '../experiment/defaults';
import type { InputShape } from '../experiment/spec';
import { createRng } from '../random';
import { parseGenotype } from '../search-space/genotype-parse';
import { PRESET_NAMES } from '../search-space/presets';
import { referenceNetwork } from '../search-space/reference-networks';
import type { Genotype, SearchSpaceSpec } from '../search-space/types';
import { sampleGenotype } from '../strategies/sample';
import { pytorchSource } from './pytorch';
import { runInTorch, type TorchReport } from './torch.testkit';

const CIFAR: InputShape = { kind: 'image', height: 32, width: 32, channels: 3 };

/** The genotype parsed from text, failing the test when it does not fit. */
function genotypeOf(space: SearchSpaceSpec, text: string): Genotype {
  const g = parseGenotype(space, text);
  if (!g.ok) throw new Error(g.error);
  return g.value;
}

/** Params and MACs per example of a reference network. */
interface Reference {
  readonly params: number;
  readonly macs: number;
}

/** One network exported and checked in PyTorch; `reference`, when known, is the paper network's count. */
interface ExportCase {
  readonly name: string;
  readonly space: SearchSpaceSpec;
  readonly genotype: Genotype;
  readonly input: InputShape;
  readonly classes: number;
  readonly batch: number;
  readonly steps: number;
  readonly reference?: Reference;
  readonly main?: boolean;
}

const darts = referenceNetwork('darts-cifar10').space;
const nb201 = referenceNetwork('nb201-cifar10').space;

/**
 * quark0/darts `NetworkCIFAR` (36 channels, 20 cells, no auxiliary head) built in PyTorch: DARTS_V2
 * has the 3,349,342 parameters train.py logs as "param size = 3.349342MB". MACs counted with the
 * same forward hooks as torch-check.py.
 */
const DARTS_REFERENCE: Record<'DARTS_V1' | 'DARTS_V2', Reference> = {
  DARTS_V1: { params: 3_169_414, macs: 500_987_520 },
  DARTS_V2: { params: 3_349_342, macs: 528_359_040 },
};

/**
 * NAS-Bench-201's `TinyNetwork` (C = 16, N = 5, CIFAR-10) with each cell built in PyTorch from
 * AutoDL-Projects' `InferCell`, counted with the same hooks. The extremes are the benchmark's
 * published 0.073306 and 1.531546 MB (its FLOPs, 7.78305 and 220.11969 M, also count the
 * classifier's 10 bias additions). Every other cell follows from them: each nor_conv_3x3 edge adds
 * 243,040 params and 35,389,440 MACs, each nor_conv_1x1 edge 28,000 and 3,932,160.
 */
const NB201_REFERENCE: readonly (readonly [string, Reference])[] = [
  [
    '|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|',
    { params: 1_531_546, macs: 220_119_680 },
  ],
  [
    '|none~0|+|skip_connect~0|avg_pool_3x3~1|+|none~0|none~1|none~2|',
    { params: 73_306, macs: 7_783_040 },
  ],
  [
    '|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|',
    { params: 802_426, macs: 113_951_360 },
  ],
  [
    '|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|',
    { params: 1_288_506, macs: 184_730_240 },
  ],
  [
    '|nor_conv_1x1~0|+|nor_conv_1x1~0|nor_conv_1x1~1|+|nor_conv_1x1~0|nor_conv_1x1~1|nor_conv_1x1~2|',
    { params: 241_306, macs: 31_376_000 },
  ],
  [
    '|skip_connect~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|skip_connect~1|skip_connect~2|',
    { params: 73_306, macs: 7_783_040 },
  ],
  [
    '|avg_pool_3x3~0|+|avg_pool_3x3~0|avg_pool_3x3~1|+|avg_pool_3x3~0|avg_pool_3x3~1|avg_pool_3x3~2|',
    { params: 73_306, macs: 7_783_040 },
  ],
  [
    '|nor_conv_1x1~0|+|avg_pool_3x3~0|nor_conv_3x3~1|+|none~0|skip_connect~1|nor_conv_1x1~2|',
    { params: 372_346, macs: 51_036_800 },
  ],
];

/** A composed vector cell: concat output, a node left with only zero edges, dense preprocessing. */
const VECTOR_SPACE: SearchSpaceSpec = {
  preset: null,
  normal: {
    inputs: ['x'],
    nodes: ['a', 'b', 'c'],
    edges: [
      { id: 'e1', from: 'x', to: 'a', ops: ['dense_tanh', 'none'] },
      { id: 'e2', from: 'x', to: 'b', ops: ['dense_relu', 'none'] },
      { id: 'e3', from: 'a', to: 'b', ops: ['skip_connect', 'none'] },
      { id: 'e4', from: 'a', to: 'c', ops: ['dense_sigmoid', 'none'] },
      { id: 'e5', from: 'b', to: 'c', ops: ['skip_connect', 'none'] },
    ],
    output: 'concat',
    derive: { rule: 'per-edge' },
  },
  reduce: null,
  macro: { channels: 12, stemMultiplier: 1, stages: 1, cellsPerStage: 2, reduction: 'none' },
};

const VECTOR_GENOTYPE: Genotype = {
  normal: {
    edges: [
      { from: 'x', to: 'a', op: 'dense_tanh' },
      { from: 'x', to: 'b', op: 'none' },
      { from: 'a', to: 'b', op: 'none' },
      { from: 'a', to: 'c', op: 'dense_sigmoid' },
      { from: 'b', to: 'c', op: 'skip_connect' },
    ],
    concat: ['a', 'b', 'c'],
  },
  reduce: null,
};

/** Subnets sampled from the browser default experiment of every preset, two seeds each. */
function sampledCases(): ExportCase[] {
  return PRESET_NAMES.flatMap((preset) => {
    const spec = defaultExperiment(preset, datasetsFor(preset)[0] ?? 'spiral');
    const { input, classes } = datasetInput(spec.dataset);
    return [1, 2].map((seed) => ({
      name: `sampled ${preset} subnet, seed ${seed}`,
      space: spec.space,
      genotype: sampleGenotype(spec.space, createRng(seed)),
      input,
      classes,
      batch: 4,
      steps: 3,
      main: preset === 'nb201' && seed === 1,
    }));
  });
}

const CASES: readonly ExportCase[] = [
  ...(['DARTS_V1', 'DARTS_V2'] as const).map((name) => ({
    name,
    space: darts,
    genotype: genotypeOf(darts, name),
    input: CIFAR,
    classes: 10,
    batch: 2,
    steps: 2,
    reference: DARTS_REFERENCE[name],
  })),
  ...NB201_REFERENCE.map(([text, reference]) => ({
    name: text,
    space: nb201,
    genotype: genotypeOf(nb201, text),
    input: CIFAR,
    classes: 10,
    batch: 2,
    steps: 2,
    reference,
  })),
  {
    name: 'composed vector cell',
    space: VECTOR_SPACE,
    genotype: VECTOR_GENOTYPE,
    input: { kind: 'vector', features: 2 },
    classes: 3,
    batch: 8,
    steps: 3,
  },
  ...sampledCases(),
];

const SOURCES = new Map(
  CASES.map((c) => [c.name, pytorchSource(c.space, c.genotype, c.input, c.classes)]),
);

/** The Python source exported for case `name`. */
function sourceOf(name: string): string {
  const s = SOURCES.get(name);
  if (s === undefined) throw new Error(`No case ${name}.`);
  return s;
}

describe('pytorchSource, built and trained in real PyTorch', () => {
  let reports = new Map<string, TorchReport | Error>();

  /** The PyTorch report of case `name`, failing with Python's traceback when it did not build or run. */
  function reportOf(name: string): TorchReport {
    const r = reports.get(name);
    if (r === undefined) throw new Error(`PyTorch reported nothing for ${name}.`);
    if (r instanceof Error) throw r;
    return r;
  }

  beforeAll(() => {
    reports = runInTorch(
      CASES.map((c) => ({
        name: c.name,
        source: sourceOf(c.name),
        batch: c.batch,
        steps: c.steps,
        main: c.main,
      })),
    );
  }, 180_000);

  it.each(CASES.map((c) => [c.name, c] as const))(
    '%s: builds with subnetCost params and MACs, gives [batch, classes], trains',
    (name, c) => {
      const run = reportOf(name);
      const cost = subnetCost(c.space, c.genotype, c.input, c.classes);
      expect(run.params).toBe(cost.params);
      expect(run.expected).toBe(cost.params);
      expect(run.macs).toBe(cost.flops);
      if (c.reference) expect({ params: run.params, macs: run.macs }).toEqual(c.reference);
      expect(run.output).toEqual([c.batch, c.classes]);
      expect(run.losses).toHaveLength(c.steps);
      for (const loss of run.losses) expect(Number.isFinite(loss)).toBe(true);
      expect(run.change).toBeGreaterThan(0);
      // Derived networks hold only affine BatchNorm: none without scale and shift, none after a pool.
      expect(run.built.BatchNorm2d_without_affine).toBe(0);
      expect(sourceOf(name)).toContain(
        `Expected trainable parameters (NAS Studio's cost model): ${cost.params}`,
      );
    },
  );

  it('DARTS_V2 holds the modules of NetworkCIFAR, its reduction cells pooling bare', () => {
    const run = reportOf('DARTS_V2');
    // Normal cells: 5 sep convs (4 convs, 2 BN each) + 1 dil conv (2 convs, 1 BN) = 22 convs, 11
    // BN, in 18 cells; preprocessing: 34 ReLU-Conv1x1-BN + 2 FactorizedReduce (2 convs, 1 BN) in
    // normal cells, 4 ReLU-Conv1x1-BN in the 2 reduction cells, whose 5 max pools each have no BN;
    // stem: 1 conv + 1 BN. Convs 396 + 38 + 4 + 1 = 439; BN 198 + 36 + 4 + 1 = 239.
    expect(run.built.Conv2d).toBe(439);
    expect(run.built.BatchNorm2d).toBe(239);
    expect(run.built.MaxPool2d).toBe(10);
    expect(run.built.Linear).toBe(1);
    expect(run.built.Cell).toBe(20);
    const source = sourceOf('DARTS_V2');
    expect(source).toMatch(/^import torch$/m);
    expect(source).not.toMatch(/^(import|from) (?!torch)/m);
    expect(source).toContain('if __name__ == "__main__":');
  });

  it('an NB201 cell has residual reductions, the BN-ReLU head and bare average pools', () => {
    const text = NB201_REFERENCE[2]?.[0] ?? '';
    const run = reportOf(text);
    // 15 cells x 3 nor_conv (conv + BN) + 1 avg pool; stem conv + BN; 2 residual blocks (3 convs,
    // 2 BN, 1 shortcut pool); head BN. Convs 45 + 1 + 6 = 52; BN 45 + 1 + 4 + 1 = 51.
    expect(run.built.Conv2d).toBe(52);
    expect(run.built.BatchNorm2d).toBe(51);
    expect(run.built.AvgPool2d).toBe(15 + 2);
    expect(run.built.ResidualBlock).toBe(2);
    const source = sourceOf(text);
    expect(source).toContain(`NAS-Bench-201: ${text}`);
    expect(source).toContain('count_include_pad=False');
  });

  it('a composed vector cell keeps its dense preprocessing and concat output', () => {
    const run = reportOf('composed vector cell');
    // Stem Linear; per cell 2 dense ops; the second cell's 36 -> 12 preprocessing; classifier.
    expect(run.built.Linear).toBe(1 + 4 + 1 + 1);
    expect(run.built.Conv2d ?? 0).toBe(0);
    const source = sourceOf('composed vector cell');
    expect(source).toContain('nn.Sequential(nn.ReLU(), nn.Linear(36, 12))');
    expect(source).toContain('"nodes": [1, 2, 3]');
  });

  it("the file's main block prints the output shape and the expected parameter count", () => {
    const c = CASES.find((k) => k.main === true);
    if (!c) throw new Error('No case runs its main block.');
    const run = reportOf(c.name);
    expect(run.main).toBe(
      `output shape: (2, ${c.classes})\nparameters: ${run.params} (NAS Studio expects ${run.params})\n`,
    );
  });

  it('refuses a genotype that does not fit the space', () => {
    const genotype: Genotype = { normal: { edges: [], concat: [] }, reduce: null };
    expect(() => pytorchSource(darts, genotype, CIFAR, 10)).toThrow(/reduction cell/);
  });
});
