/** Default experiments, scaled so a search finishes in a browser tab on a 2-core CPU. */
import { LATENCY_OFF } from '../latency-loss/spec';
import { datasetInput } from '../data/load';
import { splitCounts } from '../data/split';
import { isTwoD, TWO_D_IDS } from '../data/two-d';
import {
  budgetScale,
  dartsBudget,
  gdasBudget,
  MULTI_TRIAL_BUDGETS,
  pcDartsBudget,
  sposBudget,
  ZERO_COST_BUDGETS,
} from './budgets';
import { PRESETS, presetSpace, type PresetName } from '../search-space/presets';
import type { MacroSpec } from '../search-space/types';
import { scaledEvolution } from '../strategies/evolution-params';
import { WARMUP_POOL_DEFAULT } from '../strategies/warmup';
import { LIMITS } from './limits';
import type {
  BuiltInDatasetId,
  DartsStrategySpec,
  PcDartsStrategySpec,
  DatasetId,
  DatasetSpec,
  ExperimentSpec,
  GdasStrategySpec,
  InputShape,
  MultiTrialStrategySpec,
  ZeroCostStrategySpec,
  SposStrategySpec,
  StrategySpec,
  UploadSpec,
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
  upload: 'Your data',
};

/** Default data: 600 2D points with noise 0.1, or 2,000 MNIST digits at 14x14; 40% train, 40% valid (the alpha split), 20% test. */
export function defaultDataset(id: BuiltInDatasetId): DatasetSpec {
  const split = { trainFraction: 0.4, validFraction: 0.4 };
  if (isTwoD(id)) return { id, samples: 600, noise: 0.1, imageSize: 14, ...split };
  return { id, samples: 2000, noise: 0, imageSize: 14, ...split };
}

/**
 * DARTS's settings beyond the paper's optimisers, at the paper's behaviour: no warm-up, no early
 * stop, magnitude selection, no latency loss (DARTS+'s 10 stable epochs and one tuning epoch per decision when
 * switched on). Specs saved before these settings existed read back with these values.
 */
export const DARTS_OPTIONS = {
  warmupEpochs: 0,
  earlyStop: 'off',
  stableEpochs: 10,
  selection: 'magnitude',
  tuneEpochs: 1,
  latency: LATENCY_OFF,
} as const satisfies Pick<
  DartsStrategySpec,
  'warmupEpochs' | 'earlyStop' | 'stableEpochs' | 'selection' | 'tuneEpochs' | 'latency'
>;

/**
 * SPOS's settings added after its first release, at the behaviour specs saved before them ran with:
 * every candidate scored on the whole validation split (a subset as large as the largest split).
 * Specs, links and run files without them read back with these values.
 */
export const SPOS_OPTIONS = {
  validSubset: LIMITS.validSubset.max,
} as const satisfies Pick<SposStrategySpec, 'validSubset'>;

/** DARTS's weight-optimiser values every default keeps (momentum 0.9, gradient clip 5, cosine annealing to 0.001). */
const PAPER_WEIGHTS = { weightLrMin: 0.001, momentum: 0.9, gradClip: 5 } as const;

/** DARTS's weight decay on the network weights. */
const PAPER_WEIGHT_DECAY = 3e-4;

/**
 * DARTS for the data and a space made from preset `preset` (null: composed), at the budget of its
 * scale and data (budgets.ts, dartsBudget). Kept from the paper: first order, the weight optimiser
 * (momentum 0.9, clip 5, cosine to 0.001), the alpha Adam (betas 0.5 and 0.999, weight decay 1e-3)
 * and magnitude selection. Departures, each because the budget is minutes instead of a GPU-day:
 * - the alpha learning rate is far above the paper's 3e-4 (3e-3 on the spiral, 0.1 on the other
 *   2D sets, 1 on digits): in a few hundred noisy steps Adam moves each alpha by at most about lr a
 *   step, and the derived cell (one op per choice, inherited weights) only scores near the supernet
 *   once the softmax weights have left uniform; at 3e-3 an NB201 search on digits ends with every
 *   weight within 0.17-0.23 and a derived cell at chance;
 * - 2D sets train the dense teaching cell for 300 epochs at weight lr 0.1 (tiny dense cells need
 *   many more, larger steps than convolutions), with weight decay 2e-3 except on the spiral: at
 *   the paper's 3e-4 the validation split rewards `none` for shrinking overconfident edges and the
 *   derived circles cell drops every input edge (chance, beside a 97% supernet);
 * - the DARTS cells on digits train at batch 16 (a step costs about the same at 16 as at 32) with
 *   one warm-up epoch (PC-DARTS), weights only and half the cost, before the alphas move.
 */
