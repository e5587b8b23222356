/** Validation of experiment specs: strategy and dataset ranges, their interplay, and the search space. */
import { pushCheck, shown, type NumberRule } from '../checks';
import { datasetInput } from '../data/load';
import { splitCounts } from '../data/split';
import { isTwoD } from '../data/two-d';
import type { Problem } from '../problems';
import { validateSpace } from '../search-space/validate';
import { LIMITS } from './limits';
import { validateUpload } from './validate-upload';
import type {
  ConstraintsSpec,
  DartsStrategySpec,
  WeightTrainingSpec,
  DatasetSpec,
  ExperimentSpec,
  MultiTrialStrategySpec,
  SposStrategySpec,
  StrategySpec,
} from './spec';

/** Every cap the validators enforce (from ./limits). */
export { LIMITS };

/** Label and rule of each weight-training field, shared by every strategy. */
const WEIGHT_FIELDS: readonly [keyof WeightTrainingSpec, string, NumberRule][] = [
  ['epochs', 'Epochs', LIMITS.epochs],
  ['batchSize', 'Batch size', LIMITS.batchSize],
  ['weightLr', 'Weight learning rate', LIMITS.learningRate],
  ['weightLrMin', 'Final weight learning rate', LIMITS.weightLrMin],
  ['momentum', 'Momentum', LIMITS.momentum],
  ['weightDecay', 'Weight decay', LIMITS.weightDecay],
  ['gradClip', 'Gradient clip', LIMITS.gradClip],
];

/** Label and rule of each numeric DARTS field. */
const STRATEGY_FIELDS: readonly [
  Exclude<keyof DartsStrategySpec, 'kind' | 'order' | 'earlyStop' | 'selection'>,
  string,
  NumberRule,
][] = [
  ...WEIGHT_FIELDS,
  ['alphaLr', 'Alpha learning rate', LIMITS.learningRate],
  ['alphaBeta1', 'Alpha Adam beta1', LIMITS.beta],
  ['alphaBeta2', 'Alpha Adam beta2', LIMITS.beta],
  ['alphaWeightDecay', 'Alpha weight decay', LIMITS.weightDecay],
  ['warmupEpochs', 'Warm-up epochs', LIMITS.warmupEpochs],
  ['stableEpochs', 'Stable epochs (DARTS+)', LIMITS.stableEpochs],
  ['tuneEpochs', 'Tuning epochs', LIMITS.tuneEpochs],
];

/** Label and rule of each numeric field of a discrete-search strategy (kind, search and constraints are checked apart). */
type SearchFields<S> = readonly [
  Exclude<keyof S, 'kind' | 'search' | 'constraints'>,
  string,
  NumberRule,
][];

/** Label and rule of each numeric SPOS field. */
const SPOS_FIELDS: SearchFields<SposStrategySpec> = [
  ...WEIGHT_FIELDS,
  ['generations', 'Generations', LIMITS.generations],
  ['population', 'Population', LIMITS.population],
  ['topK', 'Top-k parents', LIMITS.topK],
  ['mutations', 'Mutations per generation', LIMITS.children],
  ['crossovers', 'Crossovers per generation', LIMITS.children],
  ['mutationProb', 'Mutation probability', LIMITS.probability],
  ['samples', 'Random-search samples', LIMITS.searchSamples],
  ['calibrationBatches', 'Calibration batches', LIMITS.calibrationBatches],
  ['validSubset', 'Validation subset', LIMITS.validSubset],
];

/** Label and rule of each numeric multi-trial field. */
const MULTI_TRIAL_FIELDS: SearchFields<MultiTrialStrategySpec> = [
  ...WEIGHT_FIELDS,
  ['trials', 'Trials', LIMITS.trials],
  ['population', 'Population', LIMITS.population],
  ['sample', 'Tournament sample', LIMITS.tournament],
  ['calibrationBatches', 'Calibration batches', LIMITS.calibrationBatches],
];

/** The final learning rate must not exceed the starting one (checked once the starting one is valid). */
function lrOrderProblems(out: Problem[], s: { weightLr: number; weightLrMin: number }): void {
  if (!out.some((p) => p.path === 'strategy.weightLr') && s.weightLrMin > s.weightLr) {
    out.push({
      path: 'strategy.weightLrMin',
      code: 'too-large',
      message: `Final weight learning rate must be at most the weight learning rate ${s.weightLr} (got ${s.weightLrMin}).`,
    });
  }
}

