import { describe, expect, it } from 'vitest';
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
import { compileError, runUnderStub, writePython } from './python.testkit';
import { pytorchSource } from './pytorch';

const CIFAR: InputShape = { kind: 'image', height: 32, width: 32, channels: 3 };

/** The genotype parsed from text, failing the test when it does not fit. */
function genotypeOf(space: SearchSpaceSpec, text: string): Genotype {
  const g = parseGenotype(space, text);
  if (!g.ok) throw new Error(g.error);
  return g.value;
}

/** Exports, compiles with python3, runs under the torch stand-in, and checks params and output shape. */
function exportAndCheck(
  space: SearchSpaceSpec,
  genotype: Genotype,
  input: InputShape,
  classes: number,
) {
  const source = pytorchSource(space, genotype, input, classes);
  const path = writePython(source);
  expect(compileError(path)).toBeNull();
  const run = runUnderStub(path);
  const params = subnetCost(space, genotype, input, classes).params;
  expect(run.params).toBe(params);
  expect(run.expected).toBe(params);
  expect(run.output).toEqual([2, classes]);
  expect(source).toContain(`Expected trainable parameters (NAS Studio's cost model): ${params}`);
  return { source, run };
}

describe('pytorchSource', () => {
  it('exports DARTS_V2 on darts-cifar10 with 3,349,342 params and the modules it needs', () => {
    const net = referenceNetwork('darts-cifar10');
    const { source, run } = exportAndCheck(net.space, genotypeOf(net.space, 'DARTS_V2'), CIFAR, 10);
    expect(run.params).toBe(3_349_342);
    // Normal cell: 5 sep convs (4 convs, 2 BN each) + 1 dil conv (2 convs, 1 BN) = 22 convs, 11 BN,
    // in 18 cells; preprocessing: 34 ReLU-Conv1x1-BN + 2 FactorizedReduce (2 convs, 1 BN) in normal
    // cells, 4 ReLU-Conv1x1-BN in the 2 reduction cells; reduction cells: 5 max pools (1 BN each);
    // stem: 1 conv + 1 BN. Convs 396 + 38 + 4 + 1 = 439; BN 198 + 36 + 4 + 10 + 1 = 249.
    expect(run.built.Conv2d).toBe(439);
    expect(run.built.BatchNorm2d).toBe(249);
    expect(run.built.Linear).toBe(1);
    expect(run.built.Cell).toBe(20);
    expect(source).toMatch(/^import torch$/m);
    expect(source).not.toMatch(/^(import|from) (?!torch)/m);
    expect(source).toContain('if __name__ == "__main__":');
  });

  it('exports an NB201 string on nb201-cifar10 with residual reductions and the BN-ReLU head', () => {
    const net = referenceNetwork('nb201-cifar10');
    const text =
      '|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|';
    const { source, run } = exportAndCheck(net.space, genotypeOf(net.space, text), CIFAR, 10);
    // 15 cells x 3 nor_conv (conv + BN) + 1 avg pool (BN); stem conv + BN; 2 residual blocks (3
    // convs, 2 BN); head BN. Convs 45 + 1 + 6 = 52; BN 60 + 1 + 4 + 1 = 66.
    expect(run.built.Conv2d).toBe(52);
    expect(run.built.BatchNorm2d).toBe(66);
    expect(run.built.ResidualBlock).toBe(2);
    expect(source).toContain(`NAS-Bench-201: ${text}`);
    expect(source).toContain('count_include_pad=False');
  });

  it('exports a composed vector cell: concat output, a node left with only zero edges, dense preprocessing', () => {
    const space: SearchSpaceSpec = {
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
    const genotype: Genotype = {
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
    const { source, run } = exportAndCheck(space, genotype, { kind: 'vector', features: 2 }, 3);
    // Stem Linear; per cell 2 dense ops; the second cell's 36 -> 12 preprocessing; classifier.
    expect(run.built.Linear).toBe(1 + 4 + 1 + 1);
    expect(run.built.Conv2d ?? 0).toBe(0);
    expect(source).toContain('nn.Sequential(nn.ReLU(), nn.Linear(36, 12))');
    expect(source).toContain('"nodes": [1, 2, 3]');
  });

  it.each(PRESET_NAMES)(
    'exports a sampled subnet of the browser default %s experiment',
    (preset) => {
      const spec = defaultExperiment(preset, datasetsFor(preset)[0] ?? 'spiral');
      const { input, classes } = datasetInput(spec.dataset);
      for (const seed of [1, 2, 3]) {
        exportAndCheck(spec.space, sampleGenotype(spec.space, createRng(seed)), input, classes);
      }
    },
  );

  it('refuses a genotype that does not fit the space', () => {
    const net = referenceNetwork('darts-cifar10');
    const genotype: Genotype = { normal: { edges: [], concat: [] }, reduce: null };
    expect(() => pytorchSource(net.space, genotype, CIFAR, 10)).toThrow(/reduction cell/);
  });
});