export function defaultDarts(
  dataset: DatasetSpec,
  preset: string | null = null,
): DartsStrategySpec {
  const b = dartsBudget(dataset, preset);
  return {
    kind: 'darts',
    order: 1,
    epochs: b.epochs,
    batchSize: b.batchSize,
    weightLr: b.weightLr,
    ...PAPER_WEIGHTS,
    weightDecay: b.weightDecay,
    alphaLr: b.alphaLr,
    alphaBeta1: 0.5,
    alphaBeta2: 0.999,
    alphaWeightDecay: 1e-3,
    ...DARTS_OPTIONS,
    warmupEpochs: b.warmupEpochs,
  };
}

/** PC-DARTS's partial-channel ratio: the paper's K = 4 (a quarter of each edge's channels through its mixed op). */
export const PC_DARTS_PARTIAL_K = 4;

/**
 * PC-DARTS (Xu et al. 2020) for the data and preset: DARTS's settings for the same budget scale
 * (defaultDarts), with the paper's K = 4 and its warm-up share (15 of 50 epochs) of the scale's
 * epochs (budgets.ts, pcDartsBudget). Departures: DARTS's alpha learning rate and batch size at
 * each scale rather than the paper's 6e-4 and 256, which were tuned for 50 CIFAR-10 epochs.
 */
export function defaultPcDarts(
  dataset: DatasetSpec,
  preset: string | null = null,
): PcDartsStrategySpec {
  const { kind: _kind, ...darts } = defaultDarts(dataset, preset);
  return {
    ...darts,
    kind: 'pc-darts',
    warmupEpochs: pcDartsBudget(dataset, preset).warmupEpochs,
    partialK: PC_DARTS_PARTIAL_K,
  };
}

/** GDAS's temperature schedule as in the paper: linear from 10 in the first epoch to 0.1 in the last. */
export const GDAS_TEMPERATURE = { tauMax: 10, tauMin: 0.1 } as const satisfies Pick<
  GdasStrategySpec,
  'tauMax' | 'tauMin'
>;

/**
 * GDAS for the data and a space made from preset `preset` (null: composed): DARTS's budget of the
 * same scale (budgets.ts, gdasBudget: the same batch and weight rate, and on the 2D sets and
 * NAS-Bench-201 digits the same epochs and warm-up, so the two compare step for step; a lower
 * alpha rate on digits, and three times the epochs on the DARTS cells, where single-path steps
 * need more of them and cost less) and DARTS's optimisers, with the paper's temperature schedule.
 */
export function defaultGdas(dataset: DatasetSpec, preset: string | null = null): GdasStrategySpec {
  const b = gdasBudget(dataset, preset);
  return {
    kind: 'gdas',
    epochs: b.epochs,
    batchSize: b.batchSize,
    weightLr: b.weightLr,
    ...PAPER_WEIGHTS,
    weightDecay: b.weightDecay,
    alphaLr: b.alphaLr,
    alphaBeta1: 0.5,
    alphaBeta2: 0.999,
    alphaWeightDecay: 1e-3,
    warmupEpochs: b.warmupEpochs,
    ...GDAS_TEMPERATURE,
    latency: DARTS_OPTIONS.latency,
  };
}

