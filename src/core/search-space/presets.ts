/** Built-in search spaces: NAS-Bench-201, the DARTS cell space, and a small dense teaching space. */
import type { OpName } from './ops';
import type { CellSpec, EdgeSpec, SearchSpaceSpec } from './types';

/** Names of the built-in search spaces. */
export const PRESET_NAMES = ['nb201', 'darts', 'teaching'] as const;

/** A built-in search space name. */
export type PresetName = (typeof PRESET_NAMES)[number];

/** What each preset is, for pickers and docs; `domain` says which datasets fit it. */
export const PRESETS: Record<
  PresetName,
  { label: string; description: string; domain: 'image' | 'vector' }
> = {
  nb201: {
    label: 'NAS-Bench-201',
    description:
      'One 4-node cell, 6 edges of 5 ops each (15,625 cells), stacked in 3 stages with residual reductions.',
    domain: 'image',
  },
  darts: {
    label: 'DARTS',
    description:
      'Normal and reduction cells with 2 inputs, 4 nodes and 14 edges of 8 ops; each node keeps its 2 strongest edges.',
    domain: 'image',
  },
  teaching: {
    label: 'Teaching (dense)',
    description:
      'A 3-node cell of dense layers on 2D points: small enough to watch every alpha move.',
    domain: 'vector',
  },
};

/** True when `name` is a built-in preset. */
export function isPresetName(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name);
}

const NB201_OPS: readonly OpName[] = [
  'none',
  'skip_connect',
  'nor_conv_1x1',
  'nor_conv_3x3',
  'avg_pool_3x3',
];

/** The 8 DARTS primitives in the order of quark0/darts `PRIMITIVES`. */
export const DARTS_OPS: readonly OpName[] = [
  'none',
  'max_pool_3x3',
  'avg_pool_3x3',
  'skip_connect',
  'sep_conv_3x3',
  'sep_conv_5x5',
  'dil_conv_3x3',
  'dil_conv_5x5',
];

const TEACHING_OPS: readonly OpName[] = [
  'none',
  'skip_connect',
  'dense_relu',
  'dense_tanh',
  'dense_sigmoid',
];

/** Edges e0, e1, ... into each intermediate node from every earlier node (inputs first), node by node. */
function denseEdges(
  inputs: readonly string[],
  nodes: readonly string[],
  ops: readonly OpName[],
): EdgeSpec[] {
  const edges: EdgeSpec[] = [];
  nodes.forEach((to, i) => {
    for (const from of [...inputs, ...nodes.slice(0, i)])
      edges.push({ id: `e${edges.length}`, from, to, ops });
  });
  return edges;
}

function nb201Cell(
  inputs: readonly string[],
  nodes: readonly string[],
  ops: readonly OpName[],
): CellSpec {
  return {
    inputs,
    nodes,
    edges: denseEdges(inputs, nodes, ops),
    output: 'last',
    derive: { rule: 'per-edge' },
  };
}

function dartsCell(): CellSpec {
  const inputs = ['c0', 'c1'];
  const nodes = ['n0', 'n1', 'n2', 'n3'];
  return {
    inputs,
    nodes,
    edges: denseEdges(inputs, nodes, DARTS_OPS),
    output: 'concat',
    derive: { rule: 'top-k', k: 2 },
  };
}

/** A fresh copy of a preset space with the paper's macro skeleton (the browser defaults shrink it: see experiment/defaults). */
export function presetSpace(name: PresetName): SearchSpaceSpec {
  switch (name) {
    case 'nb201':
      return {
        preset: 'nb201',
        normal: nb201Cell(['n0'], ['n1', 'n2', 'n3'], NB201_OPS),
        reduce: null,
        macro: {
          channels: 16,
          stemMultiplier: 1,
          stages: 3,
          cellsPerStage: 5,
          reduction: 'residual',
        },
      };
    case 'darts':
      return {
        preset: 'darts',
        normal: dartsCell(),
        reduce: dartsCell(),
        macro: { channels: 16, stemMultiplier: 3, stages: 3, cellsPerStage: 2, reduction: 'cell' },
      };
    case 'teaching':
      return {
        preset: 'teaching',
        normal: nb201Cell(['x'], ['h1', 'h2', 'h3'], TEACHING_OPS),
        reduce: null,
        macro: { channels: 16, stemMultiplier: 1, stages: 1, cellsPerStage: 1, reduction: 'none' },
      };
  }
}
