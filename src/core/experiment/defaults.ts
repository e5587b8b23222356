/** Default experiments, scaled so a search finishes in a browser tab on a 2-core CPU. */
import { datasetInput } from '../data/load';
import { isTwoD, TWO_D_IDS } from '../data/two-d';
import { PRESETS, presetSpace, type PresetName } from '../search-space/presets';
import type { MacroSpec } from '../search-space/types';
import { scaledEvolution } from '../strategies/evolution-params';
import { LIMITS } from './limits';
import type {
  DartsStrategySpec,
  DatasetId,
  DatasetSpec,
  ExperimentSpec,
  InputShape,
  MultiTrialStrategySpec,
  SposStrategySpec,
  StrategyKind,
  StrategySpec,
} from './spec';

/** The seed of a default experiment when none is given. */
export const DEFAULT_SEED = 1;

/** Display names of the datasets. */
export const DATASET_LABELS: Record<DatasetId, string> = {
  spiral: 'Spiral',
  circles: 'Circles',
  xor: 'XOR',
  gaussian: 'Two Gaussians',
  mnist: 'MNIST',
};

/** Default data: 600 2D points with noise 0.1, or 2,000 MNIST digits at 14x14; 40% train, 40% valid (the alpha split), 20% test. */
export function defaultDataset(id: DatasetId): DatasetSpec {
  const split = { trainFraction: 0.4, validFraction: 0.4 };
  if (isTwoD(id)) return { id, samples: 600, noise: 0.1, imageSize: 14, ...split };
  return { id, samples: 2000, noise: 0, imageSize: 14, ...split };
}

/**
 * DARTS's settings beyond the paper's optimisers, at the paper's behaviour: no warm-up, no early
 * stop, magnitude selection (DARTS+'s 10 stable epochs and one tuning epoch per decision when
 * switched on). Specs saved before these settings existed read back with these values.
 */
export const DARTS_OPTIONS = {
  warmupEpochs: 0,
  earlyStop: 'off',
  stableEpochs: 10,
  selection: 'magnitude',
  tuneEpochs: 1,
} as const satisfies Pick<
  DartsStrategySpec,
  'warmupEpochs' | 'earlyStop' | 'stableEpochs' | 'selection' | 'tuneEpochs'
>;

/**
 * SPOS's settings added after its first release, at the behaviour specs saved before them ran with:
 * every candidate scored on the whole validation split (a subset as large as the largest split).
 * Specs, links and run files without them read back with these values.
 */
export const SPOS_OPTIONS = {
  validSubset: LIMITS.validSubset.max,
} as const satisfies Pick<SposStrategySpec, 'validSubset'>;

/**
 * DARTS hyper-parameters for the data. The paper's weight optimiser values (momentum 0.9, weight
 * decay 3e-4, clip 5, cosine to 0.001) and alpha Adam betas (0.5, 0.999) and weight decay 1e-3 are
 * kept. The alpha learning rate is 3e-3, ten times the paper's 3e-4, because these runs take about a
 * hundred times fewer steps than a CIFAR-10 search and alphas must still move. 2D sets train for 100
 * epochs at weight lr 0.3 (tiny dense cells need a larger step than convolutions: at 0.05 the spiral
 * stays near chance); MNIST for 4 epochs at the paper's 0.025.
 */
export function defaultDarts(dataset: DatasetSpec): DartsStrategySpec {
  const common = {
    kind: 'darts',
    order: 1,
    batchSize: 32,
    weightLrMin: 0.001,
    momentum: 0.9,
    weightDecay: 3e-4,
    gradClip: 5,
    alphaLr: 3e-3,
    alphaBeta1: 0.5,
    alphaBeta2: 0.999,
    alphaWeightDecay: 1e-3,
    ...DARTS_OPTIONS,
  } as const;
  return isTwoD(dataset.id)
    ? { ...common, epochs: 100, weightLr: 0.3 }
    : { ...common, epochs: 4, weightLr: 0.025 };
}

/**
 * Single Path One-Shot for the data and a space of `spaceSize` genotypes (REFERENCE.md). The
 * supernet trains with DARTS's weight optimiser and budget for the data (one uniform path per
 * step); the evolution is the paper's (20 generations of 50, top 10, 25 mutations at p = 0.1 and 25
 * crossovers) shrunk by core scaledEvolution so it evaluates at most half the space; random search
 * gets the same number of evaluations. BatchNorm is recalibrated on 4 training batches per subnet;
 * no constraint is set.
 */