/** Every problem of DARTS hyper-parameters. */
function validateDarts(s: DartsStrategySpec): Problem[] {
  const out: Problem[] = [];
  if (!(LIMITS.orders as readonly number[]).includes(s.order)) {
    out.push({
      path: 'strategy.order',
      code: 'out-of-range',
      message: `DARTS order must be 1 (first order) or 2 (second order) (got ${shown(s.order)}).`,
    });
  }
  for (const [key, label, rule] of STRATEGY_FIELDS)
    pushCheck(out, `strategy.${key}`, label, s[key], rule);
  lrOrderProblems(out, s);
  if (
    !out.some((p) => p.path === 'strategy.warmupEpochs' || p.path === 'strategy.epochs') &&
    s.warmupEpochs >= s.epochs
  )
    out.push({
      path: 'strategy.warmupEpochs',
      code: 'too-large',
      message: `Warm-up epochs must be fewer than the epochs ${s.epochs}, or the alphas never train (got ${s.warmupEpochs}).`,
    });
  if (!(LIMITS.earlyStops as readonly unknown[]).includes(s.earlyStop))
    out.push({
      path: 'strategy.earlyStop',
      code: 'out-of-range',
      message: `Early stopping must be 'off' or 'darts+' (got ${shown(s.earlyStop)}).`,
    });
  if (!(LIMITS.selections as readonly unknown[]).includes(s.selection))
    out.push({
      path: 'strategy.selection',
      code: 'out-of-range',
      message: `Selection must be 'magnitude' or 'perturbation' (got ${shown(s.selection)}).`,
    });
  return out;
}

/** The problem of a discrete search kind other than 'evolution' or 'random', if any; `who` names the strategy. */
function searchKindProblems(search: unknown, who: string): Problem[] {
  if (search === 'evolution' || search === 'random') return [];
  return [
    {
      path: 'strategy.search',
      code: 'out-of-range',
      message: `The ${who} search must be 'evolution' or 'random' (got ${shown(search)}).`,
    },
  ];
}

/** Every problem of SPOS hyper-parameters, the search kind, top-k against the population, and the constraints. */
function validateSpos(s: SposStrategySpec): Problem[] {
  const out = searchKindProblems(s.search, 'SPOS');
  for (const [key, label, rule] of SPOS_FIELDS)
    pushCheck(out, `strategy.${key}`, label, s[key], rule);
  lrOrderProblems(out, s);
  if (
    !out.some((p) => p.path === 'strategy.topK' || p.path === 'strategy.population') &&
    s.topK > s.population
  ) {
    out.push({
      path: 'strategy.topK',
      code: 'too-large',
      message: `Top-k parents must be at most the population ${s.population} (got ${s.topK}).`,
    });
  }
  out.push(...constraintProblems(s.constraints, 'SPOS'));
  return out;
}

/** Every problem of the bounds on a searched subnet: each bound is null or above 0 (params and FLOPs whole). */
function constraintProblems(c: ConstraintsSpec | undefined | null, strategy: string): Problem[] {
  if (c === undefined || c === null || typeof c !== 'object') {
    return [
      {
        path: 'strategy.constraints',
        code: 'missing',
        message: `${strategy} needs constraints: give maxParams, maxFlops and maxLatencyMs (null for no bound).`,
      },
    ];
  }
  const out: Problem[] = [];
  const bounds = [
    ['maxParams', 'Max params', { ...LIMITS.maxCost, integer: true }],
    ['maxFlops', 'Max FLOPs', { ...LIMITS.maxCost, integer: true }],
    ['maxLatencyMs', 'Max latency (ms)', LIMITS.maxCost],
  ] as const;
  for (const [key, label, rule] of bounds) {
    if (c[key] !== null) pushCheck(out, `strategy.constraints.${key}`, label, c[key], rule);
  }
  return out;
}

/** Every problem of multi-trial hyper-parameters (the per-trial training budget included), the search kind and the constraints. */
function validateMultiTrial(s: MultiTrialStrategySpec): Problem[] {
  const out = searchKindProblems(s.search, 'multi-trial');
  for (const [key, label, rule] of MULTI_TRIAL_FIELDS)
    pushCheck(out, `strategy.${key}`, label, s[key], rule);
  lrOrderProblems(out, s);
  out.push(...constraintProblems(s.constraints, 'Multi-trial search'));
  return out;
}

/** Every problem of a strategy's hyper-parameters (paths 'strategy.<field>'). */
export function validateStrategy(s: StrategySpec): Problem[] {
  if (s.kind === 'darts') return validateDarts(s);
  if (s.kind === 'spos') return validateSpos(s);
  if (s.kind === 'multi-trial') return validateMultiTrial(s);
  const kind: unknown = (s as { kind: unknown }).kind;
  return [
    {
      path: 'strategy.kind',
      code: 'unknown-strategy',
      message: `Strategy ${shown(kind)} is not known; the studio runs 'darts', 'spos' or 'multi-trial'.`,
    },
  ];
}