/**
 * Single Path One-Shot for the data and a space of `spaceSize` genotypes made from preset `preset`
 * (REFERENCE.md; budgets.ts, sposBudget). As in the paper, most of the run trains the supernet
 * (one uniformly sampled path per step, DARTS's weight optimiser at weight decay 3e-4) and every
 * candidate is scored on one fixed validation subset after BatchNorm recalibration on 4 training
 * batches. The evolution is the paper's (20 generations of 50, top 10, 25 mutations at p = 0.1 and
 * 25 crossovers) shrunk by core scaledEvolution to the scale's number of evaluations and to half
 * the space; random search gets as many. Departures: the supernet's weight lr (0.05) is twice
 * DARTS's, since a single path takes the whole step that DARTS spreads over every op; fewer
 * evaluations than the paper's 1000 on image data, so the time goes to the supernet. No constraint.
 */
export function defaultSpos(
  dataset: DatasetSpec,
  spaceSize: bigint,
  preset: string | null = null,
): SposStrategySpec {
  const b = sposBudget(dataset, preset);
  const evo = scaledEvolution(spaceSize, b.evaluations);
  return {
    kind: 'spos',
    epochs: b.epochs,
    batchSize: 32,
    weightLr: b.weightLr,
    ...PAPER_WEIGHTS,
    weightDecay: PAPER_WEIGHT_DECAY,
    search: 'evolution',
    generations: evo.generations,
    population: evo.population,
    topK: evo.topK,
    mutations: evo.mutations,
    crossovers: evo.crossovers,
    mutationProb: evo.mutationProbability,
    samples: evo.generations * evo.population,
    calibrationBatches: 4,
    validSubset: b.validSubset,
    constraints: NO_CONSTRAINTS,
  };
}

/** BatchNorm calibration batches for a DARTS run's derived cell and its stand-alone training (DARTS has no such setting: the SPOS default). */
export const DARTS_CALIBRATION_BATCHES = 4;

/** No bound on params, FLOPs or latency. */
export const NO_CONSTRAINTS = { maxParams: null, maxFlops: null, maxLatencyMs: null } as const;

/**
 * Multi-trial baselines for the data and a space of `spaceSize` genotypes made from preset
 * `preset` (budgets.ts, MULTI_TRIAL_BUDGETS): each trial trains a subnet from scratch with DARTS's
 * weight optimiser (weight decay 3e-4) for the scale's short budget; 20 trials, or half the space
 * when it is smaller; regularized evolution with NATS-Bench's population 10 and sample 3, shrunk
 * to half the trials on small budgets.
 */
export function defaultMultiTrial(
  dataset: DatasetSpec,
  spaceSize: bigint,
  preset: string | null = null,
): MultiTrialStrategySpec {
  const b = MULTI_TRIAL_BUDGETS[budgetScale(dataset, preset)];
  const half = spaceSize / 2n;
  const trials = Math.max(1, half >= BigInt(b.trials) ? b.trials : Number(half));
  return {
    kind: 'multi-trial',
    epochs: b.epochs,
    batchSize: 32,
    weightLr: b.weightLr,
    ...PAPER_WEIGHTS,
    weightDecay: PAPER_WEIGHT_DECAY,
    search: 'evolution',
    trials,
    population: Math.max(1, Math.min(10, Math.floor(trials / 2))),
    sample: 3,
    warmupProxy: 'none',
    warmupPool: WARMUP_POOL_DEFAULT,
    calibrationBatches: 4,
    constraints: NO_CONSTRAINTS,
  };
}

/**
 * Zero-cost search for the data and a preset's scale (budgets.ts, ZERO_COST_BUDGETS): synflow (the
 * proxy that needs no labels and ranked best overall in Abdelfattah et al. 2021), a space of at
 * most 20,000 scored whole and 1,000 sampled from a larger one, then the best 5 trained stand-alone
 * with multi-trial's per-trial budget: 5 points are the fewest the studio reports a rank
 * correlation for.
 */