export function defaultSpos(dataset: DatasetSpec, spaceSize: bigint): SposStrategySpec {
  const darts = defaultDarts(dataset);
  const evo = scaledEvolution(spaceSize);
  return {
    kind: 'spos',
    epochs: darts.epochs,
    batchSize: darts.batchSize,
    weightLr: darts.weightLr,
    weightLrMin: darts.weightLrMin,
    momentum: darts.momentum,
    weightDecay: darts.weightDecay,
    gradClip: darts.gradClip,
    search: 'evolution',
    generations: evo.generations,
    population: evo.population,
    topK: evo.topK,
    mutations: evo.mutations,
    crossovers: evo.crossovers,
    mutationProb: evo.mutationProbability,
    samples: evo.generations * evo.population,
    calibrationBatches: 4,
    validSubset: 250,
    constraints: NO_CONSTRAINTS,
  };
}

/** BatchNorm calibration batches for a DARTS run's derived cell and its stand-alone training (DARTS has no such setting: the SPOS default). */
export const DARTS_CALIBRATION_BATCHES = 4;

/** No bound on params, FLOPs or latency. */
export const NO_CONSTRAINTS = { maxParams: null, maxFlops: null, maxLatencyMs: null } as const;

/**
 * Multi-trial baselines for the data and a space of `spaceSize` genotypes: each trial trains a
 * subnet from scratch with DARTS's weight optimiser for a fifth of the supernet's epochs (20 on 2D
 * sets, 1 on MNIST); 20 trials, or half the space when it is smaller; regularized evolution with
 * NATS-Bench's population 10 and sample 3, shrunk to half the trials on small budgets.
 */
export function defaultMultiTrial(dataset: DatasetSpec, spaceSize: bigint): MultiTrialStrategySpec {
  const darts = defaultDarts(dataset);
  const half = spaceSize / 2n;
  const trials = Math.max(1, half >= 20n ? 20 : Number(half));
  return {
    kind: 'multi-trial',
    epochs: Math.max(1, Math.round(darts.epochs / 5)),
    batchSize: darts.batchSize,
    weightLr: darts.weightLr,
    weightLrMin: darts.weightLrMin,
    momentum: darts.momentum,
    weightDecay: darts.weightDecay,
    gradClip: darts.gradClip,
    search: 'evolution',
    trials,
    population: Math.max(1, Math.min(10, Math.floor(trials / 2))),
    sample: 3,
    calibrationBatches: 4,
    constraints: NO_CONSTRAINTS,
  };
}

/** Display names of the strategy kinds. */
export const STRATEGY_LABELS: Record<StrategyKind, string> = {
  darts: 'DARTS (differentiable)',
  spos: 'Single Path One-Shot',
  'multi-trial': 'Multi-trial (stand-alone training)',
};

/** The defaults of strategy `kind` for the data and a space of `spaceSize` genotypes. */
export function defaultStrategy(
  kind: StrategyKind,
  dataset: DatasetSpec,
  spaceSize: bigint,
): StrategySpec {
  if (kind === 'spos') return defaultSpos(dataset, spaceSize);
  if (kind === 'multi-trial') return defaultMultiTrial(dataset, spaceSize);
  return defaultDarts(dataset);
}

/**
 * The preset's macro skeleton shrunk for the browser. Image presets: 8 channels, one cell per stage,
 * the preset's stages (3) or fewer when the input is too small for them (2 for 7x7). The teaching
 * preset keeps its own (already small) skeleton.
 */
export function browserMacro(preset: PresetName, input: InputShape): MacroSpec {
  const macro = presetSpace(preset).macro;
  if (PRESETS[preset].domain === 'vector') return macro;
  let stages = macro.stages;
  if (input.kind === 'image') {
    const side = Math.min(input.height, input.width);
    while (stages > 1 && side < 2 ** stages) stages -= 1;
  }
  return { ...macro, channels: 8, cellsPerStage: 1, stages };
}

/** The datasets a preset can run on: the 2D sets for vector presets, MNIST for image presets. */
export function datasetsFor(preset: PresetName): DatasetId[] {
  return PRESETS[preset].domain === 'vector' ? [...TWO_D_IDS] : ['mnist'];
}

/**
 * A complete experiment: the preset's space with the browser macro, the dataset's defaults and
 * DARTS scaled to them. Pairing a preset with a dataset outside `datasetsFor(preset)` gives a spec
 * that validateExperiment rejects.
 */
export function defaultExperiment(
  preset: PresetName,
  dataset: DatasetId,
  seed: number = DEFAULT_SEED,
): ExperimentSpec {
  const base = defaultDataset(dataset);
  // The DARTS cells (8 ops, 14 edges, two cell types) cost ~3.5 s a step on 14x14 digits on wasm;
  // on 7x7 with two stages a step takes ~1 s, so the default search ends in minutes, not a quarter hour.
  const data = preset === 'darts' && dataset === 'mnist' ? { ...base, imageSize: 7 } : base;
  const space = presetSpace(preset);
  return {
    version: 1,
    name: `${PRESETS[preset].label} on ${DATASET_LABELS[dataset]}`,
    seed,
    space: { ...space, macro: browserMacro(preset, datasetInput(data).input) },
    dataset: data,
    strategy: defaultDarts(data),
  };
}