/** Fraction checks and the sizes of the three splits. */
function splitProblems(d: DatasetSpec): Problem[] {
  const out: Problem[] = [];
  pushCheck(out, 'dataset.trainFraction', 'Train fraction', d.trainFraction, LIMITS.fraction);
  pushCheck(out, 'dataset.validFraction', 'Valid fraction', d.validFraction, LIMITS.fraction);
  if (out.length > 0) return out;
  const sum = d.trainFraction + d.validFraction;
  if (sum >= 1) {
    return [
      {
        path: 'dataset.validFraction',
        code: 'fractions-sum',
        message: `Train and valid fractions must leave some data for the test split: ${d.trainFraction} + ${d.validFraction} = ${Number(sum.toFixed(6))} is not below 1.`,
      },
    ];
  }
  if (!Number.isInteger(d.samples)) return out;
  const n = splitCounts(d.samples, d.trainFraction, d.validFraction);
  const paths = {
    train: 'dataset.trainFraction',
    valid: 'dataset.validFraction',
    test: 'dataset.validFraction',
  } as const;
  for (const split of ['train', 'valid', 'test'] as const) {
    if (n[split] < 1) {
      out.push({
        path: paths[split],
        code: 'empty-split',
        message: `The ${split} split gets no examples from ${d.samples} samples at fractions ${d.trainFraction} / ${d.validFraction}; it needs at least 1.`,
      });
    }
  }
  return out;
}

/** Every problem of a dataset spec on its own (paths 'dataset.<field>'); batch-size fit is checked by validateExperiment. */
export function validateDataset(d: DatasetSpec): Problem[] {
  const out: Problem[] = [];
  const twoD = isTwoD(d.id);
  if (d.id === 'upload') return [...validateUpload(d), ...splitProblems(d)];
  if (d.upload !== undefined)
    return [
      {
        path: 'dataset.upload',
        code: 'unexpected-upload',
        message: `The built-in dataset ${shown(d.id)} cannot also name an uploaded file.`,
      },
    ];
  if (!twoD && d.id !== 'mnist') {
    return [
      {
        path: 'dataset.id',
        code: 'unknown-dataset',
        message: `Dataset ${shown(d.id)} is not known; choose spiral, circles, xor, gaussian, mnist or upload your own.`,
      },
    ];
  }
  pushCheck(
    out,
    'dataset.samples',
    twoD ? 'Samples' : 'MNIST samples',
    d.samples,
    twoD ? LIMITS.samplesTwoD : LIMITS.samplesMnist,
  );
  if (twoD) pushCheck(out, 'dataset.noise', 'Noise', d.noise, LIMITS.noise);
  if (!twoD && !(LIMITS.imageSizes as readonly number[]).includes(d.imageSize)) {
    out.push({
      path: 'dataset.imageSize',
      code: 'out-of-range',
      message: `Image size must be 7, 14 or 28 pixels (got ${shown(d.imageSize)}).`,
    });
  }
  out.push(...splitProblems(d));
  return out;
}

/** Train and valid splits must each hold at least one batch. */
function batchProblems(d: DatasetSpec, s: StrategySpec): Problem[] {
  const n = splitCounts(d.samples, d.trainFraction, d.validFraction);
  return (['train', 'valid'] as const)
    .filter((split) => n[split] >= 1 && n[split] < s.batchSize)
    .map((split) => ({
      path: 'strategy.batchSize',
      code: 'split-smaller-than-batch',
      message: `The ${split} split has ${n[split]} examples, fewer than one batch of ${s.batchSize}; lower the batch size or use more data.`,
    }));
}

/** Everything wrong with an experiment: version, seed, dataset, strategy, their fit, and the space for the dataset's input. */
export function validateExperiment(spec: ExperimentSpec): Problem[] {
  const out: Problem[] = [];
  if (spec.version !== 1)
    out.push({
      path: 'version',
      code: 'unknown-version',
      message: `Spec version must be 1 (got ${shown(spec.version)}).`,
    });
  pushCheck(out, 'seed', 'Seed', spec.seed, LIMITS.seed);
  const dataset = validateDataset(spec.dataset);
  const strategy = validateStrategy(spec.strategy);
  out.push(...dataset, ...strategy);
  if (dataset.length === 0 && !strategy.some((p) => p.path === 'strategy.batchSize'))
    out.push(...batchProblems(spec.dataset, spec.strategy));
  if (
    !dataset.some(
      (p) =>
        p.path === 'dataset.id' ||
        p.path === 'dataset.imageSize' ||
        p.path.startsWith('dataset.upload'),
    )
  ) {
    out.push(...validateSpace(spec.space, datasetInput(spec.dataset).input));
  }
  return out;
}