export function defaultZeroCost(
  dataset: DatasetSpec,
  preset: string | null = null,
): ZeroCostStrategySpec {
  const b = ZERO_COST_BUDGETS[budgetScale(dataset, preset)];
  return {
    kind: 'zero-cost',
    epochs: b.epochs,
    batchSize: 32,
    weightLr: b.weightLr,
    ...PAPER_WEIGHTS,
    weightDecay: PAPER_WEIGHT_DECAY,
    proxy: 'synflow',
    architectures: b.architectures,
    topK: b.topK,
    calibrationBatches: 4,
  };
}

/** The strategy with its batch no larger than the train and valid splits (a small upload; the built-in sets never need it). */
export function fitBatch<S extends StrategySpec>(strategy: S, dataset: DatasetSpec): S {
  const n = splitCounts(dataset.samples, dataset.trainFraction, dataset.validFraction);
  const most = Math.max(1, Math.min(n.train, n.valid));
  return strategy.batchSize <= most ? strategy : { ...strategy, batchSize: most };
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

/** An uploaded dataset with every example, split as the built-in sets are (40% train, 40% valid, 20% test). */
export function uploadDataset(upload: UploadSpec): DatasetSpec {
  return {
    id: 'upload',
    upload,
    samples: upload.rows,
    noise: 0,
    imageSize: upload.kind === 'images' ? upload.side : 14,
    trainFraction: 0.4,
    validFraction: 0.4,
  };
}

/** Whether an uploaded dataset suits a preset: tables feed vector presets, images image presets. */
export function uploadFits(preset: PresetName, upload: Pick<UploadSpec, 'kind'>): boolean {
  return (PRESETS[preset].domain === 'vector') === (upload.kind === 'table');
}

/** The built-in datasets a preset can run on: the 2D sets for vector presets, MNIST for image presets (uploads: uploadFits). */
export function datasetsFor(preset: PresetName): BuiltInDatasetId[] {
  return PRESETS[preset].domain === 'vector' ? [...TWO_D_IDS] : ['mnist'];
}

/**
 * A complete experiment: the preset's space with the browser macro, the dataset's defaults and
 * DARTS scaled to them. Pairing a preset with a dataset outside `datasetsFor(preset)` gives a spec
 * that validateExperiment rejects.
 */
export function defaultExperiment(
  preset: PresetName,
  dataset: BuiltInDatasetId,
  seed: number = DEFAULT_SEED,
): ExperimentSpec {
  const base = defaultDataset(dataset);
  // The DARTS cells (8 ops, 14 edges, two cell types) cost ~3.5 s a step on 14x14 digits on wasm;
  // on 7x7 with two stages a step takes ~1 s, so the default search ends in minutes, not a quarter
  // hour. 800 digits (320 to train, 320 to score) give 20 steps an epoch at batch 16 and a short
  // validation pass, so five epochs fit the budget.
  const data =
    preset === 'darts' && dataset === 'mnist' ? { ...base, samples: 800, imageSize: 7 } : base;
  return experimentOn(preset, data, `${PRESETS[preset].label} on ${DATASET_LABELS[dataset]}`, seed);
}

/** The preset's space with the browser macro for `data`, and DARTS scaled to it. */
function experimentOn(
  preset: PresetName,
  data: DatasetSpec,
  name: string,
  seed: number,
): ExperimentSpec {
  const space = presetSpace(preset);
  return {
    version: 1,
    name,
    seed,
    space: { ...space, macro: browserMacro(preset, datasetInput(data).input) },
    dataset: data,
    strategy: fitBatch(defaultDarts(data, preset), data),
  };
}

/**
 * A complete experiment on an uploaded dataset (every example; DARTS at the budget of its scale). The
 * preset must suit the upload (uploadFits), or validateExperiment rejects the spec.
 */
export function defaultUploadExperiment(
  preset: PresetName,
  upload: UploadSpec,
  seed: number = DEFAULT_SEED,
): ExperimentSpec {
  return experimentOn(
    preset,
    uploadDataset(upload),
    `${PRESETS[preset].label} on ${upload.name}`,
    seed,
  );
}
