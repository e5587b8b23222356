/** Test-only spaces, costs and checks shared by the strategy tests. */
import type { InputShape } from '../experiment/spec';
import { subnetCost } from '../cost/network-cost';
import { deriveGenotype } from '../search-space/derive';
import { presetSpace, type PresetName } from '../search-space/presets';
import type { CellAlphas, CellSpec, Genotype, SearchSpaceSpec } from '../search-space/types';
import { genotypeProblems } from './genotype-check';
import { genotypeKey } from './genotype-key';
import { genotypePath, type CellPath } from './path';
import type { CandidateCost } from './types';

/** 8x8 RGB images: small enough that pricing a subnet is instant. */
export const RGB8: InputShape = { kind: 'image', height: 8, width: 8, channels: 3 };

/** 2D points, for the teaching space. */
export const POINTS: InputShape = { kind: 'vector', features: 2 };

/**
 * A tiny top-k cell (k = 2, two inputs, concat output) whose nodes offer different numbers of
 * non-zero ops: n0 keeps both its edges (2 x 1 = 2 ways), n1 picks 2 of 3 edges weighted by
 * their non-zero op counts 1, 3, 2 (1*3 + 1*2 + 3*2 = 11 ways), n2 has one usable edge of 2 ops
 * (its other edge offers only none): 2 * 11 * 2 = 44 genotypes.
 */
export const TINY_TOP_K: CellSpec = {
  inputs: ['c0', 'c1'],
  nodes: ['n0', 'n1', 'n2'],
  edges: [
    { id: 'e0', from: 'c0', to: 'n0', ops: ['max_pool_3x3', 'avg_pool_3x3'] },
    { id: 'e1', from: 'c1', to: 'n0', ops: ['skip_connect', 'none'] },
    { id: 'e2', from: 'c0', to: 'n1', ops: ['none', 'sep_conv_3x3'] },
    { id: 'e3', from: 'c1', to: 'n1', ops: ['max_pool_3x3', 'avg_pool_3x3', 'skip_connect'] },
    { id: 'e4', from: 'n0', to: 'n1', ops: ['skip_connect', 'sep_conv_3x3'] },
    { id: 'e5', from: 'c0', to: 'n2', ops: ['none'] },
    { id: 'e6', from: 'n1', to: 'n2', ops: ['avg_pool_3x3', 'max_pool_3x3'] },
  ],
  output: 'concat',
  derive: { rule: 'top-k', k: 2 },
};

/** TINY_TOP_K as the normal cell of a one-stage network, 4 channels wide. */
export const TINY_TOP_K_SPACE: SearchSpaceSpec = {
  preset: null,
  normal: TINY_TOP_K,
  reduce: null,
  macro: { channels: 4, stemMultiplier: 1, stages: 1, cellsPerStage: 1, reduction: 'residual' },
};

/** A preset with a small network (4 channels, one cell per stage), so subnet costs price fast. */
export function smallPreset(name: PresetName): SearchSpaceSpec {
  const space = presetSpace(name);
  return { ...space, macro: { ...space.macro, channels: 4, cellsPerStage: 1 } };
}

/** Every space the strategy tests draw from, with the input it is priced on. */
export const TEST_SPACES: readonly { name: string; space: SearchSpaceSpec; input: InputShape }[] = [
  { name: 'tiny top-k', space: TINY_TOP_K_SPACE, input: RGB8 },
  { name: 'nb201', space: smallPreset('nb201'), input: RGB8 },
  { name: 'darts', space: smallPreset('darts'), input: RGB8 },
  { name: 'teaching', space: smallPreset('teaching'), input: POINTS },
];

/** A cost function pricing genotypes of `space` stand-alone on `input` with 10 classes. */
export function costOn(space: SearchSpaceSpec, input: InputShape): (g: Genotype) => CandidateCost {
  return (g) => subnetCost(space, g, input, 10);
}

/** One-hot op weights selecting a path: 1 on the kept op of each edge, 0 elsewhere (all 0 on dropped edges). */
function oneHot(cell: CellSpec, path: CellPath): CellAlphas {
  return cell.edges.map((e, i) => e.ops.map((_, j) => (path[i] === j ? 1 : 0)));
}

/**
 * The genotype DARTS derivation reads off one-hot weights on `genotype`'s own path: equal to the
 * genotype (up to edge order) exactly when the derive rule can produce it.
 */
export function rederive(space: SearchSpaceSpec, genotype: Genotype): Genotype {
  const path = genotypePath(space, genotype);
  return deriveGenotype(space, {
    normal: oneHot(space.normal, path.normal),
    reduce: space.reduce && path.reduce ? oneHot(space.reduce, path.reduce) : null,
  });
}

/**
 * Why `genotype` fails the space's checks, as sentences: the genotype problems, a derivation
 * from its own one-hot path that gives another genotype, or a cost that is not a finite count.
 * Empty for a genotype the space can produce and price.
 */
export function validityFailures(
  space: SearchSpaceSpec,
  input: InputShape,
  genotype: Genotype,
): string[] {
  const out = genotypeProblems(space, genotype).map((p) => `${p.path}: ${p.message}`);
  if (out.length > 0) return out;
  const again = genotypeKey(space, rederive(space, genotype));
  if (again !== genotypeKey(space, genotype)) out.push(`derives back as ${again}`);
  const cost = subnetCost(space, genotype, input, 10);
  if (!Number.isInteger(cost.params) || !Number.isInteger(cost.flops) || cost.params <= 0)
    out.push(`prices as ${JSON.stringify(cost)}`);
  return out;
}
