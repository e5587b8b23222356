/**
 * The networks the papers price their genotypes in, and the datasets that set their input shape:
 * the DARTS CIFAR-10 evaluation network, the NAS-Bench-201 network, and the studio presets at
 * their paper macros. `resizeNetwork` applies a total cell count and initial channels the way the
 * DARTS and NAS-Bench-201 code take them.
 */
import { datasetInput } from '../data/load';
import { TWO_D_IDS } from '../data/two-d';
import { defaultDataset } from '../experiment/defaults';
import type { InputShape } from '../experiment/spec';
import { presetSpace, type PresetName } from './presets';
import type { MacroSpec, SearchSpaceSpec } from './types';

/** What a dataset feeds a network: one example's shape and the class count. */
export interface ReferenceDataset {
  readonly input: InputShape;
  readonly classes: number;
}

/** MNIST digits from core's loader at a side length (28 native, 14 and 7 as the studio downsamples). */
function mnist(imageSize: number): ReferenceDataset {
  return datasetInput({ ...defaultDataset('mnist'), imageSize });
}

const image = (side: number, classes: number): ReferenceDataset => ({
  input: { kind: 'image', height: side, width: side, channels: 3 },
  classes,
});

/**
 * Datasets by id: CIFAR-10 and CIFAR-100 (32x32x3), ImageNet16-120 (16x16x3, 120 classes) as
 * NAS-Bench-201 uses them; MNIST at 28x28 and at the studio's 14x14 and 7x7; the 2D point sets.
 */
export const REFERENCE_DATASETS: Readonly<Record<string, ReferenceDataset>> = {
  cifar10: image(32, 10),
  cifar100: image(32, 100),
  'imagenet16-120': image(16, 120),
  mnist: mnist(28),
  'mnist-14': mnist(14),
  'mnist-7': mnist(7),
  ...Object.fromEntries(TWO_D_IDS.map((id) => [id, datasetInput(defaultDataset(id))])),
};

/** Every dataset id `REFERENCE_DATASETS` knows. */
export const REFERENCE_DATASET_IDS = Object.keys(REFERENCE_DATASETS);

/** Names of the reference networks: the two paper networks and the studio presets. */
export const REFERENCE_NETWORK_NAMES = [
  'darts-cifar10',
  'nb201-cifar10',
  'nb201',
  'darts',
  'teaching',
] as const;

/** A reference network name. */
export type ReferenceNetworkName = (typeof REFERENCE_NETWORK_NAMES)[number];

/** A network to price genotypes in: its search space (cells and macro) and its default dataset. */
export interface ReferenceNetwork {
  readonly space: SearchSpaceSpec;
  readonly dataset: string;
}

/** True when `name` is a reference network. */
export function isReferenceNetworkName(name: string): name is ReferenceNetworkName {
  return (REFERENCE_NETWORK_NAMES as readonly string[]).includes(name);
}

/** The default dataset of each studio preset: MNIST digits for the image cells, the spiral for the dense one. */
const STUDIO_DATASET: Record<PresetName, string> = {
  nb201: 'mnist',
  darts: 'mnist',
  teaching: 'spiral',
};

/**
 * A reference network. `darts-cifar10`: quark0/darts `NetworkCIFAR` as train.py builds it (36
 * initial channels, 20 cells with reductions at cells 6 and 13, stem 3x3 to 108, no auxiliary head).
 * `nb201-cifar10`: the NAS-Bench-201 network (C = 16, 5 cells per stage, residual reductions). The
 * studio presets keep their paper macros (presets.ts); `darts` is the 8-cell search network.
 */
export function referenceNetwork(name: ReferenceNetworkName): ReferenceNetwork {
  if (name === 'darts-cifar10') {
    const darts = presetSpace('darts');
    return {
      space: { ...darts, macro: { ...darts.macro, channels: 36, cellsPerStage: 6 } },
      dataset: 'cifar10',
    };
  }
  if (name === 'nb201-cifar10') return { space: presetSpace('nb201'), dataset: 'cifar10' };
  return { space: presetSpace(name), dataset: STUDIO_DATASET[name] };
}

/** Cells in a network of this macro: every normal cell, plus the reduction cells between stages when reductions are cells. */
export function totalCells(macro: MacroSpec): number {
  const reductions = macro.reduction === 'cell' ? macro.stages - 1 : 0;
  return macro.stages * macro.cellsPerStage + reductions;
}

/** A new macro, or the reason the request does not fit it. */
export type Resized =
  { readonly ok: true; readonly macro: MacroSpec } | { readonly ok: false; readonly error: string };

/**
 * The macro with `cells` searched cells in all and `channels` initial channels (each left as is when
 * omitted). `cells` counts every cell the genotype fills. With reduction cells (DARTS) they sit at
 * cells/3 and 2*cells/3 as in quark0/darts, so stages stay equal only when cellsPerStage =
 * (cells - 2) / 3 is a whole number (20 gives 6, 8 gives 2). Without them (NAS-Bench-201, whose
 * residual blocks are not cells) cells = cellsPerStage * stages: the benchmark's N = 5 is 15.
 */
export function resizeNetwork(
  macro: MacroSpec,
  change: { cells?: number; channels?: number },
): Resized {
  const { cells, channels } = change;
  if (channels !== undefined && !(Number.isInteger(channels) && channels >= 1))
    return { ok: false, error: `Channels must be a whole number of at least 1 (got ${channels}).` };
  let cellsPerStage = macro.cellsPerStage;
  if (cells !== undefined) {
    const reductions = macro.reduction === 'cell' ? macro.stages - 1 : 0;
    cellsPerStage = (cells - reductions) / macro.stages;
    if (!Number.isInteger(cellsPerStage) || cellsPerStage < 1) {
      const rule =
        reductions > 0
          ? `${macro.stages} stages of equal normal cells plus ${reductions} reduction cells: ${macro.stages}k + ${reductions}`
          : `${macro.stages} stage(s) of equal cells: a multiple of ${macro.stages}`;
      const nearest = [1, 2, 3].map((k) => k * macro.stages + reductions).join(', ');
      return {
        ok: false,
        error: `${cells} cells do not fit this network's ${rule} (${nearest}, ...).`,
      };
    }
  }
  return { ok: true, macro: { ...macro, cellsPerStage, channels: channels ?? macro.channels } };
}

/** True when the dataset's inputs suit the space: images for cell spaces with reductions, 2D points for the dense one. */
export function datasetFits(space: SearchSpaceSpec, dataset: ReferenceDataset): boolean {
  return (space.macro.reduction === 'none') === (dataset.input.kind === 'vector');
}
